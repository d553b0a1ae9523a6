package dev.ridgeline.core.op;

import java.util.Map;

/** The product of two activation tensors [..., M, K] x [..., K, N], leading dimensions broadcast. */
public record MatMul() implements Op {
    @Override
    public OpKind kind() {
        return OpKind.MATMUL;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of();
    }
}
