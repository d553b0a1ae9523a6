package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The folds of {@link ConstantFolder} that move or select elements: Gather, Concat, Transpose, Slice, Split, Tile. */
final class LayoutFolds {
    private LayoutFolds() {
    }

    /** Split into the node's outputs: sizes from the attribute (opset < 13) or input 1, else equal parts. */
    static List<Tensor> split(Tensor x, Attributes a, List<Tensor> in, String what, int outputs) {
        int axis = Indexing.axis(a.integer("axis", 0), x.rank(), what);
        long[] sizes = a.integers("split").orElse(in.size() > 1 && in.get(1) != null ? in.get(1).longs() : null);
        int parts = sizes != null ? sizes.length : Math.toIntExact(a.integer("num_outputs", outputs));
        BadInputException.check(parts > 0, "%s: a Split of a constant needs its sizes", what);
        if (sizes == null) {
            long n = x.dim(axis);
            long part = (n + parts - 1) / parts;
            sizes = new long[parts];
            for (int k = 0; k < parts; k++) {
                sizes[k] = Math.max(0, Math.min(part, n - k * part));
            }
        }
        BadInputException.check(Arrays.stream(sizes).sum() == x.dim(axis), "%s: split sizes %s do not add up to %d",
                what, Arrays.toString(sizes), x.dim(axis));
        List<Tensor> out = new ArrayList<>();
        long start = 0;
        for (long size : sizes) {
            long[] starts = new long[x.rank()];
            long[] ends = x.dims();
            starts[axis] = start;
            ends[axis] = start + size;
            out.add(box(x, starts, ends));
            start += size;
        }
        return out;
    }

    /** The elements of x from starts (inclusive) to ends (exclusive) on every axis. */
    static Tensor box(Tensor x, long[] starts, long[] ends) {
        long[] in = x.dims();
        long[] strides = Indexing.strides(in);
        long[] out = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = ends[i] - starts[i];
        }
        int[] src = new int[Indexing.count(out)];
        long[] index = new long[in.length];
        for (int k = 0; k < src.length; k++) {
            long flat = 0;
            for (int i = 0; i < in.length; i++) {
                flat += (starts[i] + index[i]) * strides[i];
            }
            src[k] = (int) flat;
            Indexing.increment(index, out);
        }
        return x.select(out, src);
    }

    static Tensor tile(Tensor x, long[] repeats, String what) {
        BadInputException.check(repeats.length == x.rank(), "%s: %d repeats for a rank-%d tensor", what,
                repeats.length, x.rank());
        long[] in = x.dims();
        long[] out = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.multiplyExact(in[i], repeats[i]);
        }
        long[] strides = Indexing.strides(in);
        int[] src = new int[Indexing.count(out)];
        long[] index = new long[in.length];
        for (int k = 0; k < src.length; k++) {
            long flat = 0;
            for (int i = 0; i < in.length; i++) {
                flat += (index[i] % in[i]) * strides[i];
            }
            src[k] = (int) flat;
            Indexing.increment(index, out);
        }
        return x.select(out, src);
    }

    static Tensor gather(Tensor data, Tensor indices, long axisAttr, String what) {
        int axis = Indexing.axis(axisAttr, data.rank(), what);
        long[] d = data.dims();
        long[] idx = indices.longs();
        List<Long> outDims = new ArrayList<>();
        for (int i = 0; i < axis; i++) {
            outDims.add(d[i]);
        }
        for (long k : indices.dims()) {
            outDims.add(k);
        }
        for (int i = axis + 1; i < d.length; i++) {
            outDims.add(d[i]);
        }
        long outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= d[i];
        }
        long inner = 1;
        for (int i = axis + 1; i < d.length; i++) {
            inner *= d[i];
        }
        int[] src = new int[Math.toIntExact(outer * idx.length * inner)];
        int k = 0;
        for (long o = 0; o < outer; o++) {
            for (long j : idx) {
                long at = j < 0 ? j + d[axis] : j;
                BadInputException.check(at >= 0 && at < d[axis], "%s: index %d is out of range for size %d", what,
                        j, d[axis]);
                for (long r = 0; r < inner; r++) {
                    src[k++] = (int) ((o * d[axis] + at) * inner + r);
                }
            }
        }
        return data.select(outDims.stream().mapToLong(Long::longValue).toArray(), src);
    }

    static Tensor concat(List<Tensor> in, long axisAttr, String what) {
        Tensor first = in.get(0);
        int axis = Indexing.axis(axisAttr, first.rank(), what);
        long[] dims = first.dims();
        dims[axis] = 0;
        boolean real = false;
        for (Tensor t : in) {
            dims[axis] += t.dim(axis);
            real |= t.isReal();
        }
        long outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= dims[i];
        }
        int n = Indexing.count(dims);
        double[] reals = new double[n];
        long[] ints = new long[n];
        int k = 0;
        for (long o = 0; o < outer; o++) {
            for (Tensor t : in) {
                long block = t.numel() / outer;
                for (long r = 0; r < block; r++) {
                    int i = (int) (o * block + r);
                    reals[k] = t.realAt(i);
                    ints[k++] = t.intAt(i);
                }
            }
        }
        return real ? Tensor.ofReals(dims, reals) : Tensor.ofInts(dims, ints);
    }

    static Tensor transpose(Tensor x, Attributes a) {
        int rank = x.rank();
        long[] perm = a.integers("perm").orElseGet(() -> {
            long[] p = new long[rank];
            for (int i = 0; i < rank; i++) {
                p[i] = rank - 1 - i;
            }
            return p;
        });
        long[] in = x.dims();
        long[] strides = Indexing.strides(in);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = in[(int) perm[i]];
        }
        int[] src = new int[Indexing.count(out)];
        long[] index = new long[rank];
        for (int k = 0; k < src.length; k++) {
            long flat = 0;
            for (int i = 0; i < rank; i++) {
                flat += index[i] * strides[(int) perm[i]];
            }
            src[k] = (int) flat;
            Indexing.increment(index, out);
        }
        return x.select(out, src);
    }

    static Tensor slice(Tensor x, Shapes.SliceSpec s) {
        long[] in = x.dims();
        long[] strides = Indexing.strides(in);
        long[] out = s.outputDims(in);
        int[] src = new int[Indexing.count(out)];
        long[] index = new long[in.length];
        for (int k = 0; k < src.length; k++) {
            long flat = 0;
            for (int i = 0; i < in.length; i++) {
                flat += (s.start(i, in[i]) + index[i] * s.step(i)) * strides[i];
            }
            src[k] = (int) flat;
            Indexing.increment(index, out);
        }
        return x.select(out, src);
    }
}
