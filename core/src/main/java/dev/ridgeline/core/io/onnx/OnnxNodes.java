package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.AdaptiveAvgPool;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Dropout;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.OpKind;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Softmax;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Window;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The ONNX form of each IR op {@link OnnxWriter} can write. */
final class OnnxNodes {
    private OnnxNodes() {
    }

    static void write(OnnxWriter w, Node node, List<Shape> in, Shape out) {
        String name = node.name();
        List<String> inputs = node.inputs();
        switch (node.op().kind()) {
            case CONV2D -> {
                Conv2d c = (Conv2d) node.op();
                Window win = c.window();
                long fanIn = (long) c.inChannels() / c.groups() * win.kernelArea();
                String weight = w.initializer(name + ".weight", kernelDims(c.outChannels(),
                        c.inChannels() / c.groups(), win), WeightFill.Role.WEIGHT, fanIn);
                List<String> args = c.bias() ? List.of(inputs.get(0), weight, w.initializer(name + ".bias",
                        new long[] {c.outChannels()}, WeightFill.Role.ZERO, 1)) : List.of(inputs.get(0), weight);
                window(w.node(name, "Conv", args), win, true).addAttribute(OnnxWriter.integer("group", c.groups()));
            }
            case CONV_TRANSPOSE2D -> {
                ConvTranspose2d c = (ConvTranspose2d) node.op();
                Window win = c.window();
                long fanIn = (long) c.inChannels() / c.groups() * win.kernelArea();
                String weight = w.initializer(name + ".weight", kernelDims(c.inChannels(),
                        c.outChannels() / c.groups(), win), WeightFill.Role.WEIGHT, fanIn);
                List<String> args = c.bias() ? List.of(inputs.get(0), weight, w.initializer(name + ".bias",
                        new long[] {c.outChannels()}, WeightFill.Role.ZERO, 1)) : List.of(inputs.get(0), weight);
                window(w.node(name, "ConvTranspose", args), win, true)
                        .addAttribute(OnnxWriter.integer("group", c.groups()))
                        .addAttribute(win.is3d() ? OnnxWriter.ints("output_padding", 0, c.outputPaddingH(),
                                c.outputPaddingW()) : OnnxWriter.ints("output_padding", c.outputPaddingH(),
                                c.outputPaddingW()));
            }
            case LINEAR -> {
                Linear l = (Linear) node.op();
                if (in.get(0).rank() != 2) {
                    CompositeNodes.linearOverLastAxis(w, node, in.get(0), out);
                    return;
                }
                String weight = w.initializer(name + ".weight", new long[] {l.outFeatures(), l.inFeatures()},
                        WeightFill.Role.WEIGHT, l.inFeatures());
                List<String> args = l.bias() ? List.of(inputs.get(0), weight, w.initializer(name + ".bias",
                        new long[] {l.outFeatures()}, WeightFill.Role.ZERO, 1)) : List.of(inputs.get(0), weight);
                w.node(name, "Gemm", args).addAttribute(OnnxWriter.integer("transB", 1));
            }
            case BATCH_NORM -> {
                BatchNorm b = (BatchNorm) node.op();
                long[] c = {b.channels()};
                w.node(name, "BatchNormalization", List.of(inputs.get(0),
                        w.initializer(name + ".weight", c, WeightFill.Role.ONE, 1),
                        w.initializer(name + ".bias", c, WeightFill.Role.ZERO, 1),
                        w.initializer(name + ".running_mean", c, WeightFill.Role.ZERO, 1),
                        w.initializer(name + ".running_var", c, WeightFill.Role.ONE, 1)));
            }
            case ACTIVATION -> activation(w, node, (Activation) node.op());
            case MAX_POOL, AVG_POOL -> {
                Pool2d p = (Pool2d) node.op();
                var n = window(w.node(name, p.max() ? "MaxPool" : "AveragePool", inputs), p.window(), p.max())
                        .addAttribute(OnnxWriter.integer("ceil_mode", p.ceilMode() ? 1 : 0));
                if (!p.max()) {
                    n.addAttribute(OnnxWriter.integer("count_include_pad", p.countIncludePad() ? 1 : 0));
                }
            }
            case ADAPTIVE_AVG_POOL -> {
                AdaptiveAvgPool a = (AdaptiveAvgPool) node.op();
                Shape x = in.get(0);
                if (a.outH() == 1 && a.outW() == 1) {
                    w.node(name, "GlobalAveragePool", inputs);
                } else if (x.height() % a.outH() == 0 && x.width() % a.outW() == 0) {
                    int kh = x.height() / a.outH();
                    int kw = x.width() / a.outW();
                    w.node(name, "AveragePool", inputs).addAttribute(OnnxWriter.ints("kernel_shape", kh, kw))
                            .addAttribute(OnnxWriter.ints("strides", kh, kw));
                } else {
                    throw unsupported(node, "adaptive pooling of " + x.height() + "x" + x.width() + " to "
                            + a.outH() + "x" + a.outW() + " (uneven windows)");
                }
            }
            case GLOBAL_AVG_POOL -> w.node(name, "GlobalAveragePool", inputs);
            case ADD -> w.node(name, "Add", inputs);
            case MUL -> w.node(name, "Mul", inputs);
            case CONCAT -> w.node(name, "Concat", inputs).addAttribute(OnnxWriter.integer("axis",
                    ((Concat) node.op()).axis()));
            case FLATTEN -> w.node(name, "Flatten", inputs).addAttribute(OnnxWriter.integer("axis",
                    ((Flatten) node.op()).startDim()));
            case DROPOUT -> w.node(name, "Dropout", List.of(inputs.get(0),
                    w.scalar(name + ".ratio", (float) ((Dropout) node.op()).p())));
            case IDENTITY -> w.node(name, "Identity", inputs);
            case SOFTMAX -> w.node(name, "Softmax", inputs).addAttribute(OnnxWriter.integer("axis",
                    ((Softmax) node.op()).axis()));
            case MATMUL -> w.node(name, "MatMul", inputs);
            case TRANSPOSE -> w.node(name, "Transpose", inputs).addAttribute(OnnxWriter.ints("perm",
                    ((Transpose) node.op()).perm().stream().mapToLong(Integer::longValue).toArray()));
            case SCALE -> {
                long[] dims = new long[Math.max(1, out.rank() - 1)];
                java.util.Arrays.fill(dims, 1);
                dims[0] = ((Scale) node.op()).channels();
                w.node(name, "Mul", List.of(inputs.get(0), w.initializer(name + ".weight", dims, WeightFill.Role.ONE,
                        1)));
            }
            case STOCHASTIC_DEPTH -> w.node(name, "Identity", inputs);
            case SPLIT -> CompositeNodes.split(w, node);
            case RESHAPE -> LayoutNodes.reshape(w, node);
            case SQUEEZE -> LayoutNodes.squeeze(w, node, false);
            case UNSQUEEZE -> LayoutNodes.squeeze(w, node, true);
            case REDUCE_MEAN -> LayoutNodes.reduceMean(w, node);
            case SLICE -> LayoutNodes.slice(w, node);
            case PAD -> LayoutNodes.pad(w, node);
            case UPSAMPLE -> LayoutNodes.upsample(w, node, in.get(0));
            case ELEMENTWISE -> LayoutNodes.elementwise(w, node);
            case CHANNEL_SHUFFLE -> CompositeNodes.channelShuffle(w, node, in.get(0));
            case LAYER_NORM -> CompositeNodes.layerNorm(w, node, in.get(0));
            case GROUP_NORM -> LayoutNodes.instanceNorm(w, node);
            case REDUCE -> LayoutNodes.reduce(w, node);
            case TILE -> w.node(name, "Tile", List.of(inputs.get(0), w.longs(name + ".repeats",
                    ((dev.ridgeline.core.op.Tile) node.op()).repeats().stream().mapToLong(Integer::longValue)
                            .toArray())));
            default -> throw unsupported(node, "its op");
        }
    }

    private static void activation(OnnxWriter w, Node node, Activation a) {
        String name = node.name();
        List<String> x = List.of(node.inputs().get(0));
        switch (a.function()) {
            case RELU -> w.node(name, "Relu", x);
            case RELU6 -> w.node(name, "Clip", List.of(x.get(0), w.scalar(name + ".min", 0),
                    w.scalar(name + ".max", 6)));
            case CLIP -> w.node(name, "Clip", List.of(x.get(0),
                    w.scalar(name + ".min", a.arguments().get(0).floatValue()),
                    w.scalar(name + ".max", a.arguments().get(1).floatValue())));
            case SIGMOID -> w.node(name, "Sigmoid", x);
            case HARDSIGMOID -> w.node(name, "HardSigmoid", x).addAttribute(OnnxWriter.real("alpha", 1.0 / 6));
            case HARDSWISH -> w.node(name, "HardSwish", x);
            case SILU -> CompositeNodes.silu(w, name, x.get(0));
            case GELU -> w.node(name, "Gelu", x);
            case TANH -> w.node(name, "Tanh", x);
            case SQRT -> w.node(name, "Sqrt", x);
            case LEAKY_RELU -> w.node(name, "LeakyRelu", x)
                    .addAttribute(OnnxWriter.real("alpha", a.arguments().get(0)));
            default -> throw unsupported(node, "activation " + a.function().id());
        }
    }

    /** kernel_shape, strides, pads (or auto_pad SAME_UPPER) and, for convs and max pooling, dilations. */
    private static ai.onnx.proto.OnnxMl.NodeProto.Builder window(ai.onnx.proto.OnnxMl.NodeProto.Builder n, Window w,
                                                                 boolean dilations) {
        var d = w.depth();
        if (w.is3d()) {
            n.addAttribute(OnnxWriter.ints("kernel_shape", d.kernel(), w.kernelH(), w.kernelW()))
                    .addAttribute(OnnxWriter.ints("strides", d.stride(), w.strideH(), w.strideW()));
        } else {
            n.addAttribute(OnnxWriter.ints("kernel_shape", w.kernelH(), w.kernelW()))
                    .addAttribute(OnnxWriter.ints("strides", w.strideH(), w.strideW()));
        }
        if (w.padding().same()) {
            n.addAttribute(OnnxWriter.text("auto_pad", "SAME_UPPER"));
        } else {
            var p = w.padding();
            n.addAttribute(w.is3d() ? OnnxWriter.ints("pads", d.padFront(), p.top(), p.left(), d.padBack(), p.bottom(),
                    p.right()) : OnnxWriter.ints("pads", p.top(), p.left(), p.bottom(), p.right()));
        }
        if (dilations) {
            n.addAttribute(w.is3d() ? OnnxWriter.ints("dilations", d.dilation(), w.dilationH(), w.dilationW())
                    : OnnxWriter.ints("dilations", w.dilationH(), w.dilationW()));
        }
        return n;
    }

    /** A convolution's weight dimensions: the two channel counts, then kD (3-D only), kH, kW. */
    private static long[] kernelDims(int first, int second, Window w) {
        return w.is3d() ? new long[] {first, second, w.depth().kernel(), w.kernelH(), w.kernelW()}
                : new long[] {first, second, w.kernelH(), w.kernelW()};
    }

    private static BadInputException unsupported(Node node, String what) {
        return new BadInputException("layer " + node.describe() + ": the ONNX writer cannot write " + what
                + "; ops it writes: " + Arrays.stream(OpKind.values()).filter(k -> k != OpKind.UNCOUNTED)
                .map(OpKind::id).collect(Collectors.joining(", ")) + " (not ops kept uncounted from an imported file)");
    }
}
