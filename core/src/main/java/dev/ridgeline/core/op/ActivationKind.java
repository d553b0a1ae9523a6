package dev.ridgeline.core.op;

import java.util.Arrays;
import java.util.Optional;

/** Element-wise activation functions. */
public enum ActivationKind {
    RELU("relu"),
    RELU6("relu6"),
    HARDSWISH("hardswish"),
    HARDSIGMOID("hardsigmoid"),
    SIGMOID("sigmoid"),
    SILU("silu"),
    GELU("gelu");

    private final String id;

    ActivationKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ActivationKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
