package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a convolution and a transposed convolution check, count and print alike. */
final class Convolutions {
    private Convolutions() {
    }

    /** Channels and groups of at least 1 (whether the groups divide the channels is a shape rule). */
    static void checkChannels(int inChannels, int outChannels, int groups) {
        if (inChannels < 1 || outChannels < 1 || groups < 1) {
            throw new IllegalArgumentException("channels and groups must be at least 1");
        }
    }

    /**
     * Weights {@code whole x (grouped / groups) x Kh x Kw} plus {@code outChannels} biases when {@code bias}:
     * whole is Cout and grouped Cin for a convolution, the other way round for a transposed one.
     */
    static long params(int whole, int grouped, int groups, Window window, boolean bias, int outChannels) {
        long w = Math.multiplyExact(Math.multiplyExact((long) whole, grouped / groups), window.kernelArea());
        return bias ? w + outChannels : w;
    }

    /** The channels, the window's attributes, then {@code extra}, groups and bias, in that order. */
    static Map<String, Object> attributes(int inChannels, int outChannels, Window window, Map<String, Object> extra,
                                          int groups, boolean bias) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("inChannels", inChannels);
        a.put("outChannels", outChannels);
        a.putAll(window.attributes());
        a.putAll(extra);
        a.put("groups", groups);
        a.put("bias", bias);
        return a;
    }
}
