package dev.ridgeline.core.shape;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.GroupNorm;
import dev.ridgeline.core.op.Reduce;
import dev.ridgeline.core.op.Tile;
import dev.ridgeline.core.op.AdaptiveAvgPool;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Depth;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Dropout;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Identity;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Mul;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pad;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.ReduceMean;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Softmax;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.Squeeze;
import dev.ridgeline.core.op.StochasticDepth;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Uncounted;
import dev.ridgeline.core.op.Unsqueeze;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import java.util.List;

/** The output shape of each op from its input shapes; a broken rule throws {@link ShapeException}. */
final class OpShapes {
    private OpShapes() {
    }

    static Shape output(Op op, List<Shape> in) {
        Shape x = in.get(0);
        if (op instanceof Conv2d c) {
            requireRank(x, c.window());
            ShapeException.check(x.channels() == c.inChannels(), "expects %d input channels, got %d",
                    c.inChannels(), x.channels());
            ShapeException.check(c.inChannels() % c.groups() == 0,
                    "groups %d do not divide the %d input channels", c.groups(), c.inChannels());
            ShapeException.check(c.outChannels() % c.groups() == 0,
                    "groups %d do not divide the %d output channels", c.groups(), c.outChannels());
            int[] hw = slide(x, c.window(), false);
            return spatial(x, c.window(), c.outChannels(), slideDepth(x, c.window(), false), hw);
        } else if (op instanceof ConvTranspose2d c) {
            requireRank(x, c.window());
            ShapeException.check(x.channels() == c.inChannels(), "expects %d input channels, got %d",
                    c.inChannels(), x.channels());
            ShapeException.check(c.inChannels() % c.groups() == 0 && c.outChannels() % c.groups() == 0,
                    "groups %d must divide both %d input and %d output channels", c.groups(), c.inChannels(),
                    c.outChannels());
            Window w = c.window();
            Padding p = w.padding();
            int h;
            int wd;
            if (p.same()) {
                h = x.height() * w.strideH();
                wd = x.width() * w.strideW();
            } else {
                h = OutputSize.transposed(x.height(), w.kernelH(), w.strideH(), w.dilationH(), p.top(), p.bottom(),
                        c.outputPaddingH());
                wd = OutputSize.transposed(x.width(), w.kernelW(), w.strideW(), w.dilationW(), p.left(), p.right(),
                        c.outputPaddingW());
            }
            ShapeException.check(h >= 1 && wd >= 1, "output size %dx%d is below 1 (padding too large)", h, wd);
            int d = 0;
            if (w.is3d()) {
                Depth depth = w.depth();
                d = p.same() ? x.dim(2) * depth.stride() : OutputSize.transposed(x.dim(2), depth.kernel(),
                        depth.stride(), depth.dilation(), depth.padFront(), depth.padBack(), 0);
                ShapeException.check(d >= 1, "output depth %d is below 1 (padding too large)", d);
            }
            return spatial(x, w, c.outChannels(), d, new int[] {h, wd});
        } else if (op instanceof Linear l) {
            ShapeException.check(x.rank() >= 2, "needs a batch and a feature dimension, got rank %d", x.rank());
            ShapeException.check(x.dim(-1) == l.inFeatures(),
                    "expects %d input features in the last dimension, got %d%s", l.inFeatures(), x.dim(-1),
                    x.rank() > 2 ? " (flatten the feature map first?)" : "");
            return x.withDim(-1, l.outFeatures());
        } else if (op instanceof MatMul) {
            return matmul(x, in.get(1));
        } else if (op instanceof BatchNorm b) {
            ShapeException.check(x.rank() >= 2, "needs a channel dimension, got rank %d", x.rank());
            ShapeException.check(x.channels() == b.channels(), "expects %d channels, got %d", b.channels(),
                    x.channels());
            return x;
        } else if (op instanceof LayerNorm l) {
            ShapeException.check(x.rank() >= 2, "needs a batch and a feature axis, got rank %d", x.rank());
            int axis = l.axis().index(x.rank());
            ShapeException.check(x.dim(axis) == l.features(), "normalizes %d features over the %s axis, got %d (%s)",
                    l.features(), l.axis().id(), x.dim(axis), x);
            return x;
        } else if (op instanceof Scale s) {
            ShapeException.check(x.rank() >= 2, "needs a channel axis, got rank %d", x.rank());
            ShapeException.check(x.channels() == s.channels(), "scales %d channels, got %d", s.channels(),
                    x.channels());
            return x;
        } else if (op instanceof Split s) {
            return LayoutShapes.split(s, x);
        } else if (op instanceof Activation || op instanceof Dropout || op instanceof Identity
                || op instanceof StochasticDepth) {
            return x;
        } else if (op instanceof Pool2d p) {
            Window w = p.window();
            requireRank(x, w);
            Padding pad = w.padding();
            if (!pad.same()) {
                ShapeException.check(2 * Math.max(pad.top(), pad.bottom()) <= w.kernelH()
                                && 2 * Math.max(pad.left(), pad.right()) <= w.kernelW()
                                && 2 * Math.max(w.depth().padFront(), w.depth().padBack()) <= w.depth().factor(),
                        "padding %s is more than half the %dx%d kernel", pad.describe(), w.kernelH(), w.kernelW());
            }
            int[] hw = slide(x, w, p.ceilMode());
            return spatial(x, w, x.channels(), slideDepth(x, w, p.ceilMode()), hw);
        } else if (op instanceof AdaptiveAvgPool a) {
            requireRank(x, 4);
            return Shape.of(x.batch(), x.channels(), a.outH(), a.outW());
        } else if (op instanceof GlobalAvgPool) {
            requireRank(x, 4);
            return Shape.of(x.batch(), x.channels(), 1, 1);
        } else if (op instanceof Add || op instanceof Mul) {
            return broadcast(x, in.get(1));
        } else if (op instanceof Concat c) {
            return concat(c, in);
        } else if (op instanceof Flatten f) {
            ShapeException.check(x.rank() > f.startDim(), "cannot flatten from dimension %d of a rank-%d tensor",
                    f.startDim(), x.rank());
            int[] dims = new int[f.startDim() + 1];
            long merged = 1;
            for (int i = 0; i < x.rank(); i++) {
                if (i < f.startDim()) {
                    dims[i] = x.dim(i);
                } else {
                    merged = Math.multiplyExact(merged, x.dim(i));
                }
            }
            dims[f.startDim()] = Math.toIntExact(merged);
            return Shape.of(dims);
        } else if (op instanceof ChannelShuffle s) {
            ShapeException.check(x.rank() >= 2, "needs a channel dimension, got rank %d", x.rank());
            ShapeException.check(x.channels() % s.groups() == 0, "groups %d do not divide the %d channels",
                    s.groups(), x.channels());
            return x;
        } else if (op instanceof Upsample u) {
            requireRank(x, 4);
            int h = u.bySize() ? u.sizeH() : (int) Math.floor(x.height() * u.scaleH());
            int w = u.bySize() ? u.sizeW() : (int) Math.floor(x.width() * u.scaleW());
            ShapeException.check(h >= 1 && w >= 1, "output size %dx%d is below 1", h, w);
            return Shape.of(x.batch(), x.channels(), h, w);
        } else if (op instanceof Elementwise e) {
            if (!e.hasConstant()) {
                return broadcast(x, in.get(1));
            }
            Shape out = e.constantDims().isEmpty() ? x
                    : broadcast(x, Shape.of(e.constantDims().stream().mapToInt(Integer::intValue).toArray()));
            ShapeException.check(out.rank() == x.rank() && out.batch() == x.batch(),
                    "the constant %s would change the shape %s to %s; a constant operand must broadcast into the input",
                    e.constantDims(), x, out);
            return out;
        } else if (op instanceof Softmax s) {
            ShapeException.check(s.axis() >= -x.rank() && s.axis() < x.rank(), "axis %d is out of range for %s",
                    s.axis(), x);
            return x;
        } else if (op instanceof ReduceMean r) {
            return LayoutShapes.reduceMean(r, x);
        } else if (op instanceof Reshape r) {
            return LayoutShapes.reshape(r, x);
        } else if (op instanceof Transpose t) {
            return LayoutShapes.transpose(t, x);
        } else if (op instanceof Squeeze s) {
            return LayoutShapes.squeeze(s, x);
        } else if (op instanceof Unsqueeze u) {
            return LayoutShapes.unsqueeze(u, x);
        } else if (op instanceof Slice s) {
            return LayoutShapes.slice(s, x);
        } else if (op instanceof Pad p) {
            return LayoutShapes.pad(p, x);
        } else if (op instanceof GroupNorm g) {
            ShapeException.check(x.rank() >= 3, "needs an N x C x ... input, got rank %d", x.rank());
            ShapeException.check(x.channels() == g.channels(), "expects %d channels, got %d", g.channels(),
                    x.channels());
            return x;
        } else if (op instanceof Reduce r) {
            return LayoutShapes.reduce(r.axes(), r.keepDims(), x);
        } else if (op instanceof Tile t) {
            return LayoutShapes.tile(t, x);
        } else if (op instanceof Uncounted u) {
            return LayoutShapes.uncounted(u, x);
        }
        throw new IllegalStateException("no shape rule for " + op.type());
    }

    /** N x C x H x W for a 2-D window, N x C x D x H x W for a 3-D one. */
    private static void requireRank(Shape x, Window w) {
        if (w.is3d()) {
            ShapeException.check(x.rank() == 5, "a 3-D window needs an N x C x D x H x W input (rank 5), got rank %d",
                    x.rank());
        } else {
            requireRank(x, 4);
        }
    }

    private static Shape spatial(Shape x, Window w, int channels, int depth, int[] hw) {
        return w.is3d() ? Shape.of(x.batch(), channels, depth, hw[0], hw[1])
                : Shape.of(x.batch(), channels, hw[0], hw[1]);
    }

    /** Output depth of a 3-D window sliding over axis 2 (0 for a 2-D window). */
    private static int slideDepth(Shape x, Window w, boolean ceilMode) {
        if (!w.is3d()) {
            return 0;
        }
        Depth d = w.depth();
        int[] pads = w.padding().same() ? OutputSize.samePadding(x.dim(2), d.kernel(), d.stride(), d.dilation())
                : new int[] {d.padFront(), d.padBack()};
        int span = OutputSize.span(d.kernel(), d.dilation());
        ShapeException.check(span <= x.dim(2) + pads[0] + pads[1],
                "depth kernel %d (dilated extent %d) is larger than the padded input depth %d", d.kernel(), span,
                x.dim(2) + pads[0] + pads[1]);
        return OutputSize.sliding(x.dim(2), d.kernel(), d.stride(), d.dilation(), pads[0], pads[1], ceilMode);
    }

    private static void requireRank(Shape x, int rank) {
        ShapeException.check(x.rank() == rank, "needs an N x C x H x W input (rank %d), got rank %d", rank, x.rank());
    }

    /** Output height and width of a window sliding over the last two axes. */
    private static int[] slide(Shape x, Window w, boolean ceilMode) {
        int[] ph;
        int[] pw;
        if (w.padding().same()) {
            ph = OutputSize.samePadding(x.height(), w.kernelH(), w.strideH(), w.dilationH());
            pw = OutputSize.samePadding(x.width(), w.kernelW(), w.strideW(), w.dilationW());
        } else {
            ph = new int[] {w.padding().top(), w.padding().bottom()};
            pw = new int[] {w.padding().left(), w.padding().right()};
        }
        int spanH = OutputSize.span(w.kernelH(), w.dilationH());
        int spanW = OutputSize.span(w.kernelW(), w.dilationW());
        ShapeException.check(spanH <= x.height() + ph[0] + ph[1] && spanW <= x.width() + pw[0] + pw[1],
                "kernel %dx%d (dilated extent %dx%d) is larger than the padded input %dx%d", w.kernelH(), w.kernelW(),
                spanH, spanW, x.height() + ph[0] + ph[1], x.width() + pw[0] + pw[1]);
        int h = OutputSize.sliding(x.height(), w.kernelH(), w.strideH(), w.dilationH(), ph[0], ph[1], ceilMode);
        int wd = OutputSize.sliding(x.width(), w.kernelW(), w.strideW(), w.dilationW(), pw[0], pw[1], ceilMode);
        ShapeException.check(h >= 1 && wd >= 1, "output size %dx%d is below 1", h, wd);
        return new int[] {h, wd};
    }

    /** NumPy broadcasting: dimensions aligned from the right must be equal or 1. */
    static Shape broadcast(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 1; i <= rank; i++) {
            int da = i <= a.rank() ? a.dim(-i) : 1;
            int db = i <= b.rank() ? b.dim(-i) : 1;
            ShapeException.check(da == db || da == 1 || db == 1,
                    "shapes %s and %s do not match (dimensions must be equal or 1 to broadcast)", a, b);
            out[rank - i] = Math.max(da, db);
        }
        return Shape.of(out);
    }

    private static Shape matmul(Shape a, Shape b) {
        ShapeException.check(a.rank() >= 2 && b.rank() >= 2, "needs two tensors of rank 2 or more, got %s and %s", a, b);
        ShapeException.check(a.dim(-1) == b.dim(-2), "inner dimensions differ: %s times %s", a, b);
        Shape lead = broadcast(a.withDim(-1, 1).withDim(-2, 1), b.withDim(-1, 1).withDim(-2, 1));
        return lead.withDim(-2, a.dim(-2)).withDim(-1, b.dim(-1));
    }

    private static Shape concat(Concat c, List<Shape> in) {
        Shape first = in.get(0);
        int axis = c.axis() < 0 ? first.rank() + c.axis() : c.axis();
        ShapeException.check(axis >= 1 && axis < first.rank(), "axis %d is not a non-batch axis of a rank-%d tensor",
                c.axis(), first.rank());
        long total = 0;
        for (Shape s : in) {
            ShapeException.check(s.rank() == first.rank(), "inputs %s have different ranks", in);
            for (int i = 0; i < s.rank(); i++) {
                ShapeException.check(i == axis || s.dim(i) == first.dim(i),
                        "inputs %s differ outside the concatenation axis %d", in, axis);
            }
            total += s.dim(axis);
        }
        return first.withDim(axis, Math.toIntExact(total));
    }
}
