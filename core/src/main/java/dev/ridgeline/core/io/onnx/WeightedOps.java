package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
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
        requireSpatial2d(w.rank(), "convolution");
        Tensor b = c.optionalConstant(2, "bias");
        int group = Math.toIntExact(c.attributes().integer("group", 1));
        int out = Math.toIntExact(w.dim(0));
        int in = Math.multiplyExact(Math.toIntExact(w.dim(1)), group);
        Window window = window(c, Math.toIntExact(w.dim(2)), Math.toIntExact(w.dim(3)));
        return c.emit(new Conv2d(in, out, window, group, b != null), x);
    }

    /** ConvTranspose: weights Cin x Cout/g x Kh x Kw, an optional bias of Cout. */
    static Value convTranspose(NodeContext c) {
        Value x = c.data(0);
        Tensor w = c.constant(1, "weight");
        requireSpatial2d(w.rank(), "transposed convolution");
        Tensor b = c.optionalConstant(2, "bias");
        Attributes a = c.attributes();
        int group = Math.toIntExact(a.integer("group", 1));
        int in = Math.toIntExact(w.dim(0));
        int out = Math.multiplyExact(Math.toIntExact(w.dim(1)), group);
        int kh = Math.toIntExact(w.dim(2));
        int kw = Math.toIntExact(w.dim(3));
        int[] outputPadding = a.ints("output_padding", 2, 0);
        Window window = window(c, kh, kw);
        if (a.has("output_shape")) {
            window = fromOutputShape(c, window, x.shape().height(), x.shape().width(), outputPadding);
        }
        return c.emit(new ConvTranspose2d(in, out, window, outputPadding[0], outputPadding[1], group, b != null), x);
    }

    /** Pads that make a transposed convolution produce its output_shape attribute, as ONNX derives them. */
    private static Window fromOutputShape(NodeContext c, Window w, int h, int wd, int[] outputPadding) {
        int[] target = c.attributes().ints("output_shape", 2, 0);
        boolean upper = !"SAME_LOWER".equals(c.attributes().text("auto_pad", "NOTSET"));
        int th = w.strideH() * (h - 1) + outputPadding[0] + (w.kernelH() - 1) * w.dilationH() + 1 - target[0];
        int tw = w.strideW() * (wd - 1) + outputPadding[1] + (w.kernelW() - 1) * w.dilationW() + 1 - target[1];
        BadInputException.check(th >= 0 && tw >= 0, "%s: output_shape %dx%d is larger than the convolution makes",
                c.what(), target[0], target[1]);
        int top = upper ? th / 2 : th - th / 2;
        int left = upper ? tw / 2 : tw - tw / 2;
        return new Window(w.kernelH(), w.kernelW(), w.strideH(), w.strideW(), w.dilationH(), w.dilationW(),
                Padding.of(top, left, th - top, tw - left));
    }

    /** Gemm: Y = A x B (+ C); a constant B is a linear layer's weights. */
    static Value gemm(NodeContext c) {
        Attributes a = c.attributes();
        if (a.integer("transA", 0) != 0) {
            throw new Unsupported("transA=1 (the batch would not be the first axis)");
        }
        boolean transB = a.integer("transB", 0) != 0;
        Value x = c.data(0);
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
        if (w.rank() != 2) {
            throw new Unsupported("a product by a constant of rank " + w.rank() + " (Ridgeline counts a matrix)");
        }
        return c.emit(new Linear(Math.toIntExact(w.dim(0)), Math.toIntExact(w.dim(1)), false), x);
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
        requireSpatial2d(kernel.length + 2, "pooling");
        Window window = window(c, Math.toIntExact(kernel[0]), Math.toIntExact(kernel[1]));
        boolean ceil = c.attributes().integer("ceil_mode", 0) != 0;
        boolean includePad = c.attributes().integer("count_include_pad", 0) != 0;
        Padding p = window.padding();
        if (!p.same() && (2 * Math.max(p.top(), p.bottom()) > window.kernelH()
                || 2 * Math.max(p.left(), p.right()) > window.kernelW())) {
            // ONNX allows pads beyond half the kernel (PyTorch does not): an explicit pad, then an unpadded window
            x = c.emitPart("pad", new dev.ridgeline.core.op.Pad(java.util.List.of(0, 0, p.top(), p.left(), 0, 0,
                    p.bottom(), p.right()), "constant"), x);
            window = new Window(window.kernelH(), window.kernelW(), window.strideH(), window.strideW(),
                    window.dilationH(), window.dilationW(), Padding.NONE);
        }
        return c.emit(new Pool2d(max, window, ceil, max || includePad), x);
    }

    private static void requireSpatial2d(int rank, String what) {
        if (rank != 4) {
            throw new Unsupported("a " + (rank - 2) + "-D " + what + " (Ridgeline counts 2-D ones)");
        }
    }

    /** Strides, dilations and pads ([top, left, bottom, right]) or auto_pad; SAME_LOWER sizes as SAME_UPPER. */
    static Window window(NodeContext c, int kh, int kw) {
        Attributes a = c.attributes();
        int[] strides = a.ints("strides", 2, 1);
        int[] dilations = a.ints("dilations", 2, 1);
        String autoPad = a.text("auto_pad", "NOTSET");
        Padding padding = switch (autoPad) {
            case "SAME_UPPER", "SAME_LOWER" -> Padding.SAME;
            case "VALID" -> Padding.NONE;
            case "NOTSET", "" -> {
                int[] p = a.ints("pads", 4, 0);
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
