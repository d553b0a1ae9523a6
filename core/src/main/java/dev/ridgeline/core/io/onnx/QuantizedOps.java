package dev.ridgeline.core.io.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quantized ONNX graphs. The QDQ form (QuantizeLinear, DequantizeLinear around a float op, as ONNX Runtime's
 * quantizer writes by default) folds onto the layer it wraps: the pairs are no layers, the weights are the
 * integer tensors' elements, the scales and zero points are not parameters, and a layer that computes only from
 * dequantized INT8 data and weights runs at INT8. The operator form (QLinearConv, QLinearMatMul, ConvInteger,
 * MatMulInteger) reads as the float op at INT8.
 */
final class QuantizedOps {
    /** Per quantized op: the inputs that are the float op's inputs, in the float op's order (-1: absent). */
    static final Map<String, int[]> AS_FLOAT = Map.of(
            "QLinearConv", new int[] {0, 3, 8},
            "ConvInteger", new int[] {0, 1},
            "QLinearMatMul", new int[] {0, 3},
            "MatMulInteger", new int[] {0, 1});

    /** Per op: the inputs that are scales or zero points, never parameters. */
    private static final Map<String, int[]> SCALES = Map.of(
            "QuantizeLinear", new int[] {1, 2},
            "DequantizeLinear", new int[] {1, 2},
            "QLinearConv", new int[] {1, 2, 4, 5, 6, 7},
            "QLinearMatMul", new int[] {1, 2, 4, 5, 6, 7},
            "ConvInteger", new int[] {2, 3},
            "MatMulInteger", new int[] {2, 3});

    private QuantizedOps() {
    }

    /** The float op a quantized op reads as: Conv or MatMul, on its data, weights and bias. */
    static Value asFloat(NodeContext c) {
        int[] picks = AS_FLOAT.get(c.type());
        List<Value> in = new ArrayList<>();
        for (int i : picks) {
            in.add(c.input(i));
        }
        NodeContext f = c.withInputs(in);
        return c.type().contains("Conv") ? WeightedOps.conv(f) : WeightedOps.matMul(f);
    }

    /** Names of the tensors that are only scales or zero points of quantization ops. */
    static Set<String> scaleTensors(GraphProto graph) {
        Set<String> scales = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (NodeProto n : graph.getNodeList()) {
            int[] s = SCALES.get(n.getOpType());
            for (int i = 0; i < n.getInputCount(); i++) {
                boolean scale = false;
                for (int k = 0; s != null && k < s.length; k++) {
                    scale |= s[k] == i;
                }
                (scale ? scales : other).add(n.getInput(i));
            }
        }
        scales.removeAll(other);
        return scales;
    }

    /** Names of integer tensors that are weights: what a DequantizeLinear or a quantized op reads as such. */
    static Set<String> integerWeights(GraphProto graph) {
        Set<String> weights = new HashSet<>();
        for (NodeProto n : graph.getNodeList()) {
            if (n.getOpType().equals("DequantizeLinear") && n.getInputCount() > 0) {
                weights.add(n.getInput(0));
            }
            int[] picks = AS_FLOAT.get(n.getOpType());
            for (int k = 1; picks != null && k < picks.length; k++) {
                if (picks[k] < n.getInputCount()) {
                    weights.add(n.getInput(picks[k]));
                }
            }
        }
        return weights;
    }
}
