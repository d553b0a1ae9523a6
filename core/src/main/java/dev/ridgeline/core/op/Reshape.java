package dev.ridgeline.core.op;

import java.util.List;
import java.util.Map;

/**
 * A view with new dimensions, as ONNX's Reshape: a target 0 copies the input's dimension at that index
 * (a leading 0 keeps the batch whatever it is), one -1 takes whatever the other dimensions leave.
 */
public record Reshape(List<Integer> target) implements Op {
    public Reshape {
        target = List.copyOf(target);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("a reshape needs at least one target dimension");
        }
        if (target.stream().filter(d -> d == -1).count() > 1 || target.stream().anyMatch(d -> d < -1)) {
            throw new IllegalArgumentException("a reshape target has at most one -1 and no other negative "
                    + "dimension, got " + target);
        }
    }

    /** True for [0, -1] (or [batch, -1] written as 0): everything after the batch merged, as a flatten. */
    public boolean flattensSample() {
        return target.size() == 2 && target.get(0) == 0 && target.get(1) == -1;
    }

    @Override
    public OpKind kind() {
        return OpKind.RESHAPE;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of("target", target);
    }
}
