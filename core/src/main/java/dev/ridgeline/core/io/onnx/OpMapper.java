package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.Dropout;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Identity;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Mul;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Softmax;
import java.util.List;
import java.util.Set;

/**
 * Maps one ONNX node that computes on the network's data to IR nodes; throws {@link Unsupported} for an op
 * Ridgeline cannot count, or a form of one it cannot (a 3-D convolution, a cubic resize).
 */
final class OpMapper {
    /** Ops whose output has the shape of their first input: an unsupported one can still be listed and skipped. */
    static final Set<String> SHAPE_PRESERVING = Set.of("Abs", "Neg", "Exp", "Log", "Erf", "Elu", "Selu", "Celu",
            "Softplus", "Softsign", "Mish", "ThresholdedRelu", "PRelu", "Reciprocal", "Floor", "Ceil", "Round",
            "Sign", "Sin", "Cos", "Tan", "Atan", "LRN", "InstanceNormalization", "LpNormalization", "LayerNormalization",
            "GroupNormalization", "MeanVarianceNormalization", "LogSoftmax", "Hardmax",
            "Shrink", "CumSum", "Trilu", "Not", "Gelu", "Swish", "BiasGelu", "FastGelu", "QuickGelu", "QuantizeLinear",
            "DequantizeLinear");

    private OpMapper() {
    }

    /** The IR values of the node's outputs, in order (null for an output it leaves out). */
    static List<Value> map(NodeContext c) {
        return switch (c.type()) {
            case "Split" -> LayoutOps.split(c);
            default -> List.of(single(c));
        };
    }

    private static Value single(NodeContext c) {
        return switch (c.type()) {
            case "Conv" -> WeightedOps.conv(c);
            case "ConvTranspose" -> WeightedOps.convTranspose(c);
            case "Gemm" -> WeightedOps.gemm(c);
            case "MatMul" -> WeightedOps.matMul(c);
            case "BatchNormalization" -> WeightedOps.batchNorm(c);
            case "LayerNormalization" -> layerNorm(c);
            case "MaxPool" -> WeightedOps.pool(c, true);
            case "AveragePool" -> WeightedOps.pool(c, false);
            case "GlobalAveragePool" -> {
                if (c.data(0).shape().rank() != 4) {
                    throw new Unsupported("a global pooling of a rank-" + c.data(0).shape().rank() + " tensor");
                }
                yield c.emit(new GlobalAvgPool(), c.data(0));
            }
            case "Relu" -> activation(c, ActivationKind.RELU);
            case "Sigmoid" -> activation(c, ActivationKind.SIGMOID);
            case "HardSigmoid" -> activation(c, ActivationKind.HARDSIGMOID);
            case "HardSwish" -> activation(c, ActivationKind.HARDSWISH);
            case "Tanh" -> activation(c, ActivationKind.TANH);
            case "Sqrt" -> activation(c, ActivationKind.SQRT);
            case "Gelu" -> {
                if (!"none".equals(c.attributes().text("approximate", "none"))
                        && !"tanh".equals(c.attributes().text("approximate", "none"))) {
                    throw new Unsupported("approximate=" + c.attributes().text("approximate", ""));
                }
                yield activation(c, ActivationKind.GELU);
            }
            case "LeakyRelu" -> c.emit(Activation.leakyRelu(c.attributes().real("alpha", 0.01f)), c.data(0));
            case "Clip" -> clip(c);
            case "Softmax" -> c.emit(new Softmax(Math.toIntExact(c.attributes().integer("axis",
                    c.opset() >= 13 ? -1 : 1))), c.data(0));
            case "Add" -> binary(c, Elementwise.Function.ADD);
            case "Sub" -> binary(c, Elementwise.Function.SUB);
            case "Mul" -> binary(c, Elementwise.Function.MUL);
            case "Div" -> binary(c, Elementwise.Function.DIV);
            case "Pow" -> binary(c, Elementwise.Function.POW);
            case "ReduceMean" -> LayoutOps.reduceMean(c);
            case "Concat" -> LayoutOps.concat(c);
            case "Slice" -> LayoutOps.slice(c);
            case "Flatten" -> LayoutOps.flatten(c);
            case "Reshape" -> LayoutOps.reshape(c);
            case "Transpose" -> LayoutOps.transpose(c);
            case "Squeeze" -> LayoutOps.squeeze(c, false);
            case "Unsqueeze" -> LayoutOps.squeeze(c, true);
            case "Resize", "Upsample" -> LayoutOps.resize(c);
            case "Pad" -> LayoutOps.pad(c);
            case "Identity", "Cast" -> c.emit(new Identity(), c.data(0));
            case "Dropout" -> c.emit(new Dropout(dropoutRatio(c)), c.data(0));
            default -> throw new Unsupported("Ridgeline has no counting rule for it");
        };
    }

    private static Value activation(NodeContext c, ActivationKind kind) {
        return c.emit(new Activation(kind, false), c.data(0));
    }

    /** Clip(0, 6) is ReLU6 and Clip(0, none) ReLU; other bounds stay a clip. */
    private static Value clip(NodeContext c) {
        Double min = null;
        Double max = null;
        if (c.opset() < 11) {
            min = c.attributes().has("min") ? (double) c.attributes().real("min", 0) : null;
            max = c.attributes().has("max") ? (double) c.attributes().real("max", 0) : null;
        } else {
            Tensor lo = c.optionalConstant(1, "lower bound");
            Tensor hi = c.optionalConstant(2, "upper bound");
            min = lo == null ? null : lo.realAt(0);
            max = hi == null ? null : hi.realAt(0);
        }
        Activation op;
        if (min != null && min == 0 && max != null && max == 6) {
            op = new Activation(ActivationKind.RELU6, false);
        } else if (min != null && min == 0 && max == null) {
            op = Activation.relu();
        } else {
            op = Activation.clip(min == null ? -Float.MAX_VALUE : min, max == null ? Float.MAX_VALUE : max);
        }
        return c.emit(op, c.data(0));
    }

    /** Of two computed tensors, or of one and a constant (a literal, a per-channel scale or bias). */
    private static Value binary(NodeContext c, Elementwise.Function f) {
        Value a = c.required(0, "A");
        Value b = c.required(1, "B");
        if (!a.isConstant() && !b.isConstant()) {
            return switch (f) {
                case ADD -> c.emit(new Add(), a, b);
                case MUL -> c.emit(new Mul(), a, b);
                default -> c.emit(Elementwise.of(f), a, b);
            };
        }
        Value data = a.isConstant() ? b : a;
        Tensor constant = a.isConstant() ? a.constant() : b.constant();
        if (f == Elementwise.Function.MUL && perChannel(constant.dimList(), data.shape())) {
            return c.emit(new Scale(data.shape().channels()), data);
        }
        return c.emit(Elementwise.withConstant(f, constant.dimList()), data);
    }

    /** A C x 1 x 1 (or 1 x C x 1 x 1) constant against an N x C x H x W tensor: a learned per-channel scale. */
    private static boolean perChannel(List<Integer> dims, dev.ridgeline.core.graph.Shape data) {
        if (data.rank() != 4 || data.channels() < 2) {
            return false;
        }
        List<Integer> tail = dims.size() == 4 && dims.get(0) == 1 ? dims.subList(1, 4) : dims;
        return tail.equals(List.of(data.channels(), 1, 1));
    }

    /**
     * LayerNormalization over the last axis (opset 17; exporters write PyTorch's LayerNorm so, and
     * LayerNorm2d as a Transpose on either side). Normalizing several axes at once is not supported.
     */
    private static Value layerNorm(NodeContext c) {
        Value x = c.data(0);
        int rank = x.shape().rank();
        int axis = Indexing.axis(c.attributes().integer("axis", -1), rank, c.what());
        if (axis != rank - 1) {
            throw new Unsupported("a normalization over axes " + axis + ".." + (rank - 1)
                    + " (Ridgeline counts layer norms over the last axis)");
        }
        Tensor scale = c.constant(1, "scale");
        if (c.optionalConstant(2, "bias") == null) {
            throw new Unsupported("a layer norm without a bias");
        }
        int features = x.shape().dim(axis);
        BadInputException.check(scale.numel() == features, "%s: a scale of %d elements for %d features", c.what(),
                scale.numel(), features);
        return c.emit(new LayerNorm(features, LayerNorm.Axis.LAST, true), x);
    }

    private static double dropoutRatio(NodeContext c) {
        if (c.attributes().has("ratio")) {
            return c.attributes().real("ratio", 0.5f);
        }
        Tensor ratio = c.optionalConstant(1, "ratio");
        return ratio == null ? 0.5 : ratio.realAt(0);
    }
}
