package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Group normalization of an N x C x ... tensor: each sample's channels in {@code groups} groups, each group
 * normalized over its channels and positions; groups == channels is instance normalization (ONNX's
 * InstanceNormalization). Affine adds a scale and a bias per channel.
 */
public record GroupNorm(int channels, int groups, boolean affine) implements Op {
    public GroupNorm {
        if (channels < 1 || groups < 1 || channels % groups != 0) {
            throw new IllegalArgumentException("groups " + groups + " must divide the " + channels + " channels");
        }
    }

    public boolean instance() {
        return groups == channels;
    }

    @Override
    public OpKind kind() {
        return OpKind.GROUP_NORM;
    }

    @Override
    public String type() {
        return instance() ? "instance_norm" : kind().id();
    }

    /** 2 x C when affine. */
    @Override
    public long params() {
        return BatchNorm.affineParams(channels, affine);
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("channels", channels);
        a.put("groups", groups);
        a.put("affine", affine);
        return a;
    }
}
