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
    ELU("elu", false),
    SELU("selu", false),
    CELU("celu", false),
    SOFTPLUS("softplus", false),
    SOFTSIGN("softsign", false),
    MISH("mish", false),
    ERF("erf", false),
    EXP("exp", false),
    LOG("log", false),
    ABS("abs", false),
    NEG("neg", false),
    RECIPROCAL("reciprocal", false),
    FLOOR("floor", false),
    CEIL("ceil", false),
    ROUND("round", false),
    SIGN("sign", false),
    /** Logical not, of a boolean mask. */
    NOT("not", false);

    private final String id;
    private final boolean modelFormat;

    ActivationKind(String id) {
        this(id, true);
    }

    ActivationKind(String id, boolean modelFormat) {
        this.id = id;
        this.modelFormat = modelFormat;
    }

    public String id() {
        return id;
    }

    /** False for the functions only imported ONNX files have: they are no layer type or act of a model file. */
    public boolean inModelFormat() {
        return modelFormat;
    }

    public static Optional<ActivationKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.modelFormat && k.id.equals(id)).findFirst();
    }
}
