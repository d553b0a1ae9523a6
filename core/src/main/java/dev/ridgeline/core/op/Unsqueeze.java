package dev.ridgeline.core.op;

import java.util.List;
import java.util.Map;

/** Inserts size-1 axes at these output positions (negative counts from the end of the output); a view. */
public record Unsqueeze(List<Integer> axes) implements Op {
    public Unsqueeze {
        axes = AxisLists.atLeastOne("unsqueeze", axes);
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
