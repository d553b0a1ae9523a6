package dev.ridgeline.prune.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.prune.ChannelScores;
import dev.ridgeline.prune.PlanChanges;
import dev.ridgeline.prune.PrunePlan;
import dev.ridgeline.search.space.ChannelGroups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pruned ONNX model of a plan: the original file with every weight sliced to the channels the plan
 * keeps (each group's highest-scoring ones, {@link ChannelScores}): conv weights on their output and input
 * axes (depthwise convs on their one channel axis, their {@code group} attribute updated), biases, batch
 * norm scale, bias, mean and variance, linear layers (Gemm, MatMul) on their rows and columns, grouped convs
 * on their rows and, within each conv group, on the inputs that group keeps. Tensors
 * read after a concatenation keep each part's channels at that part's offset. Shapes recorded in
 * value_info are dropped (they are stale); readers infer them again.
 */
public final class OnnxPruner {
    private OnnxPruner() {
    }

    /** Why a plan has no pruned ONNX (new weights a slice cannot give), or empty when it has one. */
    public static Optional<String> refusal(PrunePlan plan) {
        PlanChanges c = PlanChanges.of(plan);
        if (!c.kernels().isEmpty() || !c.separable().isEmpty()) {
            return Optional.of("the plan changes kernel sizes or conv forms, whose weights must be trained anew; "
                    + "the pruned .onnx carries sliced weights for channel changes only");
        }
        return Optional.empty();
    }

    public static byte[] prune(Path file, PrunePlan plan) {
        OnnxWeights w = OnnxWeights.read(file);
        Model base = plan.request().model();
        ChannelScores scores = plan.scores().orElseGet(() -> WeightScores.of(w, base).orElseThrow(
                () -> new BadInputException(file + " stores no weights to slice")));
        return new Slicer(w, plan, scores).run().toByteArray();
    }

    /** One pass over the graph. */
    private static final class Slicer {
        private final OnnxWeights w;
        private final ChannelGroups groups;
        private final int[][] keptOfGroup;
        private final Map<String, String> irNameOfTensor = new HashMap<>();
        /** Per node input to slice ("node:input"): the initializer and the cuts, applied to the original. */
        private final Map<String, Cut> cuts = new java.util.LinkedHashMap<>();
        private int nodeIndex;

        private record Cut(int node, int input, String initializer, List<int[]> axisAndKeep) {
        }

        Slicer(OnnxWeights w, PrunePlan plan, ChannelScores scores) {
            this.w = w;
            this.groups = plan.space().groups();
            this.keptOfGroup = new int[groups.groups().size()][];
            for (PlanChanges.GroupChange g : PlanChanges.of(plan).groups()) {
                if (g.width() != g.baseWidth()) {
                    keptOfGroup[g.id()] = scores.kept(groups, groups.groups().get(g.id()), g.width());
                }
            }
            w.byIrName.forEach((name, node) -> node.getOutputList().forEach(o -> irNameOfTensor.put(o, name)));
        }

        /** The channels an ONNX tensor keeps, or null when it keeps them all (or is not a channels tensor). */
        private int[] kept(String tensor) {
            String t = tensor;
            for (int hops = 0; hops < 8 && w.alias.containsKey(t); hops++) {
                t = w.alias.get(t);
            }
            String ir = irNameOfTensor.get(t);
            if (ir == null || !groups.hasTensor(ir)) {
                return null;
            }
            int[] parts = groups.groupsOfTensor(ir);
            boolean any = false;
            List<Integer> out = new ArrayList<>();
            int offset = 0;
            for (int g : parts) {
                int base = groups.groups().get(g).baseChannels();
                if (keptOfGroup[g] != null) {
                    any = true;
                    for (int i : keptOfGroup[g]) {
                        out.add(offset + i);
                    }
                } else {
                    for (int i = 0; i < base; i++) {
                        out.add(offset + i);
                    }
                }
                offset += base;
            }
            return any ? out.stream().mapToInt(Integer::intValue).toArray() : null;
        }

        GraphProto.Builder graph;

        ai.onnx.proto.OnnxMl.ModelProto run() {
            GraphProto g = w.proto.getGraph();
            graph = g.toBuilder().clearValueInfo();
            for (int i = 0; i < g.getNodeCount(); i++) {
                NodeProto n = g.getNode(i);
                nodeIndex = i;
                switch (n.getOpType()) {
                    case "Conv" -> conv(i, n);
                    case "BatchNormalization" -> {
                        int[] k = kept(n.getInput(0));
                        for (int in = 1; in < Math.min(5, n.getInputCount()); in++) {
                            slice(n, in, 0, k);
                        }
                    }
                    case "Gemm", "MatMul" -> linear(n);
                    default -> {
                    }
                }
            }
            applyCuts(g);
            return w.proto.toBuilder().setGraph(graph).build();
        }

        private void conv(int index, NodeProto n) {
            int[] out = kept(n.getOutput(0));
            int[] in = kept(n.getInput(0));
            Optional<TensorProto> weight = w.initializer(n.getInput(1));
            if (weight.isEmpty() || (out == null && in == null)) {
                return;
            }
            long group = n.getAttributeList().stream().filter(a -> a.getName().equals("group")).mapToLong(
                    AttributeProto::getI).findFirst().orElse(1);
            long outChannels = weight.get().getDims(0);
            int[] rows;
            if (group == 1) {
                rows = out;
                slice(n, 1, 0, out);
                slice(n, 1, 1, in);
            } else if (group == outChannels && weight.get().getDims(1) == 1) {
                rows = out != null ? out : in;
                slice(n, 1, 0, rows);
                NodeProto.Builder b = n.toBuilder().clearAttribute();
                for (AttributeProto a : n.getAttributeList()) {
                    b.addAttribute(a.getName().equals("group") ? a.toBuilder().setI(rows.length).build() : a);
                }
                graph.getNodeBuilder(index).clearAttribute().addAllAttribute(b.getAttributeList());
            } else {
                // a grouped conv: rows by the kept outputs, then each row's inputs within its own conv group
                rows = out;
                slice(n, 1, 0, out);
                slice(n, 1, -Math.toIntExact(group), in);
            }
            if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
                slice(n, 2, 0, rows);
            }
        }

        private void linear(NodeProto n) {
            Optional<TensorProto> weight = w.initializer(n.getInput(1));
            if (weight.isEmpty()) {
                return;
            }
            boolean transB = n.getOpType().equals("Gemm") && n.getAttributeList().stream()
                    .anyMatch(a -> a.getName().equals("transB") && a.getI() != 0);
            int[] out = kept(n.getOutput(0));
            int[] in = kept(n.getInput(0));
            if (in != null) {
                String ir = irNameOfTensor.get(resolve(n.getInput(0)));
                int channels = 0;
                for (int g : groups.groupsOfTensor(ir)) {
                    channels += groups.groups().get(g).baseChannels();
                }
                long features = weight.get().getDims(transB ? 1 : 0);
                in = spread(in, (int) (features / channels));
            }
            slice(n, 1, transB ? 0 : 1, out);
            slice(n, 1, transB ? 1 : 0, in);
            if (n.getOpType().equals("Gemm") && n.getInputCount() > 2) {
                slice(n, 2, 0, out);
            }
        }

        private String resolve(String tensor) {
            String t = tensor;
            for (int hops = 0; hops < 8 && w.alias.containsKey(t); hops++) {
                t = w.alias.get(t);
            }
            return t;
        }

        /** Channel indices of a flattened C x (H x W) tensor: channel c covers features c*per .. c*per + per - 1. */
        private static int[] spread(int[] channels, int per) {
            int[] out = new int[channels.length * per];
            for (int i = 0; i < channels.length; i++) {
                for (int j = 0; j < per; j++) {
                    out[i * per + j] = channels[i] * per + j;
                }
            }
            return out;
        }

        /**
         * Records that a node's initializer input is cut along one axis (no-op for null); axis -g cuts the
         * inputs of a conv with g groups ({@link Slices#groupedInputs}).
         */
        private void slice(NodeProto n, int input, int axis, int[] keep) {
            if (keep == null || n.getInputCount() <= input || n.getInput(input).isEmpty()) {
                return;
            }
            String name = w.initializerName(n.getInput(input));
            if (!w.initializers.containsKey(name)) {
                throw new BadInputException("node '" + n.getName() + "': input " + n.getInput(input)
                        + " is not an initializer; its weights cannot be sliced");
            }
            cuts.computeIfAbsent(nodeIndex + ":" + input, k -> new Cut(nodeIndex, input, name, new ArrayList<>()))
                    .axisAndKeep().add(prepend(axis, keep));
        }

        private static int[] prepend(int axis, int[] keep) {
            int[] out = new int[keep.length + 1];
            out[0] = axis;
            System.arraycopy(keep, 0, out, 1, keep.length);
            return out;
        }

        /**
         * Replaces cut initializers. An initializer shared by several inputs (exporters share equal tensors)
         * keeps its name only when every user wants the same cut and no user wants it whole; otherwise each
         * distinct cut gets a name of its own and its users are pointed at it.
         */
        private void applyCuts(GraphProto g) {
            Map<String, Integer> uses = new HashMap<>();
            for (NodeProto n : g.getNodeList()) {
                for (String in : n.getInputList()) {
                    if (!in.isEmpty() && w.initializers.containsKey(w.initializerName(in))) {
                        uses.merge(w.initializerName(in), 1, Integer::sum);
                    }
                }
            }
            Map<String, List<TensorProto>> variants = new HashMap<>();
            Map<String, Integer> cutUsers = new HashMap<>();
            cuts.values().forEach(c -> cutUsers.merge(c.initializer(), 1, Integer::sum));
            List<TensorProto> added = new ArrayList<>();
            Map<String, TensorProto> replaced = new HashMap<>();
            for (Cut c : cuts.values()) {
                TensorProto t = w.initializers.get(c.initializer());
                for (int[] ak : c.axisAndKeep()) {
                    int[] keep = java.util.Arrays.copyOfRange(ak, 1, ak.length);
                    t = ak[0] >= 0 ? Slices.along(t, ak[0], keep) : Slices.groupedInputs(t, -ak[0], keep);
                }
                List<TensorProto> seen = variants.computeIfAbsent(c.initializer(), k -> new ArrayList<>());
                boolean shared = uses.getOrDefault(c.initializer(), 0) > cutUsers.get(c.initializer());
                TensorProto result = t;
                Optional<TensorProto> same = seen.stream().filter(v -> v.getRawData().equals(result.getRawData())
                        && v.getDimsList().equals(result.getDimsList())).findFirst();
                String name;
                if (same.isPresent()) {
                    name = same.get().getName();
                } else if (seen.isEmpty() && !shared) {
                    name = c.initializer();
                    replaced.put(name, t);
                    seen.add(t);
                } else {
                    name = c.initializer() + "_pruned_" + (seen.size() + 1);
                    TensorProto renamed = t.toBuilder().setName(name).build();
                    added.add(renamed);
                    seen.add(renamed);
                }
                graph.getNodeBuilder(c.node()).setInput(c.input(), name);
            }
            graph.clearInitializer();
            for (TensorProto t : g.getInitializerList()) {
                graph.addInitializer(replaced.getOrDefault(t.getName(), t));
            }
            added.forEach(graph::addInitializer);
        }
    }
}
