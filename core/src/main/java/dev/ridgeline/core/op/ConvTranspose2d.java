package dev.ridgeline.core.op;

import java.util.List;
import java.util.Map;

/**
 * A 2-D transposed convolution: output = (X - 1) * S - padBegin - padEnd + D * (K - 1) + outputPadding + 1
 * per axis; "same" padding gives X * S.
 */
public record ConvTranspose2d(int inChannels, int outChannels, Window window, int outputPaddingH, int outputPaddingW,
                              int groups, boolean bias) implements Op {
    public ConvTranspose2d {
        Convolutions.checkChannels(inChannels, outChannels, groups);
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
        return Convolutions.params(inChannels, outChannels, groups, window, bias, outChannels);
    }

    @Override
    public Map<String, Object> attributes() {
        return Convolutions.attributes(inChannels, outChannels, window,
                Map.of("outputPadding", List.of(outputPaddingH, outputPaddingW)), groups, bias);
    }
}
