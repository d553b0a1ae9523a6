package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IR ops whose ONNX form is not one node of the IR node's name. The last node of a composite computes the
 * tensor of the IR node's name; the nodes before it are named NAME.something, so a runtime profile still names
 * the layer by prefix. {@link OnnxReader} reads each node back as its own layer.
 */
final class CompositeNodes {
    private static final Pattern PART = Pattern.compile("(.+)[.:](\\d+)");

    private CompositeNodes() {
    }

    /** SiLU as ONNX has no SiLU: NAME.sigmoid = Sigmoid(x), NAME = Mul(x, NAME.sigmoid). */
    static void silu(OnnxWriter w, String name, String x) {
        String sigmoid = w.node(name + ".sigmoid", "Sigmoid", List.of(x)).getName();
        w.node(name, "Mul", List.of(x, sigmoid));
    }

    /** N x C x ... to N x g x C/g x ..., the two group axes swapped, back to N x C x ...: ShuffleNet's shuffle. */
    static void channelShuffle(OnnxWriter w, Node node, Shape in) {
        String name = node.name();
        int groups = ((ChannelShuffle) node.op()).groups();
        long[] grouped = new long[in.rank() + 1];
        long[] flat = new long[in.rank()];
        long[] perm = new long[in.rank() + 1];
        grouped[0] = in.dim(0);
        grouped[1] = groups;
        grouped[2] = in.dim(1) / groups;
        for (int d = 0; d < in.rank(); d++) {
            flat[d] = in.dim(d);
            if (d >= 2) {
                grouped[d + 1] = in.dim(d);
            }
        }
        for (int d = 0; d < perm.length; d++) {
            perm[d] = d == 1 ? 2 : d == 2 ? 1 : d;
        }
        w.node(name + ".groups", "Reshape", List.of(node.inputs().get(0), w.longs(name + ".groups.shape", grouped)));
        w.node(name + ".swap", "Transpose", List.of(name + ".groups")).addAttribute(OnnxWriter.ints("perm", perm));
        w.node(name, "Reshape", List.of(name + ".swap", w.longs(name + ".shape", flat)));
    }

    /**
     * LayerNormalization normalizes the axes from {@code axis} to the last; over the channels of a rank-3+ tensor
     * the channels go last (NAME.to_last), are normalized (NAME.norm) and come back (NAME), as exporters write
     * torchvision's LayerNorm2d. Weight and bias are always written (ONNX and the reader want both).
     */
    static void layerNorm(OnnxWriter w, Node node, Shape in) {
        LayerNorm ln = (LayerNorm) node.op();
        String name = node.name();
        long[] c = {ln.features()};
        int rank = in.rank();
        boolean moved = ln.axis() == LayerNorm.Axis.CHANNELS && rank > 2;
        String x = node.inputs().get(0);
        if (moved) {
            long[] toLast = new long[rank];
            long[] back = new long[rank];
            for (int d = 0; d < rank; d++) {
                toLast[d] = d == 0 ? 0 : d == rank - 1 ? 1 : d + 1;
                back[d] = d == 0 ? 0 : d == 1 ? rank - 1 : d - 1;
            }
            x = w.node(name + ".to_last", "Transpose", List.of(x)).addAttribute(OnnxWriter.ints("perm", toLast))
                    .getName();
            String norm = normalization(w, name + ".norm", x, c);
            w.node(name, "Transpose", List.of(norm)).addAttribute(OnnxWriter.ints("perm", back));
        } else {
            normalization(w, name, x, c);
        }
    }

    private static String normalization(OnnxWriter w, String name, String x, long[] c) {
        return w.node(name, "LayerNormalization", List.of(x, w.initializer(name + ".weight", c, WeightFill.Role.ONE, 1),
                w.initializer(name + ".bias", c, WeightFill.Role.ZERO, 1)))
                .addAttribute(OnnxWriter.integer("axis", -1)).getName();
    }

    /** A linear layer over the last axis of a rank-3+ tensor: rows (NAME.rows), Gemm (NAME.gemm), shape back. */
    static void linearOverLastAxis(OnnxWriter w, Node node, Shape in, Shape out) {
        Linear l = (Linear) node.op();
        String name = node.name();
        w.node(name + ".rows", "Reshape", List.of(node.inputs().get(0),
                w.longs(name + ".rows.shape", -1, l.inFeatures())));
        String weight = w.initializer(name + ".weight", new long[] {l.outFeatures(), l.inFeatures()},
                WeightFill.Role.WEIGHT, l.inFeatures());
        List<String> args = l.bias() ? List.of(name + ".rows", weight, w.initializer(name + ".bias",
                new long[] {l.outFeatures()}, WeightFill.Role.ZERO, 1)) : List.of(name + ".rows", weight);
        w.node(name + ".gemm", "Gemm", args).addAttribute(OnnxWriter.integer("transB", 1));
        long[] shape = new long[out.rank()];
        for (int d = 0; d < out.rank(); d++) {
            shape[d] = out.dim(d);
        }
        w.node(name, "Reshape", List.of(name + ".gemm", w.longs(name + ".shape", shape)));
    }

    /**
     * One ONNX Split for all parts of a split (the IR nodes of the same input, axis and sizes), written when the
     * first part comes; each output is named by its part, a missing part by NAME.unused.K. The node is named
     * BASE when the parts are BASE.0, BASE.1, ..., so it reads back as BASE:0, BASE:1, ...
     */
    static void split(OnnxWriter w, Node node) {
        if (!w.claim(node.name())) {
            return;
        }
        Split s = (Split) node.op();
        String[] outputs = new String[s.sizes().size()];
        outputs[s.index()] = node.name();
        for (Node other : w.model().nodes()) {
            if (other.op() instanceof Split t && t.axis() == s.axis() && t.sizes().equals(s.sizes())
                    && other.inputs().equals(node.inputs()) && outputs[t.index()] == null && w.claim(other.name())) {
                outputs[t.index()] = other.name();
            }
        }
        String base = base(outputs, node.name());
        List<String> names = new ArrayList<>();
        for (int k = 0; k < outputs.length; k++) {
            names.add(outputs[k] != null ? outputs[k] : base + ".unused." + k);
        }
        long[] sizes = s.sizes().stream().mapToLong(Integer::longValue).toArray();
        w.multiNode(base, "Split", List.of(node.inputs().get(0), w.longs(base + ".sizes", sizes)), names)
                .addAttribute(OnnxWriter.integer("axis", s.axis()));
    }

    /** BASE when every present part K is named BASE.K (or BASE:K); else the first part's name and ".split". */
    private static String base(String[] parts, String first) {
        String base = null;
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] == null) {
                continue;
            }
            Matcher m = PART.matcher(parts[k]);
            if (!m.matches() || Integer.parseInt(m.group(2)) != k || (base != null && !base.equals(m.group(1)))) {
                return first + ".split";
            }
            base = m.group(1);
        }
        return base;
    }
}
