package dev.ridgeline.prune.onnx;

import static dev.ridgeline.prune.onnx.OnnxGraphs.integer;
import static dev.ridgeline.prune.onnx.OnnxGraphs.ints;
import static dev.ridgeline.prune.onnx.OnnxGraphs.node;
import static dev.ridgeline.prune.onnx.OnnxGraphs.top;
import static dev.ridgeline.prune.onnx.OnnxGraphs.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanReader;
import dev.ridgeline.prune.EliminationSolver;
import dev.ridgeline.prune.PlanChanges;
import dev.ridgeline.prune.Planner;
import dev.ridgeline.prune.PrunePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small graph with known weights: a conv whose channels a depthwise conv and a batch norm pass through,
 * a residual add of two 1x1 convs, a concatenation with a third conv, and a classifier. The plan keeps in
 * each coupled group exactly the channels of highest normalised L1 norm summed over the group's layers, and
 * every sliced weight equals the original at the kept indices.
 */
class SmallGraphPruneTest {
    @TempDir
    Path dir;

    private final OnnxGraphs graphs = new OnnxGraphs(11);

    private Path model() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("small")
                .addInput(value("x", 1, 3, 8, 8)).addOutput(value("y", 1, 10))
                .addInitializer(graphs.init("wa", 8, 3, 3, 3)).addInitializer(graphs.init("ba", 8))
                .addInitializer(graphs.init("wdw", 8, 1, 3, 3))
                .addInitializer(graphs.init("s", 8)).addInitializer(graphs.init("b", 8)).addInitializer(graphs.init("m", 8))
                .addInitializer(graphs.init("v", 8))
                .addInitializer(graphs.init("wb", 8, 8, 1, 1)).addInitializer(graphs.init("wc", 8, 8, 1, 1))
                .addInitializer(graphs.init("wd", 4, 8, 1, 1))
                .addInitializer(graphs.init("wfc", 10, 12)).addInitializer(graphs.init("bfc", 10))
                .addNode(node("Conv", "conv_a", List.of("x", "wa", "ba"), "a", ints("pads", 1, 1, 1, 1)))
                .addNode(node("Relu", "relu_a", List.of("a"), "ra"))
                .addNode(node("Conv", "dw", List.of("ra", "wdw"), "d", ints("pads", 1, 1, 1, 1), integer("group", 8)))
                .addNode(node("BatchNormalization", "bn", List.of("d", "s", "b", "m", "v"), "e"))
                .addNode(node("Conv", "conv_b", List.of("e", "wb"), "fb"))
                .addNode(node("Conv", "conv_c", List.of("ra", "wc"), "fc"))
                .addNode(node("Add", "add", List.of("fb", "fc"), "sum"))
                .addNode(node("Conv", "conv_d", List.of("ra", "wd"), "g"))
                .addNode(node("Concat", "cat", List.of("sum", "g"), "c", integer("axis", 1)))
                .addNode(node("GlobalAveragePool", "gap", List.of("c"), "p"))
                .addNode(node("Flatten", "flat", List.of("p"), "f"))
                .addNode(node("Gemm", "fc", List.of("f", "wfc", "bfc"), "y", integer("transB", 1)))
                .build();
        return OnnxGraphs.write(dir.resolve("small.onnx"), g);
    }

    @Test
    void keptChannelsHaveTheHighestNormalisedL1PerCoupledGroupAndSlicesEqualTheOriginals() throws Exception {
        Path onnx = model();
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "model: small.onnx\nbudgets: {params: 30%}\ndivisor: 1\nminKeep: 0.25\nlevels: 8\n"
                + "objective: importance\n");
        PlanFile request = PlanReader.read(plan);
        PrunePlan p = new Planner(new EliminationSolver()).plan(request, WeightScores.tryOnnx(onnx, request.model()));
        assertTrue(p.feasible(), () -> p.attempts().toString());
        Map<String, Integer> width = new HashMap<>();
        for (PlanChanges.GroupChange g : PlanChanges.of(p).groups()) {
            g.layers().forEach(l -> width.put(l, g.width()));
        }
        int[] k1 = top(width.get("conv_a"), graphs.normalisedL1("wa", 0), graphs.normalisedL1("wdw", 0));
        int[] k2 = top(width.get("conv_b"), graphs.normalisedL1("wb", 0), graphs.normalisedL1("wc", 0));
        int[] k3 = top(width.get("conv_d"), graphs.normalisedL1("wd", 0));
        assertTrue(k1.length < 8 && k2.length < 8, "the plan cuts both coupled groups: " + k1.length + ", " + k2.length);

        ModelProto pruned = ModelProto.parseFrom(OnnxPruner.prune(onnx, p));
        Map<String, float[]> out = new HashMap<>();
        pruned.getGraph().getInitializerList().forEach(t -> out.put(t.getName(), OnnxWeights.floats(t)));
        assertArrayEquals(graphs.expected("wa", k1), out.get("wa"));
        assertArrayEquals(graphs.expected("ba", k1), out.get("ba"));
        assertArrayEquals(graphs.expected("wdw", k1), out.get("wdw"));
        for (String bn : List.of("s", "b", "m", "v")) {
            assertArrayEquals(graphs.expected(bn, k1), out.get(bn), bn);
        }
        assertArrayEquals(graphs.expected("wb", k2, k1), out.get("wb"));
        assertArrayEquals(graphs.expected("wc", k2, k1), out.get("wc"));
        assertArrayEquals(graphs.expected("wd", k3, k1), out.get("wd"));
        int[] concat = IntStream.concat(Arrays.stream(k2), Arrays.stream(k3).map(i -> i + 8)).toArray();
        assertArrayEquals(graphs.expected("wfc", null, concat), out.get("wfc"));
        assertArrayEquals(graphs.weights.get("bfc"), out.get("bfc"));
        long group = pruned.getGraph().getNodeList().stream().filter(n -> n.getName().equals("dw")).findFirst()
                .orElseThrow().getAttributeList().stream().filter(a -> a.getName().equals("group")).findFirst()
                .orElseThrow().getI();
        assertEquals(k1.length, group);

        Path written = dir.resolve("pruned.onnx");
        Files.write(written, pruned.toByteArray());
        assertEquals(PlanChanges.prunedModel(p).nodes().stream().map(n -> n.op()).toList(),
                ModelLoader.load(written.toString()).nodes().stream().map(n -> n.op()).toList());
    }

    private static int[] topPerBlock(int width, int blocks, double[] scores) {
        int size = scores.length / blocks;
        return IntStream.range(0, blocks).flatMap(b -> IntStream.range(b * size, (b + 1) * size).boxed()
                .sorted((x, y) -> Double.compare(scores[y], scores[x])).limit(width / blocks)
                .mapToInt(Integer::intValue)).sorted().toArray();
    }

    @Test
    void aGroupedConvKeepsAsManyChannelsInEachConvGroupAndItsRowsReadTheirOwnGroupsInputs() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("grouped")
                .addInput(value("x", 1, 4, 8, 8)).addOutput(value("y", 1, 10))
                .addInitializer(graphs.init("wa", 8, 4, 1, 1)).addInitializer(graphs.init("wg", 8, 4, 3, 3))
                .addInitializer(graphs.init("bg", 8)).addInitializer(graphs.init("wfc", 10, 8))
                .addNode(node("Conv", "conv_a", List.of("x", "wa"), "a"))
                .addNode(node("Relu", "relu_a", List.of("a"), "ra"))
                .addNode(node("Conv", "conv_g", List.of("ra", "wg", "bg"), "gout", ints("pads", 1, 1, 1, 1),
                        integer("group", 2)))
                .addNode(node("Relu", "relu_g", List.of("gout"), "rg"))
                .addNode(node("GlobalAveragePool", "gap", List.of("rg"), "p"))
                .addNode(node("Flatten", "flat", List.of("p"), "f"))
                .addNode(node("Gemm", "fc", List.of("f", "wfc"), "y", integer("transB", 1)))
                .build();
        Path onnx = OnnxGraphs.write(dir.resolve("grouped.onnx"), g);
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "model: grouped.onnx\nbudgets: {params: 45%}\ndivisor: 2\nobjective: importance\n");
        PlanFile request = PlanReader.read(plan);
        PrunePlan p = new Planner(new EliminationSolver()).plan(request, WeightScores.tryOnnx(onnx, request.model()));
        assertTrue(p.feasible(), () -> p.attempts().toString());
        Map<String, Integer> width = new HashMap<>();
        PlanChanges.of(p).groups().forEach(c -> c.layers().forEach(l -> width.put(l, c.width())));
        int[] ka = topPerBlock(width.get("conv_a"), 2, graphs.normalisedL1("wa", 0));
        int[] kg = topPerBlock(width.get("conv_g"), 2, graphs.normalisedL1("wg", 0));
        assertTrue(ka.length < 8 && kg.length < 8, "the plan cuts both groups: " + ka.length + ", " + kg.length);

        ModelProto pruned = ModelProto.parseFrom(OnnxPruner.prune(onnx, p));
        Map<String, float[]> out = new HashMap<>();
        pruned.getGraph().getInitializerList().forEach(t -> out.put(t.getName(), OnnxWeights.floats(t)));
        assertArrayEquals(graphs.expected("wa", ka), out.get("wa"));
        assertArrayEquals(graphs.expected("bg", kg), out.get("bg"));
        assertArrayEquals(graphs.expected("wfc", null, kg), out.get("wfc"));
        // rows kg; row r of conv group b = r / 4 reads inputs ka within block b, renumbered from 0
        float[] wg = graphs.weights.get("wg");
        List<Float> want = new java.util.ArrayList<>();
        for (int r : kg) {
            int b = r / 4;
            for (int i : ka) {
                if (i / 4 == b) {
                    for (int k = 0; k < 9; k++) {
                        want.add(wg[(r * 4 + (i - 4 * b)) * 9 + k]);
                    }
                }
            }
        }
        float[] wantArray = new float[want.size()];
        for (int i = 0; i < wantArray.length; i++) {
            wantArray[i] = want.get(i);
        }
        assertArrayEquals(wantArray, out.get("wg"));
        Path written = dir.resolve("pruned.onnx");
        Files.write(written, pruned.toByteArray());
        assertEquals(PlanChanges.prunedModel(p).nodes().stream().map(n -> n.op()).toList(),
                ModelLoader.load(written.toString()).nodes().stream().map(n -> n.op()).toList());
    }

    @Test
    void aSqueezeAndExcitationBlockKeepsItsGateOnTheChannelsItScales() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("se")
                .addInput(value("x", 1, 4, 8, 8)).addOutput(value("y", 1, 10))
                .addInitializer(graphs.init("wa", 16, 4, 1, 1)).addInitializer(graphs.init("wr", 8, 16, 1, 1))
                .addInitializer(graphs.init("br", 8)).addInitializer(graphs.init("we", 16, 8, 1, 1)).addInitializer(graphs.init("be", 16))
                .addInitializer(graphs.init("wfc", 10, 16))
                .addNode(node("Conv", "conv_a", List.of("x", "wa"), "a"))
                .addNode(node("Relu", "relu_a", List.of("a"), "ra"))
                .addNode(node("GlobalAveragePool", "squeeze", List.of("ra"), "s0"))
                .addNode(node("Conv", "reduce", List.of("s0", "wr", "br"), "s1"))
                .addNode(node("Relu", "relu_r", List.of("s1"), "s2"))
                .addNode(node("Conv", "expand", List.of("s2", "we", "be"), "s3"))
                .addNode(node("Sigmoid", "gate", List.of("s3"), "s4"))
                .addNode(node("Mul", "scale", List.of("ra", "s4"), "m"))
                .addNode(node("GlobalAveragePool", "gap", List.of("m"), "p"))
                .addNode(node("Flatten", "flat", List.of("p"), "f"))
                .addNode(node("Gemm", "fc", List.of("f", "wfc"), "y", integer("transB", 1)))
                .build();
        Path onnx = OnnxGraphs.write(dir.resolve("se.onnx"), g);
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "model: se.onnx\nbudgets: {params: 40%}\ndivisor: 2\nobjective: importance\n");
        PlanFile request = PlanReader.read(plan);
        PrunePlan p = new Planner(new EliminationSolver()).plan(request, WeightScores.tryOnnx(onnx, request.model()));
        assertTrue(p.feasible(), () -> p.attempts().toString());
        Map<String, Integer> width = new HashMap<>();
        PlanChanges.of(p).groups().forEach(c -> c.layers().forEach(l -> width.put(l, c.width())));
        assertEquals(width.get("conv_a"), width.get("expand"), "the gate and the channels it scales move together");
        int[] k1 = top(width.get("conv_a"), graphs.normalisedL1("wa", 0), graphs.normalisedL1("we", 0));
        int[] k2 = top(width.get("reduce"), graphs.normalisedL1("wr", 0));
        assertTrue(k1.length < 16, "the plan cuts the scaled channels: " + k1.length);

        ModelProto pruned = ModelProto.parseFrom(OnnxPruner.prune(onnx, p));
        Map<String, float[]> out = new HashMap<>();
        pruned.getGraph().getInitializerList().forEach(t -> out.put(t.getName(), OnnxWeights.floats(t)));
        assertArrayEquals(graphs.expected("wa", k1), out.get("wa"));
        assertArrayEquals(graphs.expected("wr", k2, k1), out.get("wr"));
        assertArrayEquals(graphs.expected("br", k2), out.get("br"));
        assertArrayEquals(graphs.expected("we", k1, k2), out.get("we"));
        assertArrayEquals(graphs.expected("be", k1), out.get("be"));
        assertArrayEquals(graphs.expected("wfc", null, k1), out.get("wfc"));
        Path written = dir.resolve("pruned.onnx");
        Files.write(written, pruned.toByteArray());
        assertEquals(PlanChanges.prunedModel(p).nodes().stream().map(n -> n.op()).toList(),
                ModelLoader.load(written.toString()).nodes().stream().map(n -> n.op()).toList());
    }
}
