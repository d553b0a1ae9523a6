package dev.ridgeline.core.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.AdaptiveAvgPool;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Dropout;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Identity;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Mul;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.StochasticDepth;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.zoo.Zoo;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelYamlWriterTest {

    /** Writes a model and reads it back. */
    static Model roundTrip(Model model) {
        String yaml = ModelYamlWriter.toYaml(model, List.of("written by a test"));
        return ModelYamlReader.read(model.name() + ".yaml", new StringReader(yaml));
    }

    /** The same name, description, input, nodes (names, ops, inputs, labels, order) and outputs. */
    static void assertSameModel(Model expected, Model actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.description(), actual.description());
        assertEquals(expected.inputs(), actual.inputs());
        assertEquals(expected.nodes().size(), actual.nodes().size(), "node count");
        for (int i = 0; i < expected.nodes().size(); i++) {
            assertEquals(expected.nodes().get(i), actual.nodes().get(i), "node " + i);
        }
        assertEquals(expected.outputs(), actual.outputs());
    }

    static Stream<String> zoo() {
        return Zoo.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zoo")
    void everyZooModelRoundTripsToAnEqualModelWithEqualFigures(String name) {
        Model model = Zoo.load(name);
        Model back = roundTrip(model);
        assertSameModel(model, back);
        for (Convention c : Convention.values()) {
            assertEquals(Counter.count(ShapeInference.infer(model, 2), c, 2).totals(),
                    Counter.count(ShapeInference.infer(back, 2), c, 2).totals(), name + " under " + c);
        }
    }

    @Test
    void everyOpTheFormatHasRoundTripsWithItsNonDefaultFields() {
        Model model = Model.builder("all-ops").description("every op, \"quoted\": yes").input("images",
                        Shape.of(1, 8, 16, 16))
                .add(new Node("c1", new Conv2d(8, 16, new Window(3, 5, 2, 1, 1, 2, Padding.of(1, 2, 0, 3)), 2,
                        false), List.of("images"), List.of("stage one", "true")))
                .add(new Node("bn", new BatchNorm(16, false), List.of("c1")))
                .add(new Node("leaky", new Activation(ActivationKind.LEAKY_RELU, true, List.of(0.2)), List.of("bn")))
                .add(new Node("clip", Activation.clip(-1.5, 1e10), List.of("leaky")))
                .add(new Node("same", new Conv2d(16, 16, new Window(3, 3, 2, 2, 1, 1, Padding.SAME), 16, true),
                        List.of("clip")))
                .add(new Node("up", new Upsample(Upsample.Mode.BILINEAR, 2.0, 1.5, 0, 0), List.of("same")))
                .add(new Node("up2", new Upsample(Upsample.Mode.NEAREST, 0, 0, 12, 24), List.of("up")))
                .add(new Node("mp", new Pool2d(true, new Window(3, 3, 1, 1, 2, 2, Padding.of(1)), true, true),
                        List.of("up2")))
                .add(new Node("ap", new Pool2d(false, new Window(2, 2, 2, 2, 1, 1, Padding.of(1)), false, false),
                        List.of("mp")))
                .add(new Node("ct", new ConvTranspose2d(16, 8, Window.square(3, 2, 1), 1, 0, 2, false),
                        List.of("ap")))
                .add(new Node("shuffle", new ChannelShuffle(4), List.of("ct")))
                .add(new Node("aap", new AdaptiveAvgPool(4, 2), List.of("shuffle")))
                .add(new Node("gap", new GlobalAvgPool(), List.of("shuffle")))
                .add(new Node("mul", new Mul(), List.of("aap", "gap")))
                .add(new Node("cat", new Concat(1), List.of("mul", "aap")))
                .add(new Node("cat3", new Concat(3), List.of("cat", "cat")))
                .add(new Node("add", new Add(), List.of("cat3", "cat3")))
                .add(new Node("drop", new Dropout(0.25), List.of("add")))
                .add(new Node("id", new Identity(), List.of("drop")))
                .add(new Node("mm", new MatMul(), List.of("id", "id")))
                .add(new Node("flat", new Flatten(2), List.of("mm")))
                .add(new Node("fc", new Linear(16, 10, false), List.of("flat")))
                .add(new Node("hs", new Activation(ActivationKind.HARDSWISH, false), List.of("fc")))
                .output("hs").output("gap")
                .build();
        ShapeInference.infer(model, 1);
        Model back = roundTrip(model);
        assertSameModel(model, back);
        assertTrue(ModelYamlWriter.toYaml(model).contains("padding: [1, 2, 0, 3]"), ModelYamlWriter.toYaml(model));
    }

    @Test
    void splitsLayerNormsPermutesScalesAndStochasticDepthRoundTrip() {
        List<Integer> sizes = List.of(2, 4);
        Model model = Model.builder("modern").input("input", Shape.of(1, 8, 4, 6))
                .add(new Node("halves.0", new Split(1, List.of(4, 4), 0), List.of("input"), List.of("s")))
                .add(new Node("halves.1", new Split(1, List.of(4, 4), 1), List.of("input"), List.of("s")))
                .add(new Node("rows.0", new Split(3, sizes, 0), List.of("halves.0")))
                .add(new Node("rows.1", new Split(3, sizes, 1), List.of("halves.0")))
                .add(new Node("ln2d", new LayerNorm(4, LayerNorm.Axis.CHANNELS, false), List.of("halves.1")))
                .add(new Node("nhwc", new Transpose(List.of(0, 2, 3, 1)), List.of("ln2d")))
                .add(new Node("ln", new LayerNorm(4, LayerNorm.Axis.LAST, true), List.of("nhwc")))
                .add(new Node("nchw", new Transpose(List.of(0, 3, 1, 2)), List.of("ln")))
                .add(new Node("gamma", new Scale(4), List.of("nchw")))
                .add(new Node("sd", new StochasticDepth(0.125, StochasticDepth.Mode.BATCH), List.of("gamma")))
                .add(new Node("sd_row", new StochasticDepth(0.0, StochasticDepth.Mode.ROW), List.of("sd")))
                .add(new Node("cat", new Concat(3), List.of("rows.1", "rows.0")))
                .output("cat").output("sd_row")
                .build();
        ShapeInference.infer(model, 1);
        String yaml = ModelYamlWriter.toYaml(model);
        assertTrue(yaml.contains("- split: {name: halves, parts: 2, labels: [s]}"), yaml);
        assertTrue(yaml.contains("- split: {name: rows, sizes: [2, 4], axis: 3, inputs: halves.0}"), yaml);
        Model back = roundTrip(model);
        assertSameModel(model, back);
        for (Convention c : Convention.values()) {
            assertEquals(Counter.count(ShapeInference.infer(model, 1), c, 1).totals(),
                    Counter.count(ShapeInference.infer(back, 1), c, 1).totals(), "under " + c);
        }
    }

    @Test
    void aSplitWhosePartsAreNotNameDotIndexInOrderIsRefused() {
        Model model = Model.builder("m").input("input", Shape.of(1, 4, 2, 2))
                .add(new Node("a", new Split(1, List.of(2, 2), 0), List.of("input")))
                .add(new Node("b", new Split(1, List.of(2, 2), 1), List.of("input")))
                .build();
        BadInputException e = assertThrows(BadInputException.class, () -> ModelYamlWriter.toYaml(model));
        assertTrue(e.getMessage().contains("'a' (split)") && e.getMessage().contains("NAME.0 to NAME.1"),
                e.getMessage());
        Model apart = Model.builder("m").input("input", Shape.of(1, 4, 2, 2))
                .add(new Node("s.0", new Split(1, List.of(2, 2), 0), List.of("input")))
                .add(new Node("x", new Identity(), List.of("input")))
                .add(new Node("s.1", new Split(1, List.of(2, 2), 1), List.of("input")))
                .build();
        assertThrows(BadInputException.class, () -> ModelYamlWriter.toYaml(apart));
    }

    @Test
    void namesThatYamlWouldReadAsSomethingElseAreQuoted() {
        Model model = Model.builder("null").input("input", Shape.of(1, 4))
                .add(new Node("yes", new Linear(4, 4, true), List.of("input"), List.of("a, b: c #d")))
                .add(new Node("1e3", new Linear(4, 4, true), List.of("yes")))
                .add(new Node("\"x\"\\y", new Linear(4, 2, true), List.of("1e3", "1e3").subList(0, 1)))
                .build();
        assertSameModel(model, roundTrip(model));
    }

    @Test
    void anOpOnlyOnnxImportsHaveIsRefusedNamingTheLayer() {
        Model model = Model.builder("m").input("input", Shape.of(1, 4, 2, 2))
                .add(new Node("r", new Reshape(List.of(1, 16)), List.of("input")))
                .build();
        BadInputException e = assertThrows(BadInputException.class, () -> ModelYamlWriter.toYaml(model));
        assertTrue(e.getMessage().contains("'r' (reshape)"), e.getMessage());
    }

    @Property(tries = 300)
    void aChainOfConvsRoundTrips(@ForAll @IntRange(min = 1, max = 4) int groups,
                                 @ForAll @IntRange(min = 1, max = 7) int kernelH,
                                 @ForAll @IntRange(min = 1, max = 7) int kernelW,
                                 @ForAll @IntRange(min = 1, max = 3) int stride,
                                 @ForAll @IntRange(min = 0, max = 3) int padTop,
                                 @ForAll @IntRange(min = 0, max = 3) int padLeft,
                                 @ForAll @IntRange(min = 1, max = 2) int dilation,
                                 @ForAll boolean bias, @ForAll boolean max) {
        int in = 4 * groups;
        Model model = Model.builder("chain").input("input", Shape.of(1, in, 32, 32))
                .add(new Node("a", new Conv2d(in, 8 * groups, new Window(kernelH, kernelW, stride, 1, dilation, 1,
                        Padding.of(padTop, padLeft)), groups, bias), List.of("input")))
                .add(new Node("p", new Pool2d(max, new Window(2, 2, stride, stride, 1, 1, Padding.of(padTop % 2)),
                        false, true), List.of("a")))
                .add(new Node("b", new Conv2d(8 * groups, 8, Window.square(kernelH | 1, 1, Padding.SAME), 1, !bias),
                        List.of("p")))
                .build();
        ShapeInference.infer(model, 1);
        assertSameModel(model, roundTrip(model));
    }
}
