package dev.ridgeline.core.op;

import java.util.Map;

/** Average over all spatial positions: N x C x H x W to N x C x 1 x 1. */
public record GlobalAvgPool() implements Op {
    @Override
    public OpKind kind() {
        return OpKind.GLOBAL_AVG_POOL;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of();
    }
}
