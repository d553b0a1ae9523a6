package dev.ridgeline.core.op;

import java.util.List;
import java.util.Map;

/** Average pooling to a fixed output size, whatever the input size (PyTorch's AdaptiveAvgPool2d). */
public record AdaptiveAvgPool(int outH, int outW) implements Op {
    public AdaptiveAvgPool {
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("output size must be at least 1");
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.ADAPTIVE_AVG_POOL;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("outputSize", List.of(outH, outW));
    }
}
