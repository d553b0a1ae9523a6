package dev.ridgeline.core.op;

import java.util.List;

/**
 * The depth axis of a 3-D window sliding over N x C x D x H x W (a video clip, a volume): kernel, stride,
 * dilation and the padding before and after it. {@link #NONE} (kernel 0) marks a 2-D window, which has no
 * depth axis.
 */
public record Depth(int kernel, int stride, int dilation, int padFront, int padBack) {
    /** No depth axis: the window is 2-D. */
    public static final Depth NONE = new Depth(0, 1, 1, 0, 0);

    public Depth {
        if (kernel < 0 || stride < 1 || dilation < 1 || padFront < 0 || padBack < 0) {
            throw new IllegalArgumentException("depth kernel, stride and dilation must be at least 1 and pads at"
                    + " least 0, got kernel " + kernel + ", stride " + stride + ", dilation " + dilation + ", pads "
                    + padFront + ", " + padBack);
        }
        if (kernel == 0 && (stride != 1 || dilation != 1 || padFront != 0 || padBack != 0)) {
            throw new IllegalArgumentException("a window without a depth axis (kernel 0) has no depth stride,"
                    + " dilation or pads");
        }
    }

    public boolean present() {
        return kernel > 0;
    }

    /** The depth kernel as a factor of the kernel's elements: 1 for a 2-D window. */
    public int factor() {
        return present() ? kernel : 1;
    }

    /** kernel, stride, dilation, padding [front, back], as attributes print them. */
    public List<Integer> describe() {
        return List.of(kernel, stride, dilation, padFront, padBack);
    }
}
