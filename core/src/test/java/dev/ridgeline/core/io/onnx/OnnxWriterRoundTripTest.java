package dev.ridgeline.core.io.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Dropout;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.Identity;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Mul;
import dev.ridgeline.core.op.OpKind;
import dev.ridgeline.core.op.Pad;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.ReduceMean;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Softmax;
import dev.ridgeline.core.op.Squeeze;
import dev.ridgeline.core.op.Unsqueeze;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.op.Uncounted;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.zoo.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The writer, read back by the reader: the same layers, in the same order, with the same counts. */
class OnnxWriterRoundTripTest {
    static List<String> zoo() {
        return Zoo.names();
    }

    private static CostReport count(Model m, int batch) {
        return Counter.count(ShapeInference.infer(m, batch), Convention.MACS, 4);
    }

    /**
     * Layers the writer adds for an IR node whose ONNX form is several nodes: SiLU (Sigmoid, Mul), a channel
     * shuffle (Reshape, Transpose, Reshape), a channel layer norm (Transpose, LayerNormalization, Transpose), a
     * linear layer over a rank-3+ tensor (Reshape, Gemm, Reshape). Each reads back as its own layer.
     */
    private static int addedLayers(Node node, Shape in) {
        return switch (node.op().kind()) {
            case ACTIVATION -> ((Activation) node.op()).function() == ActivationKind.SILU ? 1 : 0;
            case CHANNEL_SHUFFLE -> 2;
            case LAYER_NORM -> ((LayerNorm) node.op()).axis() == LayerNorm.Axis.CHANNELS && in.rank() > 2 ? 2 : 0;
            case LINEAR -> in.rank() > 2 ? 2 : 0;
            default -> 0;
        };
    }

    @ParameterizedTest
    @MethodSource("zoo")
    void everyZooModelReadsBackWithTheSameLayersAndCounts(String name) {
        assertReadsBack(Zoo.load(name));
    }

    /** The ops no zoo model has, in one net: transposed conv, resizes, element-wise, layout ops. */
    static Model otherOps() {
        Window twoByTwo = new Window(2, 2, 2, 2, 1, 1, Padding.of(0, 0, 0, 0));
        return Model.builder("other_ops").input("input", Shape.of(1, 8, 8, 8))
                .add(new Node("up", new ConvTranspose2d(8, 4, twoByTwo, 0, 0, 1, true), List.of("input")))
                .add(new Node("near", Upsample.scale(Upsample.Mode.NEAREST, 2), List.of("input")))
                .add(new Node("bilinear", new Upsample(Upsample.Mode.BILINEAR, 0, 0, 16, 16), List.of("input")))
                .add(new Node("sub", Elementwise.of(Elementwise.Function.SUB), List.of("near", "bilinear")))
                .add(new Node("div", Elementwise.withConstant(Elementwise.Function.DIV, List.of()), List.of("sub")))
                .add(new Node("bias", Elementwise.withConstant(Elementwise.Function.ADD, List.of(8, 1, 1)),
                        List.of("div")))
                .add(new Node("crop", Slice.of(1, 0, 4), List.of("bias")))
                .add(new Node("gate", new Mul(), List.of("up", "crop")))
                .add(new Node("pad", new Pad(List.of(0, 0, 1, 1, 0, 0, 1, 1), "reflect"), List.of("gate")))
                .add(new Node("mean", new ReduceMean(List.of(2, 3), false), List.of("pad")))
                .add(new Node("unsqueeze", new Unsqueeze(List.of(2)), List.of("mean")))
                .add(new Node("squeeze", new Squeeze(List.of(2)), List.of("unsqueeze")))
                .add(new Node("square", new Reshape(List.of(0, 2, 2)), List.of("squeeze")))
                .add(new Node("product", new MatMul(), List.of("square", "square")))
                .add(new Node("softmax", new Softmax(-1), List.of("product")))
                .add(new Node("drop", new Dropout(0.2), List.of("softmax")))
                .add(new Node("same", new Identity(), List.of("drop")))
                .add(new Node("inorm", new dev.ridgeline.core.op.GroupNorm(8, 8, true), List.of("input")))
                .add(new Node("rsum", new dev.ridgeline.core.op.Reduce(dev.ridgeline.core.op.Reduce.Function.SUM,
                        List.of(2, 3), true), List.of("inorm")))
                .add(new Node("tile", new dev.ridgeline.core.op.Tile(List.of(1, 1, 2, 2)), List.of("rsum")))
                .build();
    }

    @Test
    void theOpsNoZooModelHasReadBackWithTheSameLayersAndCounts() {
        assertReadsBack(otherOps());
    }

    @Test
    void theZooAndTheOtherOpsWriteEveryOpButUncountedOnes() {
        java.util.Set<OpKind> written = java.util.EnumSet.noneOf(OpKind.class);
        Zoo.names().forEach(n -> Zoo.load(n).nodes().forEach(node -> written.add(node.op().kind())));
        otherOps().nodes().forEach(node -> written.add(node.op().kind()));
        java.util.Set<OpKind> missing = java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(written));
        assertEquals(java.util.EnumSet.of(OpKind.UNCOUNTED), missing);
    }

    @Test
    void aSplitIsOneOnnxSplitWhosePartsReadBackAsBaseColonK() {
        List<Integer> halves = List.of(4, 4);
        Model model = Model.builder("halves").input("input", Shape.of(1, 8, 4, 4))
                .add(new Node("half.1", new dev.ridgeline.core.op.Split(1, halves, 1), List.of("input")))
                .build();
        ModelProto proto = OnnxWriter.toProto(model, 1, WeightFill.SHAPES_ONLY, 1);
        NodeProto split = proto.getGraph().getNode(0);
        assertEquals(1, proto.getGraph().getNodeCount());
        assertEquals("half", split.getName());
        assertEquals(List.of("half.unused.0", "half.1"), split.getOutputList());
        Model back = OnnxReader.read(proto, "halves.onnx", "halves", Optional.empty(), false);
        // the part the model leaves out is an output of the ONNX Split, so it reads back as a part too
        assertEquals(List.of("half:0", "half:1"), back.nodes().stream().map(Node::name).toList());
        assertEquals(Shape.of(1, 4, 4, 4), ShapeInference.infer(back, 1).outputShape(1));
    }

    private static void assertReadsBack(Model original) {
        String name = original.name();
        ModelProto proto = OnnxWriter.toProto(original, 2, WeightFill.SHAPES_ONLY, 1);
        Model back = OnnxReader.read(proto, name + ".onnx", name, Optional.empty(), false);
        CostReport a = count(original, 2);
        CostReport b = count(back, 2);
        // the read-back layer computing each tensor: the ONNX node's name, NAME:K for output K of a split
        Map<String, String> backName = new HashMap<>();
        original.inputs().forEach(in -> backName.put(in.name(), in.name()));
        for (NodeProto n : proto.getGraph().getNodeList()) {
            for (int k = 0; k < n.getOutputCount(); k++) {
                backName.put(n.getOutput(k), n.getOutputCount() > 1 ? n.getName() + ":" + k : n.getName());
            }
        }
        assertEquals(a.totals().params(), b.totals().params());
        assertEquals(a.totals().macs(), b.totals().macs());
        int added = 0;
        for (int i = 0; i < a.layers().size(); i++) {
            added += addedLayers(a.layers().get(i).node(), a.layers().get(i).inputShapes().get(0));
        }
        assertEquals(a.layers().size() + added, b.layers().size(), "layers read back");
        // ONNX has no in-place ops (an in-place activation comes back with its own buffer) and a composite's
        // inner layers have their own tensors: only then may the read-back model move more bytes
        boolean inPlace = original.nodes().stream().anyMatch(n -> n.op().aliasesInput());
        if (added == 0) {
            assertEquals(a.totals().activations(), b.totals().activations());
            assertEquals(a.totals().readBytes(), b.totals().readBytes());
            assertEquals(a.totals().writeBytes(), b.totals().writeBytes());
        } else {
            assertTrue(b.totals().activations() > a.totals().activations());
            assertTrue(b.totals().readBytes() >= a.totals().readBytes());
            assertTrue(b.totals().writeBytes() >= a.totals().writeBytes());
        }
        if (inPlace || added > 0) {
            assertTrue(b.peakActivationBytes() >= a.peakActivationBytes());
        } else {
            assertEquals(a.peakActivationBytes(), b.peakActivationBytes());
        }
        Map<String, Integer> backIndex = new HashMap<>();
        for (int j = 0; j < b.layers().size(); j++) {
            backIndex.put(b.layers().get(j).node().name(), j);
        }
        int previous = -1;
        for (LayerCost x : a.layers()) {
            String what = x.node().name();
            Integer j = backIndex.get(backName.get(what));
            assertTrue(j != null && j > previous, what + " reads back in order, as " + backName.get(what));
            LayerCost y = b.layers().get(j);
            assertEquals(x.outputShape(), y.outputShape(), what);
            int inner = addedLayers(x.node(), x.inputShapes().get(0));
            if (inner == 0) {
                assertEquals(x.node().inputs().stream().map(backName::get).toList(), y.node().inputs(), what);
                assertEquals(x.cost().macs(), y.cost().macs(), what);
                assertEquals(x.cost().params(), y.cost().params(), what);
                OpKind expected = switch (x.node().op().kind()) {
                    case STOCHASTIC_DEPTH -> OpKind.IDENTITY; // the identity it is at inference
                    default -> x.node().op().kind();
                };
                if (x.node().op().kind() != OpKind.ADAPTIVE_AVG_POOL) {
                    assertEquals(expected, y.node().op().kind(), what);
                }
            } else {
                // the composite's layers, NAME.* then NAME, hold the IR layer's MACs and weights
                List<LayerCost> parts = b.layers().subList(j - inner, j + 1);
                assertTrue(parts.subList(0, inner).stream().allMatch(p -> p.node().name().startsWith(what + ".")),
                        what);
                assertEquals(x.cost().macs(), parts.stream().mapToLong(p -> p.cost().macs()).sum(), what);
                assertEquals(x.cost().params(), parts.stream().mapToLong(p -> p.cost().params()).sum(), what);
            }
            previous = j;
        }
        assertEquals(original.outputs().stream().map(backName::get).toList(), back.outputs());
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
        Model model = Model.builder("kept").input("input", Shape.of(1, 8, 4, 4))
                .add(new Node("erf", new Uncounted("Erf", List.of(), 0), List.of("input"))).build();
        BadInputException e = assertThrows(BadInputException.class,
                () -> OnnxWriter.toProto(model, 1, WeightFill.SHAPES_ONLY, 1));
        assertTrue(e.getMessage().contains("'erf'") && e.getMessage().contains("conv2d")
                && e.getMessage().contains("channel_shuffle") && !e.getMessage().contains("uncounted,"),
                e.getMessage());
    }
}
