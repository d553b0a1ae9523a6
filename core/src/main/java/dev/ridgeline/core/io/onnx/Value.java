package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.graph.Shape;

/**
 * What an ONNX tensor name stands for while a graph is read: a constant, or a tensor the network computes,
 * produced by an IR node (or a model input) of the given name and shape; {@code int8} marks quantized data.
 */
record Value(String node, Shape shape, Tensor constant, boolean int8) {
    static Value computed(String node, Shape shape) {
        return new Value(node, shape, null, false);
    }

    static Value of(Tensor constant) {
        return new Value(null, null, constant, false);
    }

    /**
     * The same tensor, marked as INT8 data: the output of a QuantizeLinear, or of the DequantizeLinear after it
     * (the value a QDQ model's next layer computes from at INT8).
     */
    Value asInt8() {
        return new Value(node, shape, constant, true);
    }

    boolean isConstant() {
        return constant != null;
    }
}
