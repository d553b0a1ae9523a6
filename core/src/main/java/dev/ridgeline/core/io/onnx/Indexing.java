package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;

/** Index arithmetic over row-major tensors: strides, NumPy broadcasting and element-wise source maps. */
final class Indexing {
    private Indexing() {
    }

    static long[] strides(long[] dims) {
        long[] s = new long[dims.length];
        long acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    static int count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return Math.toIntExact(n);
    }

    /** NumPy broadcasting of two shapes (dimensions aligned from the right must be equal or 1). */
    static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 1; i <= rank; i++) {
            long da = i <= a.length ? a[a.length - i] : 1;
            long db = i <= b.length ? b[b.length - i] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new BadInputException("shapes " + java.util.Arrays.toString(a) + " and "
                        + java.util.Arrays.toString(b) + " do not broadcast");
            }
            out[rank - i] = da == 1 ? db : da;
        }
        return out;
    }

    /** For each element of a tensor of {@code outDims}, the element of a tensor of {@code inDims} broadcast into it. */
    static int[] broadcastSource(long[] outDims, long[] inDims) {
        int n = count(outDims);
        long[] inStrides = strides(inDims);
        int offset = outDims.length - inDims.length;
        int[] src = new int[n];
        long[] index = new long[outDims.length];
        for (int k = 0; k < n; k++) {
            long flat = 0;
            for (int i = 0; i < inDims.length; i++) {
                long v = inDims[i] == 1 ? 0 : index[i + offset];
                flat += v * inStrides[i];
            }
            src[k] = (int) flat;
            increment(index, outDims);
        }
        return src;
    }

    /** Advances a row-major multi-index by one. */
    static void increment(long[] index, long[] dims) {
        for (int i = dims.length - 1; i >= 0; i--) {
            if (++index[i] < dims[i]) {
                return;
            }
            index[i] = 0;
        }
    }

    static int axis(long axis, int rank, String what) {
        BadInputException.check(axis >= -rank && axis < rank, "%s: axis %d is out of range for rank %d", what, axis,
                rank);
        return (int) (axis < 0 ? axis + rank : axis);
    }
}
