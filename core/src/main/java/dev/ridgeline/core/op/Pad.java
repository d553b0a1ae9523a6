package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pads every axis, in ONNX's order: the begin of each axis, then the end of each (negative crops); the
 * mode (constant, reflect, edge) fills the border. A copy, no arithmetic. {@code learnedElements} is non-zero
 * for an imported Concat of a computed tensor with a learned constant (a class token, say): the border is that
 * constant, and its elements are parameters.
 */
public record Pad(List<Integer> pads, String mode, long learnedElements) implements Op {
    public Pad(List<Integer> pads, String mode) {
        this(pads, mode, 0);
    }

    public Pad {
        if (learnedElements < 0) {
            throw new IllegalArgumentException("learned elements must not be negative");
        }
        pads = List.copyOf(pads);
        if (pads.isEmpty() || pads.size() % 2 != 0) {
            throw new IllegalArgumentException("pads need a begin and an end per axis, got " + pads);
        }
        if (mode == null || mode.isBlank()) {
            throw new IllegalArgumentException("a pad mode is required");
        }
    }

    public int rank() {
        return pads.size() / 2;
    }

    public int begin(int axis) {
        return pads.get(axis);
    }

    public int end(int axis) {
        return pads.get(rank() + axis);
    }

    @Override
    public OpKind kind() {
        return OpKind.PAD;
    }

    @Override
    public long params() {
        return learnedElements;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("pads", pads);
        a.put("mode", mode);
        if (learnedElements > 0) {
            a.put("learned", learnedElements);
        }
        return a;
    }
}
