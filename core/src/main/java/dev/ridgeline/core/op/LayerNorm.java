package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Layer normalization over one axis of C features: the channels of an N x C x H x W map (torchvision's
 * LayerNorm2d in ConvNeXt) or the last axis (nn.LayerNorm after a permute). Affine adds a weight and a
 * bias per feature.
 */
public record LayerNorm(int features, Axis axis, boolean affine) implements Op {
    /** The axis normalized. */
    public enum Axis {
        /** Axis 1 of N x C x ...: each position's C channels are normalized together. */
        CHANNELS("channels"),
        /** The last axis, as nn.LayerNorm(C) does. */
        LAST("last");

        private final String id;

        Axis(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The axis index in a tensor of this rank. */
        public int index(int rank) {
            return this == CHANNELS ? 1 : rank - 1;
        }
    }

    public LayerNorm {
        if (features < 1) {
            throw new IllegalArgumentException("features must be at least 1, got " + features);
        }
        if (axis == null) {
            throw new IllegalArgumentException("axis is required");
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.LAYER_NORM;
    }

    /** 2 x C when affine (weight and bias). */
    @Override
    public long params() {
        return BatchNorm.affineParams(features, affine);
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("features", features);
        a.put("axis", axis.id());
        a.put("affine", affine);
        return a;
    }
}
