package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.Pad;
import dev.ridgeline.core.op.ReduceMean;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.Squeeze;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Unsqueeze;
import dev.ridgeline.core.op.Upsample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps the ONNX ops that move, select or resize data. Their shape operands (a Reshape's target, a Slice's
 * bounds, a Resize's scales) must be constants, folded from the graph's shape computations if need be.
 */
final class LayoutOps {
    private LayoutOps() {
    }

    /**
     * Concat; a constant part that is a fill (ConstantOfShape's zeros, an expanded scalar: padding, as Barracuda
     * writes a channel pad) becomes a pad of its computed neighbour, so it is neither a layer nor parameters.
     */
    static Value concat(NodeContext c) {
        List<Value> parts = c.inputs().stream().filter(v -> v != null).toList();
        long axisAttr = c.attributes().integer("axis", 0);
        if (parts.stream().noneMatch(Value::isConstant)) {
            int rank = parts.get(0).shape().rank();
            if (Indexing.axis(axisAttr, rank, c.what()) == 0) {
                return BatchAxis.concat(c, parts);
            }
            return c.emit(new Concat(Math.toIntExact(axisAttr)), parts.toArray(Value[]::new));
        }
        Value first = parts.stream().filter(v -> !v.isConstant()).findFirst().orElseThrow();
        int rank = first.shape().rank();
        int axis = Indexing.axis(axisAttr, rank, c.what());
        List<Value> computed = new ArrayList<>();
        List<int[]> pads = new ArrayList<>();
        List<long[]> learned = new ArrayList<>();
        long learnedBefore = 0;
        int before = 0;
        for (Value v : parts) {
            if (!v.isConstant()) {
                computed.add(v);
                pads.add(new int[] {before, 0});
                learned.add(new long[] {learnedBefore});
                before = 0;
                learnedBefore = 0;
                continue;
            }
            Tensor t = v.constant();
            // a fill (ConstantOfShape's zeros) is padding; a learned tensor (a class token) its parameters too
            long params = t.learned() || !t.uniform() ? t.numel() : 0;
            BadInputException.check(t.rank() == rank, "%s: a part of rank %d joined to a rank-%d tensor", c.what(),
                    t.rank(), rank);
            int size = Math.toIntExact(t.dim(axis));
            if (computed.isEmpty()) {
                before += size;
                learnedBefore += params;
            } else {
                pads.get(pads.size() - 1)[1] += size;
                learned.get(learned.size() - 1)[0] += params;
            }
        }
        List<Value> padded = new ArrayList<>();
        for (int k = 0; k < computed.size(); k++) {
            int[] p = pads.get(k);
            if (p[0] == 0 && p[1] == 0) {
                padded.add(computed.get(k));
                continue;
            }
            Integer[] list = new Integer[2 * rank];
            Arrays.fill(list, 0);
            list[axis] = p[0];
            list[rank + axis] = p[1];
            Pad pad = new Pad(Arrays.asList(list), "constant", learned.get(k)[0]);
            padded.add(computed.size() == 1 ? c.emit(pad, computed.get(k)) : c.emitPart("pad" + k, pad, computed.get(k)));
        }
        if (padded.size() == 1) {
            return padded.get(0);
        }
        return axis == 0 ? BatchAxis.concat(c, padded) : c.emit(new Concat(axis), padded.toArray(Value[]::new));
    }

    /** One {@link Split} part per output, named NAME:k. */
    static List<Value> split(NodeContext c) {
        Value x = c.data(0);
        Shape s = x.shape();
        int axis = Indexing.axis(c.attributes().integer("axis", 0), s.rank(), c.what());
        int outputs = c.outputCount();
        long[] sizes;
        if (c.attributes().has("split")) {
            sizes = c.attributes().integers("split").orElseThrow();
        } else if (c.optionalConstant(1, "split sizes") != null) {
            sizes = c.constant(1, "split sizes").longs();
        } else {
            long n = s.dim(axis);
            long part = (n + outputs - 1) / outputs;
            sizes = new long[outputs];
            for (int k = 0; k < outputs; k++) {
                sizes[k] = Math.min(part, n - k * part);
            }
        }
        BadInputException.check(sizes.length == outputs && Arrays.stream(sizes).sum() == s.dim(axis),
                "%s: split sizes %s do not divide axis %d of %s into %d outputs", c.what(), Arrays.toString(sizes),
                axis, s, outputs);
        BadInputException.check(Arrays.stream(sizes).allMatch(n -> n >= 1), "%s: split sizes %s include an empty part",
                c.what(), Arrays.toString(sizes));
        if (outputs == 1) {
            return List.of(c.emit(new dev.ridgeline.core.op.Identity(), x));
        }
        if (axis == 0) {
            return BatchAxis.split(c, x, sizes);
        }
        List<Integer> parts = Arrays.stream(sizes).mapToObj(n -> Math.toIntExact(n)).toList();
        List<Value> out = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            out.add(c.hasOutput(k) ? c.emitPart(Integer.toString(k), new Split(axis, parts, k), x) : null);
        }
        return out;
    }

    static Value slice(NodeContext c) {
        Value x = c.data(0);
        List<Tensor> constants = new ArrayList<>();
        constants.add(null);
        for (int i = 1; i < c.inputCount(); i++) {
            constants.add(c.input(i) == null ? null : c.constant(i, "slice bound"));
        }
        Shapes.SliceSpec spec = Shapes.SliceSpec.of(c.attributes(), constants, c.opset(), x.shape().rank(), c.what());
        List<Long> starts = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        for (int k = 0; k < spec.axes().size(); k++) {
            starts.add(spec.starts()[k]);
            ends.add(spec.ends()[k]);
            steps.add(spec.steps()[k]);
        }
        return c.emit(new Slice(spec.axes(), starts, ends, steps), x);
    }

    static Value flatten(NodeContext c) {
        Value x = c.data(0);
        long axis = c.attributes().integer("axis", 1);
        if (axis == 1 || axis == 1 - x.shape().rank()) {
            return c.emit(new Flatten(1), x);
        }
        long[] dims = Shapes.flattened(longs(x.shape()), axis, c.what());
        return c.emit(new Reshape(batchGeneric(c, dims, x.shape(), axis != 0)), x);
    }

    static Value reshape(NodeContext c) {
        Value x = c.data(0);
        Tensor target = c.constant(1, "target shape");
        long[] t = target.longs();
        if (c.attributes().integer("allowzero", 0) != 0 && Arrays.stream(t).anyMatch(d -> d == 0)) {
            throw new Unsupported("allowzero=1 with a zero-sized target dimension");
        }
        return c.emit(new Reshape(batchGeneric(c, t, x.shape(), true)), x);
    }

    /**
     * A target that keeps working at any batch: a leading dimension equal to the batch the graph was read at,
     * on an input that starts with that batch, becomes 0 (copy the input's batch).
     */
    private static List<Integer> batchGeneric(NodeContext c, long[] target, Shape in, boolean allowed) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < target.length; i++) {
            long d = target[i];
            BadInputException.check(d >= -1, "%s: target dimension %d is negative", c.what(), d);
            boolean batch = allowed && i == 0 && d == c.batch() && in.batch() == c.batch();
            out.add(batch ? 0 : Math.toIntExact(d));
        }
        return out;
    }

    static Value transpose(NodeContext c) {
        Value x = c.data(0);
        int rank = x.shape().rank();
        long[] perm = c.attributes().integers("perm").orElseGet(() -> {
            long[] p = new long[rank];
            for (int i = 0; i < rank; i++) {
                p[i] = rank - 1 - i;
            }
            return p;
        });
        return c.emit(new Transpose(Arrays.stream(perm).mapToInt(Math::toIntExact).boxed().toList()), x);
    }

    static Value squeeze(NodeContext c, boolean insert) {
        Value x = c.data(0);
        long[] axes = Shapes.axes(c.attributes(), constantsAfterData(c));
        int rank = x.shape().rank();
        if (!insert && axes.length == 0) {
            // every size-1 axis but the batch, which may be 1 only because of the batch it was read at
            axes = java.util.stream.IntStream.range(1, rank).filter(i -> x.shape().dim(i) == 1).asLongStream()
                    .toArray();
            BadInputException.check(axes.length > 0, "%s: %s has no size-1 axis to squeeze", c.what(), x.shape());
        }
        List<Integer> list = Arrays.stream(axes).mapToInt(Math::toIntExact).boxed().toList();
        int outRank = insert ? rank + axes.length : rank;
        if (Arrays.stream(axes).anyMatch(a -> a == 0 || a == -outRank)) {
            // axis 0 is the batch in the IR: a reshape to the graph's own dimensions
            long[] in = longs(x.shape());
            long[] out = insert ? Shapes.unsqueezed(in, axes, c.what()) : Shapes.squeezed(in, axes, c.what());
            return BatchAxis.reshape(c, null, x, Arrays.stream(out).mapToInt(Math::toIntExact).boxed().toList());
        }
        return c.emit(insert ? new Unsqueeze(list) : new Squeeze(list), x);
    }

    static Value reduceMean(NodeContext c) {
        Value x = c.data(0);
        long[] axes = Shapes.axes(c.attributes(), constantsAfterData(c));
        if (axes.length == 0) {
            if (c.attributes().integer("noop_with_empty_axes", 0) != 0) {
                return c.emit(new dev.ridgeline.core.op.Identity(), x);
            }
            axes = java.util.stream.LongStream.range(0, x.shape().rank()).toArray();
        }
        boolean keep = c.attributes().integer("keepdims", 1) != 0;
        return c.emit(new ReduceMean(Arrays.stream(axes).mapToInt(Math::toIntExact).boxed().toList(), keep), x);
    }

    /** Resize (opset 10+) and Upsample: a spatial scale or size of an N x C x H x W tensor. */
    static Value resize(NodeContext c) {
        Value x = c.data(0);
        String modeText = c.attributes().text("mode", "nearest");
        Upsample.Mode mode = switch (modeText) {
            case "nearest" -> Upsample.Mode.NEAREST;
            case "linear", "bilinear" -> Upsample.Mode.BILINEAR;
            case "cubic", "bicubic" -> Upsample.Mode.BICUBIC;
            default -> throw new Unsupported("mode '" + modeText + "' (Ridgeline counts nearest and linear)");
        };
        Shape s = x.shape();
        if (s.rank() != 4) {
            throw new Unsupported("a resize of a rank-" + s.rank() + " tensor (Ridgeline counts N x C x H x W)");
        }
        boolean resize = c.type().equals("Resize");
        Tensor scales = null;
        Tensor sizes = null;
        if (c.attributes().has("scales")) {
            List<Float> f = c.attributes().reals("scales").orElseThrow();
            scales = Tensor.ofReals(new long[] {f.size()}, f.stream().mapToDouble(Float::doubleValue).toArray());
        } else if (resize && c.opset() >= 11) {
            scales = c.optionalConstant(2, "scales");
            sizes = c.optionalConstant(3, "sizes");
        } else {
            scales = c.optionalConstant(1, "scales");
        }
        if (sizes != null) {
            long[] z = sizes.longs();
            BadInputException.check(z.length == 4, "%s: sizes %s must give 4 dimensions", c.what(), Arrays.toString(z));
            if (z[0] != s.batch() || z[1] != s.channels()) {
                throw new Unsupported("it resizes the batch or channel axis");
            }
            return c.emit(new Upsample(mode, 0, 0, Math.toIntExact(z[2]), Math.toIntExact(z[3])), x);
        }
        BadInputException.check(scales != null, "%s has neither scales nor sizes", c.what());
        double[] f = scales.doubles();
        BadInputException.check(f.length == 4, "%s: scales %s must give 4 factors", c.what(), Arrays.toString(f));
        if (f[0] != 1 || f[1] != 1) {
            throw new Unsupported("it scales the batch or channel axis");
        }
        return c.emit(new Upsample(mode, f[2], f[3], 0, 0), x);
    }

    static Value pad(NodeContext c) {
        Value x = c.data(0);
        int rank = x.shape().rank();
        long[] pads = c.attributes().has("pads") ? c.attributes().integers("pads").orElseThrow()
                : c.constant(1, "pads").longs();
        Tensor axesTensor = c.optionalConstant(3, "axes");
        if (axesTensor != null) {
            long[] axes = axesTensor.longs();
            long[] full = new long[2 * rank];
            for (int k = 0; k < axes.length; k++) {
                int axis = Indexing.axis(axes[k], rank, c.what());
                full[axis] = pads[k];
                full[rank + axis] = pads[axes.length + k];
            }
            pads = full;
        }
        BadInputException.check(pads.length == 2 * rank, "%s: %d pads for a rank-%d input (need %d)", c.what(),
                pads.length, rank, 2 * rank);
        String mode = c.attributes().text("mode", "constant");
        return c.emit(new Pad(Arrays.stream(pads).mapToInt(Math::toIntExact).boxed().toList(), mode), x);
    }

    /** The node's inputs with the data replaced by null: what axes and bounds are read from. */
    private static List<Tensor> constantsAfterData(NodeContext c) {
        List<Tensor> out = new ArrayList<>();
        out.add(null);
        for (int i = 1; i < c.inputCount(); i++) {
            out.add(c.input(i) == null ? null : c.constant(i, "axes"));
        }
        return out;
    }

    private static long[] longs(Shape s) {
        return Arrays.stream(s.toArray()).asLongStream().toArray();
    }
}
