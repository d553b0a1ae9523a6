package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mean over some axes (negative counts from the end), kept as size 1 or dropped. */
public record ReduceMean(List<Integer> axes, boolean keepDims) implements Op {
    public ReduceMean {
        axes = AxisLists.atLeastOne("reduce_mean", axes);
    }

    @Override
    public OpKind kind() {
        return OpKind.REDUCE_MEAN;
    }

    @Override
    public Map<String, Object> attributes() {
        return reductionAttributes(axes, keepDims);
    }

    /** The attributes of every reduction, the mean's and {@link Reduce}'s: the axes, then keepDims. */
    static Map<String, Object> reductionAttributes(List<Integer> axes, boolean keepDims) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("axes", axes);
        a.put("keepDims", keepDims);
        return a;
    }
}
