package dev.ridgeline.core.io.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.OpKind;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.zoo.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The writer, read back by the reader: the same layers, in the same order, with the same counts. */
class OnnxWriterRoundTripTest {
    /** Zoo models with an op the writer has no ONNX form for (channel_shuffle, layer_norm, silu). */
    private static final java.util.Set<String> UNWRITABLE = java.util.Set.of("convnext_tiny", "efficientnet_b0",
            "shufflenet_v2_x1_0");

    static List<String> zoo() {
        return Zoo.names().stream().filter(n -> !UNWRITABLE.contains(n)).toList();
    }

    static List<String> unwritable() {
        return List.copyOf(UNWRITABLE);
    }

    @ParameterizedTest
    @MethodSource("unwritable")
    void aZooModelWithAnOpWithoutAnOnnxFormIsRefusedByName(String name) {
        assertTrue(Zoo.names().contains(name), name + " is no longer in the zoo");
        BadInputException e = assertThrows(BadInputException.class,
                () -> OnnxWriter.toProto(Zoo.load(name), 2, WeightFill.SHAPES_ONLY, 1));
        assertTrue(e.getMessage().contains("the ONNX writer cannot write") && e.getMessage().contains("conv2d"),
                e.getMessage());
    }

    private static CostReport count(Model m, int batch) {
        return Counter.count(ShapeInference.infer(m, batch), Convention.MACS, 4);
    }

    @ParameterizedTest
    @MethodSource("zoo")
    void everyZooModelReadsBackWithTheSameLayersAndCounts(String name) {
        Model original = Zoo.load(name);
        ModelProto proto = OnnxWriter.toProto(original, 2, WeightFill.SHAPES_ONLY, 1);
        Model back = OnnxReader.read(proto, name + ".onnx", name, Optional.empty(), false);
        CostReport a = count(original, 2);
        CostReport b = count(back, 2);
        assertEquals(a.totals().params(), b.totals().params());
        assertEquals(a.totals().macs(), b.totals().macs());
        assertEquals(a.totals().activations(), b.totals().activations());
        assertEquals(a.totals().readBytes(), b.totals().readBytes());
        assertEquals(a.totals().writeBytes(), b.totals().writeBytes());
        // ONNX has no in-place ops: an in-place activation comes back as one with its own buffer
        boolean inPlace = original.nodes().stream().anyMatch(n -> n.op().aliasesInput());
        if (inPlace) {
            assertTrue(b.peakActivationBytes() >= a.peakActivationBytes());
        } else {
            assertEquals(a.peakActivationBytes(), b.peakActivationBytes());
        }
        assertEquals(a.layers().size(), b.layers().size());
        for (int i = 0; i < a.layers().size(); i++) {
            LayerCost x = a.layers().get(i);
            LayerCost y = b.layers().get(i);
            assertEquals(x.node().name(), y.node().name());
            assertEquals(x.node().inputs(), y.node().inputs(), x.node().name());
            assertEquals(x.outputShape(), y.outputShape(), x.node().name());
            assertEquals(x.cost().macs(), y.cost().macs(), x.node().name());
            assertEquals(x.cost().params(), y.cost().params(), x.node().name());
            if (x.node().op().kind() != OpKind.ADAPTIVE_AVG_POOL) {
                assertEquals(x.node().op().kind(), y.node().op().kind(), x.node().name());
            }
        }
        assertEquals(original.outputs(), back.outputs());
    }

    @Test
    void randomWeightsAreDeterministicPerSeedAndRoundTripFromAFile(@TempDir Path dir) throws Exception {
        Model model = Zoo.load("mobilenet_v2");
        byte[] one = OnnxWriter.toProto(model, 1, WeightFill.RANDOM, 7).toByteArray();
        byte[] again = OnnxWriter.toProto(model, 1, WeightFill.RANDOM, 7).toByteArray();
        byte[] other = OnnxWriter.toProto(model, 1, WeightFill.RANDOM, 8).toByteArray();
        assertArrayEquals(one, again);
        assertNotEquals(java.util.Arrays.hashCode(one), java.util.Arrays.hashCode(other));
        ModelProto proto = ModelProto.parseFrom(one);
        TensorProto first = proto.getGraph().getInitializer(0);
        long numel = first.getDimsList().stream().mapToLong(Long::longValue).reduce(1, (x, y) -> x * y);
        assertEquals(4 * numel, first.getRawData().size(), "every weight has its FP32 value");

        Path file = dir.resolve("mnv2.onnx");
        OnnxWriter.write(model, 1, WeightFill.RANDOM, 7, file);
        assertArrayEquals(one, Files.readAllBytes(file));
        Model back = OnnxReader.read(file, Optional.empty());
        assertEquals(count(model, 1).totals().params(), count(back, 1).totals().params());
        assertTrue(Files.list(dir).allMatch(p -> p.equals(file)), "no temp file left");
    }

    @Test
    void anOpWithoutAnOnnxFormNamesTheLayerAndTheOpsItWrites() {
        Model model = Model.builder("shuffle").input("input", Shape.of(1, 8, 4, 4))
                .add(new Node("shuffle", new ChannelShuffle(2), List.of("input"))).build();
        BadInputException e = assertThrows(BadInputException.class,
                () -> OnnxWriter.toProto(model, 1, WeightFill.SHAPES_ONLY, 1));
        assertTrue(e.getMessage().contains("shuffle") && e.getMessage().contains("conv2d"), e.getMessage());
    }
}
