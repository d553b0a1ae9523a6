package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** ONNX's rules for the shape-moving ops, on plain dimension arrays: shared by folding and by import. */
final class Shapes {
    private Shapes() {
    }

    /** Shape's output: the dimensions from {@code start} to {@code end} (opset 15 attributes). */
    static Tensor shapeOf(long[] dims, Attributes a, String what) {
        int rank = dims.length;
        int start = clampAxis(a.integer("start", 0), rank);
        int end = clampAxis(a.integer("end", rank), rank);
        long[] part = Arrays.copyOfRange(dims, start, Math.max(start, end));
        return Tensor.ofInts(new long[] {part.length}, part);
    }

    private static int clampAxis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return (int) Math.max(0, Math.min(rank, a));
    }

    /** The axes of Squeeze, Unsqueeze or a reduction: the attribute (older opsets) or input 1 (newer); empty if neither. */
    static long[] axes(Attributes a, List<Tensor> in) {
        if (a.has("axes")) {
            return a.integers("axes").orElseThrow();
        }
        if (in.size() > 1 && in.get(1) != null) {
            return in.get(1).longs();
        }
        return new long[0];
    }

    static long[] unsqueezed(long[] dims, long[] axes, String what) {
        int rank = dims.length + axes.length;
        boolean[] insert = new boolean[rank];
        for (long ax : axes) {
            int i = Indexing.axis(ax, rank, what);
            BadInputException.check(!insert[i], "%s: axis %d appears twice", what, ax);
            insert[i] = true;
        }
        long[] out = new long[rank];
        int from = 0;
        for (int i = 0; i < rank; i++) {
            out[i] = insert[i] ? 1 : dims[from++];
        }
        return out;
    }

    /** Squeeze: the given axes, or every size-1 axis when none are given. */
    static long[] squeezed(long[] dims, long[] axes, String what) {
        boolean[] drop = new boolean[dims.length];
        if (axes.length == 0) {
            for (int i = 0; i < dims.length; i++) {
                drop[i] = dims[i] == 1;
            }
        }
        for (long ax : axes) {
            int i = Indexing.axis(ax, dims.length, what);
            BadInputException.check(dims[i] == 1, "%s: axis %d has size %d; only size-1 axes can be squeezed", what,
                    ax, dims[i]);
            drop[i] = true;
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            if (!drop[i]) {
                out.add(dims[i]);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Reshape: 0 copies the input's dimension, one -1 takes what the others leave. */
    static long[] reshaped(long[] dims, long[] target, String what) {
        long total = 1;
        for (long d : dims) {
            total *= d;
        }
        long[] out = target.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                BadInputException.check(i < dims.length, "%s: target %s copies dimension %d of a rank-%d input", what,
                        Arrays.toString(target), i, dims.length);
                out[i] = dims[i];
            }
            if (out[i] == -1) {
                BadInputException.check(inferred < 0, "%s: target %s has two -1", what, Arrays.toString(target));
                inferred = i;
            } else {
                known *= out[i];
            }
        }
        if (inferred >= 0) {
            BadInputException.check(known > 0 && total % known == 0, "%s: cannot reshape %s to %s", what,
                    Arrays.toString(dims), Arrays.toString(target));
            out[inferred] = total / known;
        }
        BadInputException.check(Arrays.stream(out).reduce(1, (p, q) -> p * q) == total,
                "%s: cannot reshape %s (%d elements) to %s", what, Arrays.toString(dims), total, Arrays.toString(target));
        return out;
    }

    /** Flatten: a 2-D tensor, dimensions before {@code axis} merged into the first. */
    static long[] flattened(long[] dims, long axisAttr, String what) {
        int axis = (int) (axisAttr < 0 ? axisAttr + dims.length : axisAttr);
        BadInputException.check(axis >= 0 && axis <= dims.length, "%s: axis %d is out of range for rank %d", what,
                axisAttr, dims.length);
        long outer = 1;
        long inner = 1;
        for (int i = 0; i < dims.length; i++) {
            if (i < axis) {
                outer *= dims[i];
            } else {
                inner *= dims[i];
            }
        }
        return new long[] {outer, inner};
    }

    /** A Slice's starts, ends and steps on every axis (whole axes where it names none). */
    record SliceSpec(List<Integer> axes, long[] starts, long[] ends, long[] steps, int rank) {
        static SliceSpec of(Attributes a, List<Tensor> in, int opset, int rank, String what) {
            long[] starts;
            long[] ends;
            long[] axes = null;
            long[] steps = null;
            if (opset < 10 || in.size() < 3) {
                starts = a.integers("starts").orElseThrow(() -> new BadInputException(what + ": Slice has no starts"));
                ends = a.integers("ends").orElseThrow(() -> new BadInputException(what + ": Slice has no ends"));
                axes = a.integers("axes").orElse(null);
            } else {
                starts = required(in, 1, what, "starts");
                ends = required(in, 2, what, "ends");
                if (in.size() > 3 && in.get(3) != null) {
                    axes = in.get(3).longs();
                }
                if (in.size() > 4 && in.get(4) != null) {
                    steps = in.get(4).longs();
                }
            }
            BadInputException.check(starts.length == ends.length, "%s: Slice has %d starts and %d ends", what,
                    starts.length, ends.length);
            if (axes == null) {
                axes = new long[starts.length];
                for (int i = 0; i < axes.length; i++) {
                    axes[i] = i;
                }
            }
            if (steps == null) {
                steps = new long[starts.length];
                Arrays.fill(steps, 1);
            }
            BadInputException.check(axes.length == starts.length && steps.length == starts.length,
                    "%s: Slice needs one axis and step per start", what);
            List<Integer> normalized = new ArrayList<>();
            for (long ax : axes) {
                normalized.add(Indexing.axis(ax, rank, what));
            }
            for (long s : steps) {
                BadInputException.check(s != 0, "%s: a Slice step is 0", what);
            }
            return new SliceSpec(normalized, starts, ends, steps, rank);
        }

        private static long[] required(List<Tensor> in, int i, String what, String name) {
            BadInputException.check(in.size() > i && in.get(i) != null, "%s: Slice has no %s", what, name);
            return in.get(i).longs();
        }

        private int position(int axis) {
            return axes.indexOf(axis);
        }

        long step(int axis) {
            int k = position(axis);
            return k < 0 ? 1 : steps[k];
        }

        /** The first index taken on an axis of size n, Python's clamping applied. */
        long start(int axis, long n) {
            int k = position(axis);
            return k < 0 ? 0 : clamp(starts[k], n, steps[k]);
        }

        long count(int axis, long n) {
            int k = position(axis);
            if (k < 0) {
                return n;
            }
            long s = clamp(starts[k], n, steps[k]);
            long e = clamp(ends[k], n, steps[k]);
            long step = steps[k];
            return step > 0 ? Math.max(0, ceilDiv(e - s, step)) : Math.max(0, ceilDiv(s - e, -step));
        }

        long[] outputDims(long[] dims) {
            long[] out = new long[dims.length];
            for (int i = 0; i < dims.length; i++) {
                out[i] = count(i, dims[i]);
            }
            return out;
        }

        private static long clamp(long index, long n, long step) {
            long i = index < 0 ? index + n : index;
            return step > 0 ? Math.max(0, Math.min(i, n)) : Math.max(-1, Math.min(i, n - 1));
        }

        private static long ceilDiv(long a, long b) {
            return -Math.floorDiv(-a, b);
        }
    }
}
