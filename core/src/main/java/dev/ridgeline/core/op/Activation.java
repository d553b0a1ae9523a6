package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An element-wise activation; an in-place one writes over its input and allocates nothing. Arguments are
 * the function's constants: leaky ReLU's slope (alpha, 0.01 unless given), a clip's bounds (min, max);
 * none for the others.
 */
public record Activation(ActivationKind function, boolean inPlace, List<Double> arguments) implements Op {
    public Activation {
        if (function == null) {
            throw new IllegalArgumentException("function is required");
        }
        arguments = List.copyOf(arguments);
        if (function == ActivationKind.LEAKY_RELU && arguments.isEmpty()) {
            arguments = List.of(0.01); // PyTorch's default slope
        }
        int expected = switch (function) {
            case LEAKY_RELU -> 1;
            case CLIP -> 2;
            default -> 0;
        };
        if (arguments.size() != expected) {
            throw new IllegalArgumentException(function.id() + " takes " + expected + " arguments, got " + arguments);
        }
    }

    public Activation(ActivationKind function, boolean inPlace) {
        this(function, inPlace, List.of());
    }

    public static Activation relu() {
        return new Activation(ActivationKind.RELU, false);
    }

    public static Activation leakyRelu(double alpha) {
        return new Activation(ActivationKind.LEAKY_RELU, false, List.of(alpha));
    }

    public static Activation clip(double min, double max) {
        return new Activation(ActivationKind.CLIP, false, List.of(min, max));
    }

    @Override
    public OpKind kind() {
        return OpKind.ACTIVATION;
    }

    @Override
    public String type() {
        return function.id();
    }

    @Override
    public boolean aliasesInput() {
        return inPlace;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("inPlace", inPlace);
        if (function == ActivationKind.LEAKY_RELU) {
            a.put("alpha", arguments.get(0));
        } else if (function == ActivationKind.CLIP) {
            a.put("min", arguments.get(0));
            a.put("max", arguments.get(1));
        }
        return a;
    }
}
