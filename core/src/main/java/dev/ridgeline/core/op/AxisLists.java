package dev.ridgeline.core.op;

import java.util.List;

/** The axis lists of squeeze, unsqueeze and the reductions: an immutable copy with at least one axis. */
final class AxisLists {
    private AxisLists() {
    }

    /** A copy of {@code axes}; none is an error that names the op type. */
    static List<Integer> atLeastOne(String opType, List<Integer> axes) {
        List<Integer> copy = List.copyOf(axes);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(opType + " needs at least one axis");
        }
        return copy;
    }
}
