package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.Map;

/** A fully connected layer over the last dimension (any leading dimensions, as in PyTorch). */
public record Linear(int inFeatures, int outFeatures, boolean bias) implements Op {
    public Linear {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException("features must be at least 1");
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.LINEAR;
    }

    /** I x O weights plus O biases. */
    @Override
    public long params() {
        long w = Math.multiplyExact((long) inFeatures, outFeatures);
        return bias ? w + outFeatures : w;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("inFeatures", inFeatures);
        a.put("outFeatures", outFeatures);
        a.put("bias", bias);
        return a;
    }
}
