package dev.ridgeline.core.op;

import java.util.List;
import java.util.Map;

/** Drops size-1 axes (negative counts from the end of the input); a view. */
public record Squeeze(List<Integer> axes) implements Op {
    public Squeeze {
        axes = AxisLists.atLeastOne("squeeze", axes);
    }

    @Override
    public OpKind kind() {
        return OpKind.SQUEEZE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("axes", axes);
    }
}
