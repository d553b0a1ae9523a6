package dev.ridgeline.core.op;

import java.util.List;
import java.util.Map;

/** Inserts size-1 axes at these output positions (negative counts from the end of the output); a view. */
public record Unsqueeze(List<Integer> axes) implements Op {
    public Unsqueeze {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("unsqueeze needs at least one axis");
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.UNSQUEEZE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("axes", axes);
    }
}
