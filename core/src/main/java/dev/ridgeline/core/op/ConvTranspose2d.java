package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 2-D transposed convolution: output = (X - 1) * S - padBegin - padEnd + D * (K - 1) + outputPadding + 1
 * per axis; "same" padding gives X * S.
 */
public record ConvTranspose2d(int inChannels, int outChannels, Window window, int outputPaddingH, int outputPaddingW,
                              int groups, boolean bias) implements Op {
    public ConvTranspose2d {
        if (inChannels < 1 || outChannels < 1 || groups < 1) {
            throw new IllegalArgumentException("channels and groups must be at least 1");
        }
        if (outputPaddingH < 0 || outputPaddingW < 0) {
            throw new IllegalArgumentException("output padding must not be negative");
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.CONV_TRANSPOSE2D;
    }

    /** Weights Cin x (Cout/g) x Kh x Kw plus Cout biases. */
    @Override
    public long params() {
        long w = Math.multiplyExact(Math.multiplyExact((long) inChannels, outChannels / groups), window.kernelArea());
        return bias ? w + outChannels : w;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("inChannels", inChannels);
        a.put("outChannels", outChannels);
        a.putAll(window.attributes());
        a.put("outputPadding", List.of(outputPaddingH, outputPaddingW));
        a.put("groups", groups);
        a.put("bias", bias);
        return a;
    }
}
