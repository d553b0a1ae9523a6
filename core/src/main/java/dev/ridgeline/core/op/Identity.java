package dev.ridgeline.core.op;

import java.util.Map;

/** Passes its input through unchanged; allocates nothing. */
public record Identity() implements Op {
    @Override
    public OpKind kind() {
        return OpKind.IDENTITY;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of();
    }
}
