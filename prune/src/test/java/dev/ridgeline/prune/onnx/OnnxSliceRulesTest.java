package dev.ridgeline.prune.onnx;

import static dev.ridgeline.prune.onnx.OnnxGraphs.integer;
import static dev.ridgeline.prune.onnx.OnnxGraphs.ints;
import static dev.ridgeline.prune.onnx.OnnxGraphs.node;
import static dev.ridgeline.prune.onnx.OnnxGraphs.top;
import static dev.ridgeline.prune.onnx.OnnxGraphs.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.prune.ChannelScores;
import dev.ridgeline.prune.ExhaustiveSolver;
import dev.ridgeline.prune.PlanChanges;
import dev.ridgeline.prune.PlanScores;
import dev.ridgeline.prune.Planner;
import dev.ridgeline.prune.PrunePlan;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slicing the weights of linear layers (Gemm with and without transB, MatMul) and of a flattened conv output, and
 * initializers shared by several nodes (docs/onnx.md, "Pruned ONNX"): every sliced weight equals the original at
 * the kept indices, and a shared initializer keeps its name only when all of its users want the same cut.
 */
class OnnxSliceRulesTest {
    @TempDir
    Path dir;

    private final OnnxGraphs graphs = new OnnxGraphs(23);

    private PrunePlan plan(Path onnx, String lines) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "model: " + onnx.getFileName() + "\n" + lines);
        PlanFile request = PlanReader.read(plan);
        return new Planner(new ExhaustiveSolver(1_000_000)).plan(request, PlanScores.of(request));
    }

    private static Map<String, Integer> widths(PrunePlan p) {
        Map<String, Integer> width = new HashMap<>();
        PlanChanges.of(p).groups().forEach(c -> c.layers().forEach(l -> width.put(l, c.width())));
        return width;
    }

    private static Map<String, float[]> initializers(ModelProto m) {
        Map<String, float[]> out = new HashMap<>();
        m.getGraph().getInitializerList().forEach(t -> out.put(t.getName(), OnnxWeights.floats(t)));
        return out;
    }

    /** The weight input of each conv and linear node, in graph order. */
    private static List<String> weightInputs(ModelProto m) {
        return m.getGraph().getNodeList().stream().filter(n -> List.of("Conv", "Gemm", "MatMul").contains(n.getOpType()))
                .map(n -> n.getInput(1)).toList();
    }

    /**
     * x (3 x 2 x 2), a 1x1 conv to 4 channels with a bias, relu, Identity, flatten (16 features: channel c is
     * features 4c to 4c + 3), a Gemm to 8 with weights stored in x out (transB 0, written out) and a bias, relu, a MatMul to 10.
     */
    private Path mlp() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("mlp")
                .addInput(value("x", 1, 3, 2, 2)).addOutput(value("y", 1, 10))
                .addInitializer(graphs.init("wc", 4, 3, 1, 1)).addInitializer(graphs.init("bc", 4))
                .addInitializer(graphs.init("w1", 16, 8)).addInitializer(graphs.init("b1", 8))
                .addInitializer(graphs.init("w2", 8, 10))
                .addNode(node("Conv", "conv", List.of("x", "wc", "bc"), "c"))
                .addNode(node("Relu", "relu", List.of("c"), "rc"))
                .addNode(node("Identity", "id", List.of("rc"), "ic"))
                .addNode(node("Flatten", "flat", List.of("ic"), "f"))
                .addNode(node("Gemm", "fc1", List.of("f", "w1", "b1"), "h", integer("transB", 0)))
                .addNode(node("Relu", "relu_h", List.of("h"), "rh"))
                .addNode(node("MatMul", "fc2", List.of("rh", "w2"), "y"))
                .build();
        return OnnxGraphs.write(dir.resolve("mlp.onnx"), g);
    }

    @Test
    void linearWeightsAreScoredByTheirOutputColumns() throws Exception {
        Path onnx = mlp();
        PlanFile request = PlanReader.read(Files.writeString(dir.resolve("plan.yaml"),
                "model: mlp.onnx\nbudgets: {params: 60%}\n"));
        ChannelScores s = WeightScores.tryOnnx(onnx, request.model()).orElseThrow();
        assertArrayEquals(graphs.normalisedL1("wc", 0), s.perLayer().get("conv"), 1e-12);
        // stored in x out: an output's weights are a column
        assertArrayEquals(graphs.normalisedL1("w1", 1), s.perLayer().get("fc1"), 1e-12);
        assertArrayEquals(graphs.normalisedL1("w2", 1), s.perLayer().get("fc2"), 1e-12);
        assertEquals(3, s.perLayer().size());
        // a plan that keeps the most importance takes these scores from the model's weights
        PlanFile importance = PlanReader.read(Files.writeString(dir.resolve("plan.yaml"),
                "model: mlp.onnx\nbudgets: {params: 60%}\nobjective: importance\n"));
        ChannelScores fromPlan = PlanScores.of(importance).orElseThrow();
        assertArrayEquals(graphs.normalisedL1("w1", 1), fromPlan.perLayer().get("fc1"), 1e-12);
        assertEquals(s.source(), fromPlan.source());
    }

    @Test
    void linearLayersAreSlicedOnTheirOutputsAndOnEachKeptChannelsFlattenedFeatures() throws Exception {
        Path onnx = mlp();
        // 4 A + 4 A H + 11 H params at widths A (1 to 4) and H (2 to 8): the most within 139 is 127, at (3, 5)
        PrunePlan p = plan(onnx, "budgets: {params: 139}\ndivisor: 1\nobjective: params\n");
        assertTrue(p.feasible(), () -> p.attempts().toString());
        Map<String, Integer> width = widths(p);
        assertEquals(3, width.get("conv"));
        assertEquals(5, width.get("fc1"));
        int[] kc = top(width.get("conv"), graphs.normalisedL1("wc", 0));
        int[] kh = top(width.get("fc1"), graphs.normalisedL1("w1", 1));
        assertTrue(kc.length < 4 && kh.length < 8, "the plan cuts both: " + kc.length + ", " + kh.length);
        int[] features = Arrays.stream(kc).flatMap(c -> Arrays.stream(new int[] {4 * c, 4 * c + 1, 4 * c + 2,
                4 * c + 3})).toArray();

        ModelProto pruned = ModelProto.parseFrom(OnnxPruner.prune(onnx, p));
        Map<String, float[]> out = initializers(pruned);
        assertArrayEquals(graphs.expected("wc", kc), out.get("wc"));
        assertArrayEquals(graphs.expected("bc", kc), out.get("bc"));
        assertArrayEquals(graphs.expected("w1", features, kh), out.get("w1"));
        assertArrayEquals(graphs.expected("b1", kh), out.get("b1"));
        assertArrayEquals(graphs.expected("w2", kh, null), out.get("w2"));
        assertEquals(5, out.size());
        Path written = Files.write(dir.resolve("pruned.onnx"), pruned.toByteArray());
        assertEquals(PlanChanges.prunedModel(p).nodes().stream().map(n -> n.op()).toList(),
                ModelLoader.load(written.toString()).nodes().stream().map(n -> n.op()).toList());
        assertEquals(Optional.empty(), OnnxPruner.refusal(p));
        // a plan made without scores slices by the weights' own
        PrunePlan unscored = new Planner(new ExhaustiveSolver(1_000_000)).plan(p.request(), Optional.empty());
        assertEquals(Optional.empty(), unscored.scores());
        assertEquals(pruned, ModelProto.parseFrom(OnnxPruner.prune(onnx, unscored)));
    }

    @Test
    void gemmWeightsAreRowsUnderTransBAndColumnsOtherwise() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("gemms")
                .addInput(value("x", 1, 4)).addOutput(value("y", 1, 3))
                .addInitializer(graphs.init("w0", 4, 6)).addInitializer(graphs.init("w1", 5, 6))
                .addInitializer(graphs.init("w2", 5, 3))
                .addNode(node("Gemm", "g0", List.of("x", "w0"), "a", integer("transA", 0), integer("transB", 0)))
                .addNode(node("Gemm", "g1", List.of("a", "w1"), "b", integer("transB", 1)))
                .addNode(node("MatMul", "g2", List.of("b", "w2"), "y"))
                .build();
        Path onnx = OnnxGraphs.write(dir.resolve("gemms.onnx"), g);
        PlanFile request = PlanReader.read(Files.writeString(dir.resolve("plan.yaml"),
                "model: gemms.onnx\nbudgets: {params: 60%}\n"));
        ChannelScores s = WeightScores.tryOnnx(onnx, request.model()).orElseThrow();
        assertArrayEquals(graphs.normalisedL1("w0", 1), s.perLayer().get("g0"), 1e-12);
        assertArrayEquals(graphs.normalisedL1("w1", 0), s.perLayer().get("g1"), 1e-12);
        assertArrayEquals(graphs.normalisedL1("w2", 1), s.perLayer().get("g2"), 1e-12);
    }

    /**
     * x (4 x 2 x 2), conv a (8), conv b (8) and conv c (4) on it, concatenated (12), pool, fc. a and c are frozen:
     * 32 + 8 B + 32 + 10 (B + 4) = 104 + 18 B params, so 180 keep B = 4; fc keeps b's 4 columns and all of c's
     * (8 to 11).
     */
    @Test
    void aConcatenationKeepsItsUncutPartWholeAtItsOffset() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("cat")
                .addInput(value("x", 1, 4, 2, 2)).addOutput(value("y", 1, 10))
                .addInitializer(graphs.init("wa", 8, 4, 1, 1)).addInitializer(graphs.init("wb", 8, 8, 1, 1))
                .addInitializer(graphs.init("wc", 4, 8, 1, 1)).addInitializer(graphs.init("wfc", 10, 12))
                .addNode(node("Conv", "conv_a", List.of("x", "wa"), "a"))
                .addNode(node("Relu", "relu_a", List.of("a"), "ra"))
                .addNode(node("Conv", "conv_b", List.of("ra", "wb"), "b"))
                .addNode(node("Conv", "conv_c", List.of("ra", "wc"), "c"))
                .addNode(node("Concat", "cat", List.of("b", "c"), "bc", integer("axis", 1)))
                .addNode(node("GlobalAveragePool", "gap", List.of("bc"), "p"))
                .addNode(node("Flatten", "flat", List.of("p"), "f"))
                .addNode(node("Gemm", "fc", List.of("f", "wfc"), "y", integer("transB", 1)))
                .build();
        Path onnx = OnnxGraphs.write(dir.resolve("cat.onnx"), g);
        PrunePlan p = plan(onnx, "budgets: {params: 180}\ndivisor: 1\nfrozen: [conv_a, conv_c]\n");
        assertEquals(4, widths(p).get("conv_b"));
        int[] kb = top(4, graphs.normalisedL1("wb", 0));
        int[] columns = java.util.stream.IntStream.concat(Arrays.stream(kb), java.util.stream.IntStream.range(8, 12))
                .toArray();
        Map<String, float[]> out = initializers(ModelProto.parseFrom(OnnxPruner.prune(onnx, p)));
        assertArrayEquals(graphs.expected("wb", kb), out.get("wb"));
        assertArrayEquals(graphs.weights.get("wc"), out.get("wc"));
        assertArrayEquals(graphs.expected("wfc", null, columns), out.get("wfc"));
    }

    @Test
    void aFileWithoutWeightValuesHasNoScoresAndNothingToSlice() throws Exception {
        TensorProto shapeOnly = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(8).addDims(3).addDims(1).addDims(1).build();
        TensorProto fcShape = TensorProto.newBuilder().setName("wfc").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(10).addDims(8).build();
        GraphProto g = GraphProto.newBuilder().setName("bare")
                .addInput(value("x", 1, 3, 2, 2)).addOutput(value("y", 1, 10))
                .addInitializer(shapeOnly).addInitializer(fcShape)
                .addNode(node("Conv", "conv", List.of("x", "w"), "c"))
                .addNode(node("GlobalAveragePool", "gap", List.of("c"), "p"))
                .addNode(node("Flatten", "flat", List.of("p"), "f"))
                .addNode(node("Gemm", "fc", List.of("f", "wfc"), "y", integer("transB", 1)))
                .build();
        Path onnx = OnnxGraphs.write(dir.resolve("bare.onnx"), g);
        PrunePlan p = plan(onnx, "budgets: {params: 60%}\ndivisor: 1\n");
        PlanFile request = p.request();
        assertEquals(Optional.empty(), WeightScores.tryOnnx(onnx, request.model()));
        assertEquals(Optional.empty(), p.scores());
        BadInputException none = assertThrows(BadInputException.class,
                () -> WeightScores.fromOnnx(onnx, request.model(), "plan.yaml:4:12"));
        assertEquals("plan.yaml:4:12: field 'objective': importance needs weights, and " + onnx + " stores none (an "
                + "export without initializers, or with external data); give 'importance: scores.csv' or export with "
                + "weights", none.getMessage());
        assertEquals(onnx + " stores no weights to slice",
                assertThrows(BadInputException.class, () -> OnnxPruner.prune(onnx, p)).getMessage());
    }

    /**
     * Three 1x1 convs of 8 channels in a chain share one weight ws (as exporters share equal tensors); only the
     * first one's output may change (the others are frozen). 32 + 3 * 64 + 80 = 304 params; at width w of the
     * first, 176 + 16 w: a budget of 240 keeps w = 4. The first conv wants ws's rows cut, the second its
     * columns, the third all of it: two new initializers, and ws stays for the third.
     */
    @Test
    void aSharedInitializerUsersCutDifferentlyGetOneNewInitializerPerCut() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("shared")
                .addInput(value("x", 1, 4, 2, 2)).addOutput(value("y", 1, 10))
                .addInitializer(graphs.init("w1", 8, 4, 1, 1)).addInitializer(graphs.init("ws", 8, 8, 1, 1))
                .addInitializer(graphs.init("wfc", 10, 8))
                .addNode(node("Conv", "conv_1", List.of("x", "w1"), "a1"))
                .addNode(node("Relu", "relu_1", List.of("a1"), "r1"))
                .addNode(node("Conv", "conv_2", List.of("r1", "ws"), "a2"))
                .addNode(node("Relu", "relu_2", List.of("a2"), "r2"))
                .addNode(node("Conv", "conv_3", List.of("r2", "ws"), "a3"))
                .addNode(node("Relu", "relu_3", List.of("a3"), "r3"))
                .addNode(node("Conv", "conv_4", List.of("r3", "ws"), "a4"))
                .addNode(node("Relu", "relu_4", List.of("a4"), "r4"))
                .addNode(node("GlobalAveragePool", "gap", List.of("r4"), "p"))
                .addNode(node("Flatten", "flat", List.of("p"), "f"))
                .addNode(node("Gemm", "fc", List.of("f", "wfc"), "y", integer("transB", 1)))
                .build();
        Path onnx = OnnxGraphs.write(dir.resolve("shared.onnx"), g);
        PrunePlan p = plan(onnx, "budgets: {params: 240}\ndivisor: 1\nfrozen: [conv_1, conv_3, conv_4]\n");
        assertEquals(4, widths(p).get("conv_2"));
        assertTrue(p.scores().isPresent(), "an ONNX model with weights is sliced by its own scores");
        int[] k = top(4, graphs.normalisedL1("ws", 0));
        ModelProto pruned = ModelProto.parseFrom(OnnxPruner.prune(onnx, p));
        assertEquals(List.of("w1", "ws", "wfc", "ws_pruned_1", "ws_pruned_2"),
                pruned.getGraph().getInitializerList().stream().map(TensorProto::getName).toList());
        assertEquals(List.of("w1", "ws_pruned_1", "ws_pruned_2", "ws", "wfc"), weightInputs(pruned));
        Map<String, float[]> out = initializers(pruned);
        assertArrayEquals(graphs.weights.get("w1"), out.get("w1"));
        assertArrayEquals(graphs.weights.get("ws"), out.get("ws"));
        assertArrayEquals(graphs.expected("ws", k), out.get("ws_pruned_1"));
        assertArrayEquals(graphs.expected("ws", null, k), out.get("ws_pruned_2"));
    }

    /**
     * Two 1x1 convs share one weight ws and are added (so their outputs are one channel group): both want the
     * same cut, and ws keeps its name, sliced once.
     */
    @Test
    void aSharedInitializerAllOfWhoseUsersWantOneCutKeepsItsName() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("added")
                .addInput(value("x", 1, 4, 2, 2)).addOutput(value("y", 1, 10))
                .addInitializer(graphs.init("wa", 8, 4, 1, 1)).addInitializer(graphs.init("ws", 8, 8, 1, 1))
                .addInitializer(graphs.init("wfc", 10, 8))
                .addNode(node("Conv", "conv_a", List.of("x", "wa"), "a"))
                .addNode(node("Relu", "relu_a", List.of("a"), "ra"))
                .addNode(node("Conv", "conv_b", List.of("ra", "ws"), "b"))
                .addNode(node("Conv", "conv_c", List.of("ra", "ws"), "c"))
                .addNode(node("Add", "add", List.of("b", "c"), "s"))
                .addNode(node("GlobalAveragePool", "gap", List.of("s"), "p"))
                .addNode(node("Flatten", "flat", List.of("p"), "f"))
                .addNode(node("Gemm", "fc", List.of("f", "wfc"), "y", integer("transB", 1)))
                .build();
        Path onnx = OnnxGraphs.write(dir.resolve("added.onnx"), g);
        // 4 A + 2 A B + 10 B params at widths A and B (2 to 8): the most within 150 is 148, at (7, 5)
        PrunePlan p = plan(onnx, "budgets: {params: 150}\ndivisor: 1\nobjective: params\n");
        Map<String, Integer> width = widths(p);
        assertEquals(7, width.get("conv_a"));
        assertEquals(5, width.get("conv_b"));
        int[] ka = top(width.get("conv_a"), graphs.normalisedL1("wa", 0));
        int[] kbc = top(width.get("conv_b"), graphs.normalisedL1("ws", 0));
        assertTrue(ka.length < 8 && kbc.length < 8, "the plan cuts both: " + ka.length + ", " + kbc.length);
        ModelProto pruned = ModelProto.parseFrom(OnnxPruner.prune(onnx, p));
        assertEquals(List.of("wa", "ws", "wfc"),
                pruned.getGraph().getInitializerList().stream().map(TensorProto::getName).toList());
        assertEquals(List.of("wa", "ws", "ws", "wfc"), weightInputs(pruned));
        Map<String, float[]> out = initializers(pruned);
        assertArrayEquals(graphs.expected("ws", kbc, ka), out.get("ws"));
        assertArrayEquals(graphs.expected("wfc", null, kbc), out.get("wfc"));
    }

    @Test
    void aPlanThatChangesKernelsHasNoPrunedOnnx() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("k5")
                .addInput(value("x", 1, 3, 8, 8)).addOutput(value("y", 1, 10))
                .addInitializer(graphs.init("w", 8, 3, 5, 5)).addInitializer(graphs.init("wfc", 10, 8))
                .addNode(node("Conv", "conv", List.of("x", "w"), "c", ints("pads", 2, 2, 2, 2)))
                .addNode(node("GlobalAveragePool", "gap", List.of("c"), "p"))
                .addNode(node("Flatten", "flat", List.of("p"), "f"))
                .addNode(node("Gemm", "fc", List.of("f", "wfc"), "y", integer("transB", 1)))
                .build();
        Path onnx = OnnxGraphs.write(dir.resolve("k5.onnx"), g);
        // 600 + 80 params; a 3x3 kernel at full width leaves 216 + 80
        PrunePlan p = plan(onnx, "budgets: {params: 300}\nallow: [kernels]\n");
        assertTrue(p.feasible(), () -> p.attempts().toString());
        assertEquals(Optional.of("the plan changes kernel sizes or conv forms, whose weights must be trained anew; "
                + "the pruned .onnx carries sliced weights for channel changes only"), OnnxPruner.refusal(p));
        PrunePlan separable = plan(onnx, "budgets: {params: 300}\nallow: [separable]\n");
        assertTrue(separable.feasible(), () -> separable.attempts().toString());
        assertTrue(OnnxPruner.refusal(separable).isPresent());
    }
}
