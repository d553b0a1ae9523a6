package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.Pad;
import dev.ridgeline.core.op.ReduceMean;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Squeeze;
import dev.ridgeline.core.op.Unsqueeze;
import dev.ridgeline.core.op.Upsample;
import java.util.List;

/**
 * The ONNX form of the IR ops that move, select or resize data, and of element-wise functions; their shapes,
 * axes and bounds are INT64 initializers (opset 18+ takes them as inputs), which {@link LayoutOps} reads back.
 */
final class LayoutNodes {
    private LayoutNodes() {
    }

    static void reshape(OnnxWriter w, Node node) {
        w.node(node.name(), "Reshape", List.of(node.inputs().get(0),
                w.longs(node.name() + ".shape", longs(((Reshape) node.op()).target()))));
    }

    static void squeeze(OnnxWriter w, Node node, boolean insert) {
        List<Integer> axes = insert ? ((Unsqueeze) node.op()).axes() : ((Squeeze) node.op()).axes();
        w.node(node.name(), insert ? "Unsqueeze" : "Squeeze", List.of(node.inputs().get(0),
                w.longs(node.name() + ".axes", longs(axes))));
    }

    static void reduceMean(OnnxWriter w, Node node) {
        ReduceMean r = (ReduceMean) node.op();
        w.node(node.name(), "ReduceMean", List.of(node.inputs().get(0), w.longs(node.name() + ".axes",
                longs(r.axes())))).addAttribute(OnnxWriter.integer("keepdims", r.keepDims() ? 1 : 0));
    }

    /**
     * Instance normalization as InstanceNormalization (scale 1, bias 0 per channel); a group norm of fewer groups
     * has no opset-20 form with a scale per channel, so the writer refuses it.
     */
    static void instanceNorm(OnnxWriter w, Node node) {
        dev.ridgeline.core.op.GroupNorm g = (dev.ridgeline.core.op.GroupNorm) node.op();
        if (!g.instance() || !g.affine()) {
            throw new dev.ridgeline.core.BadInputException("layer " + node.describe() + ": the ONNX writer writes "
                    + "instance normalization (as many groups as channels, affine) only");
        }
        long[] c = {g.channels()};
        w.node(node.name(), "InstanceNormalization", List.of(node.inputs().get(0),
                w.initializer(node.name() + ".weight", c, WeightFill.Role.ONE, 1),
                w.initializer(node.name() + ".bias", c, WeightFill.Role.ZERO, 1)));
    }

    /** ReduceSum, ReduceMax, ... with the axes as input (opset 18+); ArgMax and ArgMin with their axis. */
    static void reduce(OnnxWriter w, Node node) {
        dev.ridgeline.core.op.Reduce r = (dev.ridgeline.core.op.Reduce) node.op();
        String type = switch (r.function()) {
            case SUM -> "ReduceSum";
            case MAX -> "ReduceMax";
            case MIN -> "ReduceMin";
            case PROD -> "ReduceProd";
            case L1 -> "ReduceL1";
            case L2 -> "ReduceL2";
            case SUM_SQUARE -> "ReduceSumSquare";
            case LOG_SUM -> "ReduceLogSum";
            case LOG_SUM_EXP -> "ReduceLogSumExp";
            case ARG_MAX -> "ArgMax";
            case ARG_MIN -> "ArgMin";
        };
        boolean arg = r.function() == dev.ridgeline.core.op.Reduce.Function.ARG_MAX
                || r.function() == dev.ridgeline.core.op.Reduce.Function.ARG_MIN;
        var n = arg ? w.node(node.name(), type, List.of(node.inputs().get(0)))
                .addAttribute(OnnxWriter.integer("axis", r.axes().get(0)))
                : w.node(node.name(), type, List.of(node.inputs().get(0), w.longs(node.name() + ".axes",
                        longs(r.axes()))));
        n.addAttribute(OnnxWriter.integer("keepdims", r.keepDims() ? 1 : 0));
    }

    static void slice(OnnxWriter w, Node node) {
        Slice s = (Slice) node.op();
        String name = node.name();
        w.node(name, "Slice", List.of(node.inputs().get(0),
                w.longs(name + ".starts", s.starts().stream().mapToLong(Long::longValue).toArray()),
                w.longs(name + ".ends", s.ends().stream().mapToLong(Long::longValue).toArray()),
                w.longs(name + ".axes", longs(s.axes())),
                w.longs(name + ".steps", s.steps().stream().mapToLong(Long::longValue).toArray())));
    }

    static void pad(OnnxWriter w, Node node) {
        Pad p = (Pad) node.op();
        if (p.learnedElements() > 0) {
            throw new dev.ridgeline.core.BadInputException("layer " + node.describe() + ": the ONNX writer cannot "
                    + "write a concatenation with a learned constant (read from an ONNX file)");
        }
        w.node(node.name(), "Pad", List.of(node.inputs().get(0), w.longs(node.name() + ".pads", longs(p.pads()))))
                .addAttribute(OnnxWriter.text("mode", p.mode()));
    }

    /** Resize by scales [1, 1, sh, sw] or to sizes [N, C, H, W]; nearest as PyTorch exports it (asymmetric, floor). */
    static void upsample(OnnxWriter w, Node node, dev.ridgeline.core.graph.Shape in) {
        Upsample u = (Upsample) node.op();
        String name = node.name();
        List<String> args = u.bySize()
                ? List.of(node.inputs().get(0), "", "", w.longs(name + ".sizes", in.dim(0), in.dim(1), u.sizeH(),
                        u.sizeW()))
                : List.of(node.inputs().get(0), "", w.reals(name + ".scales", 1, 1, (float) u.scaleH(),
                        (float) u.scaleW()));
        var n = w.node(name, "Resize", args);
        if (u.mode() == Upsample.Mode.NEAREST) {
            n.addAttribute(OnnxWriter.text("mode", "nearest"))
                    .addAttribute(OnnxWriter.text("coordinate_transformation_mode", "asymmetric"))
                    .addAttribute(OnnxWriter.text("nearest_mode", "floor"));
        } else {
            n.addAttribute(OnnxWriter.text("mode", u.mode() == Upsample.Mode.BICUBIC ? "cubic" : "linear"));
        }
    }

    /**
     * Sub, Div, Pow (or Add, Mul) of two tensors, or of the tensor and a constant of the op's dimensions: a scalar
     * with its value, a larger one a weight (1 for mul, div and pow, 0 for add and sub).
     */
    static void elementwise(OnnxWriter w, Node node) {
        Elementwise e = (Elementwise) node.op();
        String type = switch (e.function()) {
            case ADD -> "Add";
            case SUB -> "Sub";
            case MUL -> "Mul";
            case DIV -> "Div";
            case POW -> "Pow";
            case MAX -> "Max";
            case MIN -> "Min";
            case MOD -> "Mod";
            case PRELU -> "PRelu";
            case EQUAL -> "Equal";
            case LESS -> "Less";
            case LESS_OR_EQUAL -> "LessOrEqual";
            case GREATER -> "Greater";
            case GREATER_OR_EQUAL -> "GreaterOrEqual";
            case AND -> "And";
            case OR -> "Or";
            case XOR -> "Xor";
        };
        if (!e.hasConstant()) {
            w.node(node.name(), type, node.inputs());
            return;
        }
        boolean neutralIsOne = e.function() != Elementwise.Function.ADD && e.function() != Elementwise.Function.SUB;
        String constant = e.constantDims().isEmpty() ? w.scalar(node.name() + ".constant", neutralIsOne ? 1 : 0)
                : w.initializer(node.name() + ".constant", longs(e.constantDims()),
                        neutralIsOne ? WeightFill.Role.ONE : WeightFill.Role.ZERO, 1);
        w.node(node.name(), type, List.of(node.inputs().get(0), constant));
    }

    private static long[] longs(List<Integer> values) {
        return values.stream().mapToLong(Integer::longValue).toArray();
    }
}
