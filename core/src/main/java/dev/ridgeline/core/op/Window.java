package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The geometry of a sliding window: kernel, stride, dilation and padding, each height then width; a 3-D window
 * (over N x C x D x H x W) adds its {@link Depth} axis, {@link Depth#NONE} for a 2-D one. SAME padding applies to
 * the depth axis too.
 */
public record Window(int kernelH, int kernelW, int strideH, int strideW, int dilationH, int dilationW, Padding padding,
                     Depth depth) {
    /** A 2-D window. */
    public Window(int kernelH, int kernelW, int strideH, int strideW, int dilationH, int dilationW, Padding padding) {
        this(kernelH, kernelW, strideH, strideW, dilationH, dilationW, padding, Depth.NONE);
    }

    public Window {
        if (depth == null) {
            throw new IllegalArgumentException("depth is required (Depth.NONE for a 2-D window)");
        }
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

    /** The kernel's elements: kH x kW, times kD for a 3-D window. */
    public long kernelArea() {
        return (long) kernelH * kernelW * depth.factor();
    }

    /** True for a window over N x C x D x H x W. */
    public boolean is3d() {
        return depth.present();
    }

    /** The attributes users know from PyTorch, in their order. */
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kernel", List.of(kernelH, kernelW));
        a.put("stride", List.of(strideH, strideW));
        a.put("padding", padding.describe());
        a.put("dilation", List.of(dilationH, dilationW));
        if (depth.present()) {
            a.put("depth", depth.describe());
        }
        return a;
    }
}
