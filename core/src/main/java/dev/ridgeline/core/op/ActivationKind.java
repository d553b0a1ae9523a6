package dev.ridgeline.core.op;

import java.util.Arrays;
import java.util.Optional;

/** Element-wise activation functions and the other unary element-wise functions networks use. */
public enum ActivationKind {
    RELU("relu"),
    RELU6("relu6"),
    HARDSWISH("hardswish"),
    HARDSIGMOID("hardsigmoid"),
    SIGMOID("sigmoid"),
    SILU("silu"),
    GELU("gelu"),
    TANH("tanh"),
    LEAKY_RELU("leaky_relu"),
    /** Clamping to [min, max] other than ReLU6's [0, 6]. */
    CLIP("clip"),
    SQRT("sqrt"),
    /** The functions below come from imported ONNX files (Erf is how GELU exports before opset 20). */
    ELU("elu"),
    SELU("selu"),
    CELU("celu"),
    SOFTPLUS("softplus"),
    SOFTSIGN("softsign"),
    MISH("mish"),
    ERF("erf"),
    EXP("exp"),
    LOG("log"),
    ABS("abs"),
    NEG("neg"),
    RECIPROCAL("reciprocal"),
    FLOOR("floor"),
    CEIL("ceil"),
    ROUND("round"),
    SIGN("sign"),
    /** Logical not, of a boolean mask. */
    NOT("not");

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
