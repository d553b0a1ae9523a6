package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.Map;

/** An element-wise activation; an in-place one writes over its input and allocates nothing. */
public record Activation(ActivationKind function, boolean inPlace) implements Op {
    public Activation {
        if (function == null) {
            throw new IllegalArgumentException("function is required");
        }
    }

    public static Activation relu() {
        return new Activation(ActivationKind.RELU, false);
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
    public Arity arity() {
        return Arity.ONE;
    }

    @Override
    public boolean aliasesInput() {
        return inPlace;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("inPlace", inPlace);
        return a;
    }
}
