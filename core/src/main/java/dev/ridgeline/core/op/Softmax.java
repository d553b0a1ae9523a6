package dev.ridgeline.core.op;

import java.util.Map;

/** Softmax along one axis (negative counts from the end); the shape is unchanged. */
public record Softmax(int axis) implements Op {
    @Override
    public OpKind kind() {
        return OpKind.SOFTMAX;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("axis", axis);
    }
}
