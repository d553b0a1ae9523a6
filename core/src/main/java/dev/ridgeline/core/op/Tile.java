package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repeats the input along each axis (ONNX's Tile; an Expand of size-1 axes reads as one): a copy, no
 * arithmetic. The batch repeat must be 1.
 */
public record Tile(List<Integer> repeats) implements Op {
    public Tile {
        repeats = List.copyOf(repeats);
        if (repeats.isEmpty() || repeats.stream().anyMatch(r -> r < 1)) {
            throw new IllegalArgumentException("repeats must be at least 1 per axis, got " + repeats);
        }
    }

    @Override
    public OpKind kind() {
        return OpKind.TILE;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("repeats", repeats);
        return a;
    }
}
