package dev.ridgeline.core.op;

import java.util.Map;

/** Dropout: the identity at inference, kept so that layer names match the source network. */
public record Dropout(double p) implements Op {
    public Dropout {
        if (p < 0 || p >= 1) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.DROPOUT;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("p", p);
    }
}
