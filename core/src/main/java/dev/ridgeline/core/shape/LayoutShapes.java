package dev.ridgeline.core.shape;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Pad;
import dev.ridgeline.core.op.ReduceMean;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.Squeeze;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Uncounted;
import dev.ridgeline.core.op.Unsqueeze;
import java.util.ArrayList;
import java.util.List;

/** Shape rules of the ops that move, select or reduce axes (the layout ops imported networks use). */
final class LayoutShapes {
    private LayoutShapes() {
    }

    static Shape reshape(Reshape r, Shape x) {
        List<Integer> target = r.target();
        int[] dims = new int[target.size()];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < dims.length; i++) {
            int t = target.get(i);
            if (t == 0) {
                ShapeException.check(i < x.rank(), "target %s copies dimension %d (0), but the input %s has rank %d",
                        target, i, x, x.rank());
                dims[i] = x.dim(i);
            } else if (t == -1) {
                inferred = i;
                continue;
            } else {
                dims[i] = t;
            }
            known = Math.multiplyExact(known, dims[i]);
        }
        long total = x.numel();
        if (inferred >= 0) {
            ShapeException.check(total % known == 0, "cannot reshape %s (%d elements) to %s: %d is not a multiple of %d",
                    x, total, target, total, known);
            dims[inferred] = Math.toIntExact(total / known);
        } else {
            ShapeException.check(known == total, "cannot reshape %s (%d elements) to %s (%d elements)", x, total,
                    target, known);
        }
        return Shape.of(dims);
    }

    static Shape split(Split s, Shape x) {
        ShapeException.check(s.axis() >= 1 && s.axis() < x.rank(), "axis %d is not a non-batch axis of %s", s.axis(),
                x);
        ShapeException.check(s.total() == x.dim(s.axis()),
                "parts %s add up to %d, but axis %d of the input %s has %d; the sizes must add up to it", s.sizes(),
                s.total(), s.axis(), x, x.dim(s.axis()));
        return x.withDim(s.axis(), s.size());
    }

    static Shape transpose(Transpose t, Shape x) {
        ShapeException.check(t.perm().size() == x.rank(), "perm %s has %d axes, the input %s has %d", t.perm(),
                t.perm().size(), x, x.rank());
        int[] dims = new int[x.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = x.dim(t.perm().get(i));
        }
        return Shape.of(dims);
    }

    static Shape squeeze(Squeeze s, Shape x) {
        boolean[] drop = axes(s.axes(), x.rank(), x);
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            if (drop[i]) {
                ShapeException.check(x.dim(i) == 1, "axis %d of %s has size %d; only size-1 axes can be squeezed", i,
                        x, x.dim(i));
            } else {
                dims.add(x.dim(i));
            }
        }
        ShapeException.check(!dims.isEmpty(), "squeezing every axis of %s leaves a scalar; keep at least one axis", x);
        ShapeException.check(!drop[0], "squeezing axis 0 drops the batch of %s", x);
        return of(dims);
    }

    static Shape unsqueeze(Unsqueeze u, Shape x) {
        int rank = x.rank() + u.axes().size();
        boolean[] insert = axes(u.axes(), rank, x);
        ShapeException.check(!insert[0], "inserting axis 0 before the batch of %s; the batch must stay first", x);
        int[] dims = new int[rank];
        int from = 0;
        for (int i = 0; i < rank; i++) {
            dims[i] = insert[i] ? 1 : x.dim(from++);
        }
        return Shape.of(dims);
    }

    static Shape reduceMean(ReduceMean r, Shape x) {
        return reduce(r.axes(), r.keepDims(), x);
    }

    static Shape tile(dev.ridgeline.core.op.Tile t, Shape x) {
        ShapeException.check(t.repeats().size() == x.rank(), "%d repeats for %s", t.repeats().size(), x);
        ShapeException.check(t.repeats().get(0) == 1, "repeating the batch of %s", x);
        int[] dims = x.toArray();
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.multiplyExact(dims[i], t.repeats().get(i));
        }
        return Shape.of(dims);
    }

    static Shape reduce(List<Integer> axes, boolean keepDims, Shape x) {
        boolean[] reduced = axes(axes, x.rank(), x);
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            if (!reduced[i]) {
                dims.add(x.dim(i));
            } else if (keepDims) {
                dims.add(1);
            }
        }
        ShapeException.check(!dims.isEmpty(), "reducing every axis of %s without keeping them leaves a scalar", x);
        return of(dims);
    }

    static Shape slice(Slice s, Shape x) {
        int[] dims = x.toArray();
        boolean[] seen = new boolean[x.rank()];
        for (int k = 0; k < s.axes().size(); k++) {
            int axis = axis(s.axes().get(k), x.rank(), x);
            ShapeException.check(!seen[axis], "axis %d is sliced twice", axis);
            seen[axis] = true;
            long n = x.dim(axis);
            long step = s.steps().get(k);
            long start = clamp(s.starts().get(k), n, step);
            long end = clamp(s.ends().get(k), n, step);
            long count = step > 0 ? Math.max(0, ceilDiv(end - start, step)) : Math.max(0, ceilDiv(start - end, -step));
            ShapeException.check(count >= 1, "slice %d:%d:%d of axis %d (size %d) is empty", s.starts().get(k),
                    s.ends().get(k), step, axis, n);
            dims[axis] = Math.toIntExact(count);
        }
        return Shape.of(dims);
    }

    static Shape pad(Pad p, Shape x) {
        ShapeException.check(p.rank() == x.rank(), "pads %s cover %d axes, the input %s has %d", p.pads(), p.rank(),
                x, x.rank());
        int[] dims = new int[x.rank()];
        for (int i = 0; i < dims.length; i++) {
            long d = (long) x.dim(i) + p.begin(i) + p.end(i);
            ShapeException.check(d >= 1, "pads %s leave axis %d of %s empty", p.pads(), i, x);
            dims[i] = Math.toIntExact(d);
        }
        return Shape.of(dims);
    }

    static Shape uncounted(Uncounted u, Shape x) {
        if (u.shapedLikeInput()) {
            return x;
        }
        int[] dims = new int[u.sampleDims().size() + 1];
        dims[0] = x.batch();
        for (int i = 1; i < dims.length; i++) {
            dims[i] = u.sampleDims().get(i - 1);
        }
        return Shape.of(dims);
    }

    /** Python's slice clamping: negative counts from the end; the range is [0, n] going up, [-1, n-1] down. */
    private static long clamp(long index, long n, long step) {
        long i = index < 0 ? index + n : index;
        return step > 0 ? Math.max(0, Math.min(i, n)) : Math.max(-1, Math.min(i, n - 1));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static boolean[] axes(List<Integer> axes, int rank, Shape x) {
        boolean[] marked = new boolean[rank];
        for (int a : axes) {
            int i = axis(a, rank, x);
            ShapeException.check(!marked[i], "axis %d appears twice in %s", a, axes);
            marked[i] = true;
        }
        return marked;
    }

    private static int axis(int a, int rank, Shape x) {
        ShapeException.check(a >= -rank && a < rank, "axis %d is out of range for rank %d (input %s)", a, rank, x);
        return a < 0 ? a + rank : a;
    }

    private static Shape of(List<Integer> dims) {
        return Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
    }
}
