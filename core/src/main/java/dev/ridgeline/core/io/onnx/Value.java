package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.graph.Shape;

/**
 * What an ONNX tensor name stands for while a graph is read: a constant, or a tensor the network computes,
 * produced by an IR node (or a model input) of the given name and shape.
 */
record Value(String node, Shape shape, Tensor constant) {
    static Value computed(String node, Shape shape) {
        return new Value(node, shape, null);
    }

    static Value of(Tensor constant) {
        return new Value(null, null, constant);
    }

    boolean isConstant() {
        return constant != null;
    }
}
