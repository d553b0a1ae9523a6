package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The geometry of a 2-D sliding window: kernel, stride, dilation and padding, each height then width. */
public record Window(int kernelH, int kernelW, int strideH, int strideW, int dilationH, int dilationW, Padding padding) {
    public Window {
        if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1) {
            throw new IllegalArgumentException("kernel, stride and dilation must be at least 1, got kernel "
                    + kernelH + "x" + kernelW + ", stride " + strideH + "x" + strideW
                    + ", dilation " + dilationH + "x" + dilationW);
        }
        if (padding == null) {
            throw new IllegalArgumentException("padding is required");
        }
    }

    /** A square kernel with symmetric padding and no dilation. */
    public static Window square(int kernel, int stride, int padding) {
        return new Window(kernel, kernel, stride, stride, 1, 1, Padding.of(padding));
    }

    public static Window square(int kernel, int stride, Padding padding) {
        return new Window(kernel, kernel, stride, stride, 1, 1, padding);
    }

    public long kernelArea() {
        return (long) kernelH * kernelW;
    }

    /** The attributes users know from PyTorch, in their order. */
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kernel", List.of(kernelH, kernelW));
        a.put("stride", List.of(strideH, strideW));
        a.put("padding", padding.describe());
        a.put("dilation", List.of(dilationH, dilationW));
        return a;
    }
}
