package dev.ridgeline.core.op;

import java.util.Map;

/** Element-wise product of two tensors with NumPy broadcasting (N x C x 1 x 1 against N x C x H x W, as in squeeze-and-excitation). */
public record Mul() implements Op {
    @Override
    public OpKind kind() {
        return OpKind.MUL;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of();
    }
}
