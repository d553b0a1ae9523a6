package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mean over some axes (negative counts from the end), kept as size 1 or dropped. */
public record ReduceMean(List<Integer> axes, boolean keepDims) implements Op {
    public ReduceMean {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("reduce_mean needs at least one axis");
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.REDUCE_MEAN;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("axes", axes);
        a.put("keepDims", keepDims);
        return a;
    }
}
