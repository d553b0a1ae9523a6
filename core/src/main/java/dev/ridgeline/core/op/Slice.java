package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strided slice along some axes, as ONNX's Slice and Python's {@code x[start:end:step]}: negative starts
 * and ends count from the end of the axis and are clamped to it; a copy, no arithmetic.
 */
public record Slice(List<Integer> axes, List<Long> starts, List<Long> ends, List<Long> steps) implements Op {
    public Slice {
        axes = List.copyOf(axes);
        starts = List.copyOf(starts);
        ends = List.copyOf(ends);
        steps = List.copyOf(steps);
        if (axes.isEmpty() || starts.size() != axes.size() || ends.size() != axes.size()
                || steps.size() != axes.size()) {
            throw new IllegalArgumentException("a slice needs one start, end and step per axis, got axes " + axes
                    + ", starts " + starts + ", ends " + ends + ", steps " + steps);
        }
        if (steps.stream().anyMatch(s -> s == 0)) {
            throw new IllegalArgumentException("slice steps must not be 0, got " + steps);
        }
    }

    /** Elements start to end - 1 of one axis. */
    public static Slice of(int axis, long start, long end) {
        return new Slice(List.of(axis), List.of(start), List.of(end), List.of(1L));
    }

    @Override
    public OpKind kind() {
        return OpKind.SLICE;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("axes", axes);
        a.put("starts", starts);
        a.put("ends", ends);
        a.put("steps", steps);
        return a;
    }
}
