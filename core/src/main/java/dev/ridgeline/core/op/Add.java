package dev.ridgeline.core.op;

import java.util.Map;

/** Element-wise sum of two tensors with NumPy broadcasting (N x C x 1 x 1 against N x C x H x W, as in squeeze-and-excitation). */
public record Add() implements Op {
    @Override
    public OpKind kind() {
        return OpKind.ADD;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of();
    }
}
