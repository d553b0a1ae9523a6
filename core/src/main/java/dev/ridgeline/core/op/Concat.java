package dev.ridgeline.core.op;

import java.util.Map;

/** Joins tensors along an axis (1, channels, by default); all other dimensions must agree. */
public record Concat(int axis) implements Op {
    @Override
    public OpKind kind() {
        return OpKind.CONCAT;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("axis", axis);
    }
}
