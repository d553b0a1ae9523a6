package dev.ridgeline.core.op;

import java.util.Map;

/** Merges the dimensions from {@code startDim} on into one; a view, it allocates nothing. */
public record Flatten(int startDim) implements Op {
    public Flatten {
        if (startDim < 1) {
            throw new IllegalArgumentException("flatten keeps the batch: startDim must be at least 1");
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.FLATTEN;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("startDim", startDim);
    }
}
