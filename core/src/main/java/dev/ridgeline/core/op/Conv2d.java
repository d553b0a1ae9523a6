package dev.ridgeline.core.op;

import java.util.Map;

/** A 2-D convolution; {@code groups == inChannels} makes it depthwise. */
public record Conv2d(int inChannels, int outChannels, Window window, int groups, boolean bias) implements Op {
    public Conv2d {
        Convolutions.checkChannels(inChannels, outChannels, groups);
    }

    public static Conv2d of(int in, int out, int kernel, int stride, int padding) {
        return new Conv2d(in, out, Window.square(kernel, stride, padding), 1, false);
    }

    @Override
    public OpKind kind() {
        return OpKind.CONV2D;
    }

    /** Weights Cout x (Cin/g) x Kh x Kw plus Cout biases. */
    @Override
    public long params() {
        return Convolutions.params(outChannels, inChannels, groups, window, bias, outChannels);
    }

    @Override
    public Map<String, Object> attributes() {
        return Convolutions.attributes(inChannels, outChannels, window, Map.of(), groups, bias);
    }
}
