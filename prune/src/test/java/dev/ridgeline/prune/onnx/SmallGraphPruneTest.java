package dev.ridgeline.prune.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
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
import java.util.Random;
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

    private final Map<String, float[]> weights = new HashMap<>();
    private final Map<String, long[]> dims = new HashMap<>();
    private final Random random = new Random(11);

    private TensorProto init(String name, long... shape) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * (1 + (i % 5)));
        }
        weights.put(name, v);
        dims.put(name, shape);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        Arrays.stream(shape).forEach(t::addDims);
        for (float f : v) {
            t.addFloatData(f);
        }
        return t.build();
    }

    private static NodeProto node(String op, String name, List<String> in, String out, AttributeProto... attrs) {
        NodeProto.Builder b = NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(in).addOutput(out);
        Arrays.stream(attrs).forEach(b::addAttribute);
        return b.build();
    }

    private static AttributeProto ints(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        Arrays.stream(v).forEach(a::addInts);
        return a.build();
    }

    private static AttributeProto integer(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    private static ValueInfoProto value(String name, long... shape) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        Arrays.stream(shape).forEach(d -> s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d)));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }

    private Path model() throws Exception {
        GraphProto g = GraphProto.newBuilder().setName("small")
                .addInput(value("x", 1, 3, 8, 8)).addOutput(value("y", 1, 10))
                .addInitializer(init("wa", 8, 3, 3, 3)).addInitializer(init("ba", 8))
                .addInitializer(init("wdw", 8, 1, 3, 3))
                .addInitializer(init("s", 8)).addInitializer(init("b", 8)).addInitializer(init("m", 8))
                .addInitializer(init("v", 8))
                .addInitializer(init("wb", 8, 8, 1, 1)).addInitializer(init("wc", 8, 8, 1, 1))
                .addInitializer(init("wd", 4, 8, 1, 1))
                .addInitializer(init("wfc", 10, 12)).addInitializer(init("bfc", 10))
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
        ModelProto m = ModelProto.newBuilder().setIrVersion(8).setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
        Path file = dir.resolve("small.onnx");
        Files.write(file, m.toByteArray());
        return file;
    }

    /** L1 norm of each row (output channel) of a weight, normalised to sum 1. */
    private double[] normalisedL1(String name) {
        float[] v = weights.get(name);
        int rows = (int) dims.get(name)[0];
        int per = v.length / rows;
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < per; i++) {
                out[r] += Math.abs(v[r * per + i]);
            }
        }
        double sum = Arrays.stream(out).sum();
        return Arrays.stream(out).map(x -> x / sum).toArray();
    }

    private static int[] top(int width, double[]... layers) {
        double[] s = new double[layers[0].length];
        for (double[] l : layers) {
            for (int i = 0; i < s.length; i++) {
                s[i] += l[i];
            }
        }
        return IntStream.range(0, s.length).boxed().sorted((a, b) -> Double.compare(s[b], s[a])).limit(width)
                .mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The original weight cut to the kept indices along the given axes (null: the whole axis). */
    private float[] expected(String name, int[]... keepPerAxis) {
        long[] d = dims.get(name);
        float[] v = weights.get(name);
        List<Float> out = new java.util.ArrayList<>();
        int[] idx = new int[d.length];
        int total = v.length;
        for (int flat = 0; flat < total; flat++) {
            int rest = flat;
            for (int a = d.length - 1; a >= 0; a--) {
                idx[a] = (int) (rest % d[a]);
                rest /= d[a];
            }
            boolean keep = true;
            for (int a = 0; a < keepPerAxis.length; a++) {
                int i = idx[a];
                keep &= keepPerAxis[a] == null || Arrays.stream(keepPerAxis[a]).anyMatch(k -> k == i);
            }
            if (keep) {
                out.add(v[flat]);
            }
        }
        float[] r = new float[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
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
        int[] k1 = top(width.get("conv_a"), normalisedL1("wa"), normalisedL1("wdw"));
        int[] k2 = top(width.get("conv_b"), normalisedL1("wb"), normalisedL1("wc"));
        int[] k3 = top(width.get("conv_d"), normalisedL1("wd"));
        assertTrue(k1.length < 8 && k2.length < 8, "the plan cuts both coupled groups: " + k1.length + ", " + k2.length);

        ModelProto pruned = ModelProto.parseFrom(OnnxPruner.prune(onnx, p));
        Map<String, float[]> out = new HashMap<>();
        pruned.getGraph().getInitializerList().forEach(t -> out.put(t.getName(), OnnxWeights.floats(t)));
        assertArrayEquals(expected("wa", k1), out.get("wa"));
        assertArrayEquals(expected("ba", k1), out.get("ba"));
        assertArrayEquals(expected("wdw", k1), out.get("wdw"));
        for (String bn : List.of("s", "b", "m", "v")) {
            assertArrayEquals(expected(bn, k1), out.get(bn), bn);
        }
        assertArrayEquals(expected("wb", k2, k1), out.get("wb"));
        assertArrayEquals(expected("wc", k2, k1), out.get("wc"));
        assertArrayEquals(expected("wd", k3, k1), out.get("wd"));
        int[] concat = IntStream.concat(Arrays.stream(k2), Arrays.stream(k3).map(i -> i + 8)).toArray();
        assertArrayEquals(expected("wfc", null, concat), out.get("wfc"));
        assertArrayEquals(weights.get("bfc"), out.get("bfc"));
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
                .addInitializer(init("wa", 8, 4, 1, 1)).addInitializer(init("wg", 8, 4, 3, 3))
                .addInitializer(init("bg", 8)).addInitializer(init("wfc", 10, 8))
                .addNode(node("Conv", "conv_a", List.of("x", "wa"), "a"))
                .addNode(node("Relu", "relu_a", List.of("a"), "ra"))
                .addNode(node("Conv", "conv_g", List.of("ra", "wg", "bg"), "gout", ints("pads", 1, 1, 1, 1),
                        integer("group", 2)))
                .addNode(node("Relu", "relu_g", List.of("gout"), "rg"))
                .addNode(node("GlobalAveragePool", "gap", List.of("rg"), "p"))
                .addNode(node("Flatten", "flat", List.of("p"), "f"))
                .addNode(node("Gemm", "fc", List.of("f", "wfc"), "y", integer("transB", 1)))
                .build();
        Path onnx = dir.resolve("grouped.onnx");
        Files.write(onnx, ModelProto.newBuilder().setIrVersion(8).setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build().toByteArray());
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "model: grouped.onnx\nbudgets: {params: 45%}\ndivisor: 2\nobjective: importance\n");
        PlanFile request = PlanReader.read(plan);
        PrunePlan p = new Planner(new EliminationSolver()).plan(request, WeightScores.tryOnnx(onnx, request.model()));
        assertTrue(p.feasible(), () -> p.attempts().toString());
        Map<String, Integer> width = new HashMap<>();
        PlanChanges.of(p).groups().forEach(c -> c.layers().forEach(l -> width.put(l, c.width())));
        int[] ka = topPerBlock(width.get("conv_a"), 2, normalisedL1("wa"));
        int[] kg = topPerBlock(width.get("conv_g"), 2, normalisedL1("wg"));
        assertTrue(ka.length < 8 && kg.length < 8, "the plan cuts both groups: " + ka.length + ", " + kg.length);

        ModelProto pruned = ModelProto.parseFrom(OnnxPruner.prune(onnx, p));
        Map<String, float[]> out = new HashMap<>();
        pruned.getGraph().getInitializerList().forEach(t -> out.put(t.getName(), OnnxWeights.floats(t)));
        assertArrayEquals(expected("wa", ka), out.get("wa"));
        assertArrayEquals(expected("bg", kg), out.get("bg"));
        assertArrayEquals(expected("wfc", null, kg), out.get("wfc"));
        // rows kg; row r of conv group b = r / 4 reads inputs ka within block b, renumbered from 0
        float[] wg = weights.get("wg");
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
                .addInitializer(init("wa", 16, 4, 1, 1)).addInitializer(init("wr", 8, 16, 1, 1))
                .addInitializer(init("br", 8)).addInitializer(init("we", 16, 8, 1, 1)).addInitializer(init("be", 16))
                .addInitializer(init("wfc", 10, 16))
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
        Path onnx = dir.resolve("se.onnx");
        Files.write(onnx, ModelProto.newBuilder().setIrVersion(8).setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build().toByteArray());
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "model: se.onnx\nbudgets: {params: 40%}\ndivisor: 2\nobjective: importance\n");
        PlanFile request = PlanReader.read(plan);
        PrunePlan p = new Planner(new EliminationSolver()).plan(request, WeightScores.tryOnnx(onnx, request.model()));
        assertTrue(p.feasible(), () -> p.attempts().toString());
        Map<String, Integer> width = new HashMap<>();
        PlanChanges.of(p).groups().forEach(c -> c.layers().forEach(l -> width.put(l, c.width())));
        assertEquals(width.get("conv_a"), width.get("expand"), "the gate and the channels it scales move together");
        int[] k1 = top(width.get("conv_a"), normalisedL1("wa"), normalisedL1("we"));
        int[] k2 = top(width.get("reduce"), normalisedL1("wr"));
        assertTrue(k1.length < 16, "the plan cuts the scaled channels: " + k1.length);

        ModelProto pruned = ModelProto.parseFrom(OnnxPruner.prune(onnx, p));
        Map<String, float[]> out = new HashMap<>();
        pruned.getGraph().getInitializerList().forEach(t -> out.put(t.getName(), OnnxWeights.floats(t)));
        assertArrayEquals(expected("wa", k1), out.get("wa"));
        assertArrayEquals(expected("wr", k2, k1), out.get("wr"));
        assertArrayEquals(expected("br", k2), out.get("br"));
        assertArrayEquals(expected("we", k1, k2), out.get("we"));
        assertArrayEquals(expected("be", k1), out.get("be"));
        assertArrayEquals(expected("wfc", null, k1), out.get("wfc"));
        Path written = dir.resolve("pruned.onnx");
        Files.write(written, pruned.toByteArray());
        assertEquals(PlanChanges.prunedModel(p).nodes().stream().map(n -> n.op()).toList(),
                ModelLoader.load(written.toString()).nodes().stream().map(n -> n.op()).toList());
    }
}
