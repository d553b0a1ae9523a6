package dev.ridgeline.core.shape;

/**
 * Output length of a sliding window along one axis. Floor mode: floor((X + pb + pe - D(K-1) - 1) / S) + 1,
 * the seeds' M = (X - K + 2P) / S + 1 for D = 1. Ceil mode rounds up, but (as in PyTorch) the extra window
 * it adds must start inside the input or its leading padding; it never gives fewer windows than floor mode.
 */
public final class OutputSize {
    private OutputSize() {
    }

    /** The extent one window covers: D * (K - 1) + 1. */
    public static int span(int kernel, int dilation) {
        return dilation * (kernel - 1) + 1;
    }

    /**
     * Output length, or a value below 1 when no window fits (the caller reports that with context).
     */
    public static int sliding(int x, int kernel, int stride, int dilation, int padBegin, int padEnd, boolean ceilMode) {
        long room = (long) x + padBegin + padEnd - span(kernel, dilation);
        if (room < 0) {
            return 0;
        }
        long floorOut = room / stride + 1;
        long out = ceilMode ? ceilDiv(room, stride) + 1 : floorOut;
        // only the window ceil mode adds may be dropped: floor-mode windows always count
        if (out > floorOut && (out - 1) * stride >= (long) x + padBegin) {
            out--;
        }
        return Math.toIntExact(out);
    }

    /** Padding [begin, end] that makes the output ceil(X / S); any odd remainder goes to the end. */
    public static int[] samePadding(int x, int kernel, int stride, int dilation) {
        int out = (int) ceilDiv(x, stride);
        int total = Math.max((out - 1) * stride + span(kernel, dilation) - x, 0);
        return new int[] {total / 2, total - total / 2};
    }

    /** Transposed convolution: (X - 1) * S - pb - pe + D(K-1) + outputPadding + 1. */
    public static int transposed(int x, int kernel, int stride, int dilation, int padBegin, int padEnd, int outputPadding) {
        long out = (long) (x - 1) * stride - padBegin - padEnd + (span(kernel, dilation) - 1) + outputPadding + 1;
        return Math.toIntExact(out);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
