package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Depth;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Window;

/**
 * Maps the ONNX ops with weights (Conv, ConvTranspose, Gemm, MatMul, BatchNormalization) and the sliding
 * windows of pooling. Channel and feature counts come from the weight tensors' dimensions, never from
 * guesses; the weights themselves are not nodes.
 */
final class WeightedOps {
    private WeightedOps() {
    }

    /** Conv: weights Cout x Cin/g x Kh x Kw, an optional bias of Cout. */
    static Value conv(NodeContext c) {
        Value x = c.data(0);
        Tensor w = c.constant(1, "weight");
        int spatial = requireSpatial(w.rank(), "convolution");
        Tensor b = c.optionalConstant(2, "bias");
        int group = Math.toIntExact(c.attributes().integer("group", 1));
        int out = Math.toIntExact(w.dim(0));
        int in = Math.multiplyExact(Math.toIntExact(w.dim(1)), group);
        Window window = window(c, spatial == 1 ? 1 : Math.toIntExact(w.dim(w.rank() - 2)),
                Math.toIntExact(w.dim(w.rank() - 1)), spatial, spatial == 3 ? Math.toIntExact(w.dim(2)) : 0);
        return in2d(c, x, spatial, new Conv2d(in, out, window, group, b != null));
    }

    /**
     * The op on a 2-D map; a 1-D one (N x C x L) is read as N x C x 1 x L: NAME:2d adds the axis, NAME is the
     * op, NAME:1d removes the axis again, so counts are those of the 1-D op.
     */
    private static Value in2d(NodeContext c, Value x, int spatial, dev.ridgeline.core.op.Op op) {
        if (spatial != 1) {
            return c.emit(op, x);
        }
        BadInputException.check(x.shape().rank() == 3, "%s: a 1-D window needs an N x C x L input, got %s",
                c.what(), x.shape());
        Value map = c.emitPart("2d", new dev.ridgeline.core.op.Unsqueeze(java.util.List.of(2)), x);
        Value y = c.emit(op, map);
        return c.emitPart("1d", new dev.ridgeline.core.op.Squeeze(java.util.List.of(2)), y);
    }

    /** ConvTranspose: weights Cin x Cout/g x Kh x Kw, an optional bias of Cout. */
    static Value convTranspose(NodeContext c) {
        Value x = c.data(0);
        Tensor w = c.constant(1, "weight");
        int spatial = requireSpatial(w.rank(), "transposed convolution");
        Tensor b = c.optionalConstant(2, "bias");
        Attributes a = c.attributes();
        int group = Math.toIntExact(a.integer("group", 1));
        int in = Math.toIntExact(w.dim(0));
        int out = Math.multiplyExact(Math.toIntExact(w.dim(1)), group);
        int kh = spatial == 1 ? 1 : Math.toIntExact(w.dim(w.rank() - 2));
        int kw = Math.toIntExact(w.dim(w.rank() - 1));
        int[] outputPadding = pair(a, "output_padding", spatial, 0, 0);
        Window window = window(c, kh, kw, spatial, spatial == 3 ? Math.toIntExact(w.dim(2)) : 0);
        if (spatial == 3 && (a.has("output_shape") || a.ints("output_padding", 3, 0)[0] != 0)) {
            throw new Unsupported("a 3-D transposed convolution with output_shape or a depth output_padding"
                    + " (Ridgeline reads 3-D ones with pads, strides and dilations)");
        }
        if (a.has("output_shape")) {
            int[] target = pair(a, "output_shape", spatial, 1, 0);
            int h = spatial == 1 ? 1 : x.shape().height();
            window = fromOutputShape(c, window, h, x.shape().width(), outputPadding, target);
        }
        return in2d(c, x, spatial, new ConvTranspose2d(in, out, window, outputPadding[0], outputPadding[1], group,
                b != null));
    }

    /**
     * A 2-D attribute's two values; for a 1-D op its one value after {@code neutral} for the added axis; for a 3-D
     * op its height and width values (the depth value is read by {@link #depth}).
     */
    private static int[] pair(Attributes a, String name, int spatial, int neutral, int fallback) {
        if (spatial == 2) {
            return a.ints(name, 2, fallback);
        }
        if (spatial == 3) {
            int[] v = a.ints(name, 3, fallback);
            return new int[] {v[1], v[2]};
        }
        return new int[] {neutral, a.ints(name, 1, fallback)[0]};
    }

    /**
     * Pads that make a transposed convolution produce its output_shape attribute, as ONNX derives them; an
     * output larger than the convolution makes is extra output padding (at the bottom and right).
     */
    private static Window fromOutputShape(NodeContext c, Window w, int h, int wd, int[] outputPadding, int[] target) {
        boolean upper = !"SAME_LOWER".equals(c.attributes().text("auto_pad", "NOTSET"));
        int th = w.strideH() * (h - 1) + outputPadding[0] + (w.kernelH() - 1) * w.dilationH() + 1 - target[0];
        int tw = w.strideW() * (wd - 1) + outputPadding[1] + (w.kernelW() - 1) * w.dilationW() + 1 - target[1];
        if (th < 0 || tw < 0) {
            outputPadding[0] += Math.max(0, -th);
            outputPadding[1] += Math.max(0, -tw);
            th = Math.max(0, th);
            tw = Math.max(0, tw);
        }
        int top = upper ? th / 2 : th - th / 2;
        int left = upper ? tw / 2 : tw - tw / 2;
        return new Window(w.kernelH(), w.kernelW(), w.strideH(), w.strideW(), w.dilationH(), w.dilationW(),
                Padding.of(top, left, th - top, tw - left));
    }

    /** Gemm: Y = A x B (+ C); a constant B is a linear layer's weights. */
    static Value gemm(NodeContext c) {
        Attributes a = c.attributes();
        boolean transB = a.integer("transB", 0) != 0;
        Value x = c.data(0);
        if (a.integer("transA", 0) != 0) {
            // A is K x M: a transpose (NAME:a) makes the M rows
            BadInputException.check(x.shape().rank() == 2, "%s: A must be a matrix, got %s", c.what(), x.shape());
            x = c.emitPart("a", new dev.ridgeline.core.op.Transpose(java.util.List.of(1, 0)), x);
        }
        Value bv = c.required(1, "B");
        if (!bv.isConstant()) {
            if (transB || c.input(2) != null) {
                throw new Unsupported("a product of two computed tensors with transB or a bias");
            }
            return c.emit(new MatMul(), x, bv);
        }
        Tensor w = bv.constant();
        BadInputException.check(w.rank() == 2, "%s: B must be a matrix, got %s", c.what(), w);
        int in = Math.toIntExact(transB ? w.dim(1) : w.dim(0));
        int out = Math.toIntExact(transB ? w.dim(0) : w.dim(1));
        Tensor bias = c.optionalConstant(2, "bias");
        return c.emit(new Linear(in, out, bias != null), x);
    }

    /** MatMul: by a constant matrix it is a linear layer without bias; of two computed tensors, a matmul. */
    static Value matMul(NodeContext c) {
        Value x = c.data(0);
        Value bv = c.required(1, "B");
        if (!bv.isConstant()) {
            return c.emit(new MatMul(), x, bv);
        }
        Tensor w = bv.constant();
        BadInputException.check(w.rank() >= 2, "%s: a product by a constant of rank %d", c.what(), w.rank());
        int in = Math.toIntExact(w.dim(w.rank() - 2));
        int out = Math.toIntExact(w.dim(w.rank() - 1));
        java.util.List<Integer> stacked = new java.util.ArrayList<>();
        for (int i = 0; i < w.rank() - 2; i++) {
            if (w.dim(i) > 1) {
                stacked.add(i);
            }
        }
        if (stacked.isEmpty()) {
            return c.emit(new Linear(in, out, false), x);
        }
        return stackedLinear(c, x, w, stacked, in, out);
    }

    /**
     * A product by a stack of matrices (B of N x K x M against A of N x ... x K): one linear layer per matrix on
     * its slice of A (NAME:kK, NAME:linearK), joined again (NAME), so each matrix's elements are parameters once.
     */
    private static Value stackedLinear(NodeContext c, Value x, Tensor w, java.util.List<Integer> stacked, int in,
                                       int out) {
        int axis = stacked.get(0);
        if (stacked.size() > 1 || x.shape().rank() != w.rank() || x.shape().dim(axis) != w.dim(axis)) {
            throw new Unsupported("a product by a stack of matrices along several axes or broadcast against "
                    + x.shape() + " (Ridgeline reads one stacked axis matching the data's)");
        }
        java.util.List<Value> parts = new java.util.ArrayList<>();
        for (int k = 0; k < w.dim(axis); k++) {
            Value slice = c.emitPart("k" + k, new dev.ridgeline.core.op.Slice(java.util.List.of(axis),
                    java.util.List.of((long) k), java.util.List.of((long) k + 1), java.util.List.of(1L)), x);
            parts.add(c.emitPart("linear" + k, new Linear(in, out, false), slice));
        }
        return axis == 0 ? BatchAxis.concat(c, parts)
                : c.emit(new dev.ridgeline.core.op.Concat(axis), parts.toArray(Value[]::new));
    }

    /** BatchNormalization: a scale and a bias per channel (running statistics are buffers). */
    static Value batchNorm(NodeContext c) {
        Value x = c.data(0);
        if (c.attributes().integer("training_mode", 0) != 0 || c.hasOutput(1) || c.hasOutput(2)) {
            throw new Unsupported("training mode (it updates running statistics; Ridgeline counts inference)");
        }
        Tensor scale = c.constant(1, "scale");
        return c.emit(new BatchNorm(Math.toIntExact(scale.numel()), true), x);
    }

    static Value pool(NodeContext c, boolean max) {
        Value x = c.data(0);
        long[] kernel = c.attributes().integers("kernel_shape")
                .orElseThrow(() -> new BadInputException(c.what() + " has no kernel_shape"));
        int spatial = requireSpatial(kernel.length + 2, "pooling");
        Window window = window(c, spatial == 1 ? 1 : Math.toIntExact(kernel[kernel.length - 2]),
                Math.toIntExact(kernel[kernel.length - 1]), spatial, spatial == 3 ? Math.toIntExact(kernel[0]) : 0);
        boolean ceil = c.attributes().integer("ceil_mode", 0) != 0;
        boolean includePad = c.attributes().integer("count_include_pad", 0) != 0;
        Padding p = window.padding();
        if (spatial == 3 && !p.same() && (2 * Math.max(p.top(), p.bottom()) > window.kernelH()
                || 2 * Math.max(p.left(), p.right()) > window.kernelW()
                || 2 * Math.max(window.depth().padFront(), window.depth().padBack()) > window.depth().kernel())) {
            throw new Unsupported("a 3-D pooling with pads beyond half its kernel");
        }
        if (!p.same() && (2 * Math.max(p.top(), p.bottom()) > window.kernelH()
                || 2 * Math.max(p.left(), p.right()) > window.kernelW())) {
            // ONNX allows pads beyond half the kernel (PyTorch does not): an explicit pad, then an unpadded window
            java.util.List<Integer> pads = spatial == 2 ? java.util.List.of(0, 0, p.top(), p.left(), 0, 0, p.bottom(),
                    p.right()) : java.util.List.of(0, 0, p.left(), 0, 0, p.right());
            x = c.emitPart("pad", new dev.ridgeline.core.op.Pad(pads, "constant"), x);
            window = new Window(window.kernelH(), window.kernelW(), window.strideH(), window.strideW(),
                    window.dilationH(), window.dilationW(), Padding.NONE);
        }
        return in2d(c, x, spatial, new Pool2d(max, window, ceil, max || includePad));
    }

    /** The spatial rank, 1, 2 or 3 (a 1-D op is read as 2-D over N x C x 1 x L). */
    private static int requireSpatial(int rank, String what) {
        if (rank < 3 || rank > 5) {
            throw new Unsupported("a " + (rank - 2) + "-D " + what + " (Ridgeline counts 1-D, 2-D and 3-D ones)");
        }
        return rank - 2;
    }

    /** A 1-D or 2-D window. */
    static Window window(NodeContext c, int kh, int kw, int spatial) {
        return window(c, kh, kw, spatial, 0);
    }

    /**
     * Strides, dilations and pads ([top, left, bottom, right]; for a 3-D op [front, top, left, back, bottom,
     * right]) or auto_pad; SAME_LOWER sizes as SAME_UPPER. {@code kd} is a 3-D op's depth kernel.
     */
    static Window window(NodeContext c, int kh, int kw, int spatial, int kd) {
        if (spatial == 3) {
            Attributes a = c.attributes();
            int[] strides = a.ints("strides", 3, 1);
            int[] dilations = a.ints("dilations", 3, 1);
            Window plane = window2(c, kh, kw, spatial);
            int[] pads = plane.padding().same() || !("NOTSET".equals(a.text("auto_pad", "NOTSET"))
                    || a.text("auto_pad", "NOTSET").isEmpty()) ? new int[6] : a.ints("pads", 6, 0);
            return new Window(kh, kw, plane.strideH(), plane.strideW(), plane.dilationH(), plane.dilationW(),
                    plane.padding(), new Depth(kd, strides[0], dilations[0], pads[0], pads[3]));
        }
        return window2(c, kh, kw, spatial);
    }

    private static Window window2(NodeContext c, int kh, int kw, int spatial) {
        Attributes a = c.attributes();
        int[] strides = pair(a, "strides", spatial, 1, 1);
        int[] dilations = pair(a, "dilations", spatial, 1, 1);
        String autoPad = a.text("auto_pad", "NOTSET");
        Padding padding = switch (autoPad) {
            case "SAME_UPPER", "SAME_LOWER" -> Padding.SAME;
            case "VALID" -> Padding.NONE;
            case "NOTSET", "" -> {
                int[] p = switch (spatial) {
                    case 2 -> a.ints("pads", 4, 0);
                    case 3 -> {
                        int[] six = a.ints("pads", 6, 0);
                        BadInputException.check(six[0] >= 0 && six[3] >= 0, "%s: negative pads %s", c.what(),
                                java.util.Arrays.toString(six));
                        yield new int[] {six[1], six[2], six[4], six[5]};
                    }
                    default -> new int[] {0, a.ints("pads", 2, 0)[0], 0, a.ints("pads", 2, 0)[1]};
                };
                BadInputException.check(p[0] >= 0 && p[1] >= 0 && p[2] >= 0 && p[3] >= 0, "%s: negative pads %s",
                        c.what(), java.util.Arrays.toString(p));
                yield Padding.of(p[0], p[1], p[2], p[3]);
            }
            default -> throw new BadInputException(c.what() + ": auto_pad '" + autoPad
                    + "' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID");
        };
        return new Window(kh, kw, strides[0], strides[1], dilations[0], dilations[1], padding);
    }
}
