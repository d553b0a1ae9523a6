package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.Map;

/** Inference-time batch normalization over channels; affine adds a scale and a shift per channel. */
public record BatchNorm(int channels, boolean affine) implements Op {
    public BatchNorm {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1");
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.BATCH_NORM;
    }

    /** 2 x C when affine (running mean and variance are buffers, not parameters). */
    @Override
    public long params() {
        return affineParams(channels, affine);
    }

    /**
     * A normalization's learnable parameters, the same for batch, group and layer norms: a scale and a shift
     * per channel when affine, none otherwise.
     */
    static long affineParams(int channels, boolean affine) {
        return affine ? 2L * channels : 0;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("channels", channels);
        a.put("affine", affine);
        return a;
    }
}
