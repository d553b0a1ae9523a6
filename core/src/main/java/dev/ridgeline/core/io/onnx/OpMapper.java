package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.Dropout;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Identity;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Softmax;
import java.util.ArrayList;
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
            // MaxPool's Indices output: computed with the maxima, of their shape (a view, no arithmetic of its own)
            case "MaxPool" -> c.hasOutput(1) ? withIndices(c) : List.of(single(c));
            // the mask output of inference-mode dropout keeps every element: a copy of the input's shape
            case "Dropout" -> c.hasOutput(1) ? List.of(single(c), c.emitPart("mask", new Identity(), c.data(0)))
                    : List.of(single(c));
            case "LayerNormalization" -> layerNorm(c);
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
            case "MaxPool" -> WeightedOps.pool(c, true);
            case "AveragePool" -> WeightedOps.pool(c, false);
            case "GlobalAveragePool" -> {
                if (c.data(0).shape().rank() != 4) {
                    throw new Unsupported("a global pooling of a rank-" + c.data(0).shape().rank() + " tensor");
                }
                yield c.emit(new GlobalAvgPool(), c.data(0));
            }
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
            case "Identity", "Cast", "CastLike" -> c.emit(new Identity(), c.data(0));
            case "Dropout" -> c.emit(new Dropout(dropoutRatio(c)), c.data(0));
            case "QLinearConv", "ConvInteger", "QLinearMatMul", "MatMulInteger" -> QuantizedOps.asFloat(c);
            case "InstanceNormalization" -> RegionOps.groupNorm(c, true);
            case "GroupNormalization" -> RegionOps.groupNorm(c, false);
            case "GlobalMaxPool" -> RegionOps.globalMaxPool(c);
            case "Tile" -> RegionOps.tile(c);
            case "Expand" -> RegionOps.expand(c);
            case "DepthToSpace" -> RegionOps.depthSpace(c, true);
            case "SpaceToDepth" -> RegionOps.depthSpace(c, false);
            case "Gather" -> RegionOps.gather(c);
            case "Einsum" -> EinsumOps.einsum(c);
            default -> {
                if (PointwiseOps.UNARY.containsKey(c.type())) {
                    yield PointwiseOps.unary(c);
                } else if (PointwiseOps.BINARY.containsKey(c.type())) {
                    yield PointwiseOps.binary(c);
                } else if (PointwiseOps.VARIADIC.containsKey(c.type())) {
                    yield PointwiseOps.variadic(c);
                } else if (RegionOps.REDUCTIONS.containsKey(c.type())) {
                    yield RegionOps.reduce(c);
                }
                throw new Unsupported("Ridgeline has no counting rule for it");
            }
        };
    }

    private static List<Value> withIndices(NodeContext c) {
        Value pooled = single(c);
        return List.of(pooled, c.emitPart("indices", new Identity(), pooled));
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

    /**
     * LayerNormalization over the last axis (opset 17; exporters write PyTorch's LayerNorm so, and
     * LayerNorm2d as a Transpose on either side); over several axes a reshape to their product on either side.
     * Its optional Mean and InvStdDev outputs (the input's shape with the normalized axes 1) are the statistics
     * the layer norm computes anyway: each reads as a {@code slice} of one element per normalized row
     * (NAME:mean, NAME:inv_std_dev), no arithmetic of its own, its elements written.
     */
    private static List<Value> layerNorm(NodeContext c) {
        Value x = c.data(0);
        int rank = x.shape().rank();
        int axis = Indexing.axis(c.attributes().integer("axis", -1), rank, c.what());
        Tensor scale = c.constant(1, "scale");
        if (c.optionalConstant(2, "bias") == null) {
            throw new Unsupported("a layer norm without a bias");
        }
        long normalized = 1;
        for (int i = axis; i < rank; i++) {
            normalized *= x.shape().dim(i);
        }
        int features = Math.toIntExact(normalized);
        if (scale.numel() != features) {
            throw new Unsupported("a scale of " + scale.numel() + " elements broadcast over " + features
                    + " normalized ones");
        }
        if (axis == rank - 1) {
            Value norm = c.emit(new LayerNorm(features, LayerNorm.Axis.LAST, true), x);
            return withStatistics(c, norm, x, null);
        }
        // several axes: the same arithmetic as one axis of their product (NAME:rows, NAME, NAME:back)
        List<Integer> rows = new ArrayList<>();
        List<Integer> back = new ArrayList<>();
        List<Integer> statistic = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            int d = i == 0 && axis > 0 ? 0 : x.shape().dim(i);
            if (i < axis) {
                rows.add(d);
            }
            back.add(d);
            statistic.add(i < axis ? d : 1);
        }
        if (axis == 0) {
            rows.add(1);
        }
        rows.add(features);
        Value flat = c.emitPart("rows", new Reshape(rows), x);
        Value norm = c.emit(new LayerNorm(features, LayerNorm.Axis.LAST, true), flat);
        return withStatistics(c, c.emitPart("back", new Reshape(back), norm), flat, statistic);
    }

    /** The output, then Mean and InvStdDev when the node has them: one element per row of {@code rows}. */
    private static List<Value> withStatistics(NodeContext c, Value out, Value rows, List<Integer> shape) {
        List<Value> outputs = new ArrayList<>(List.of(out));
        String[] names = {"mean", "inv_std_dev"};
        for (int k = 1; k <= 2; k++) {
            if (!c.hasOutput(k)) {
                outputs.add(null);
                continue;
            }
            int last = rows.shape().rank() - 1;
            Value one = c.emitPart(names[k - 1], Slice.of(last, 0, 1), rows);
            outputs.add(shape == null ? one : c.emitPart(names[k - 1] + ":back", new Reshape(shape), one));
        }
        return outputs;
    }

    private static double dropoutRatio(NodeContext c) {
        if (c.attributes().has("ratio")) {
            return c.attributes().real("ratio", 0.5f);
        }
        Tensor ratio = c.optionalConstant(1, "ratio");
        return ratio == null ? 0.5 : ratio.realAt(0);
    }
}
