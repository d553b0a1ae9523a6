package dev.ridgeline.core.op;

import java.util.Map;

/**
 * A learned per-channel scale of an N x C x ... tensor (ConvNeXt's layer scale, a C x 1 x 1 parameter
 * multiplied in): C parameters, one multiplication per element.
 */
public record Scale(int channels) implements Op {
    public Scale {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels);
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.SCALE;
    }

    @Override
    public long params() {
        return channels;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("channels", channels);
    }
}
