package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Tile;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX ops that work along axis 0, which the IR keeps as the batch: concatenating, splitting or repeating
 * it, squeezing it or inserting an axis before it. Each is written with views the IR has (a reshape that adds
 * a leading axis of 1, the op one axis further in, a reshape back), so the element counts and shapes are the
 * graph's own; such a graph is read at the batch of its file.
 */
final class BatchAxis {
    private BatchAxis() {
    }

    /** A view of the value under literal dimensions (no batch-following 0). */
    static Value reshape(NodeContext c, String part, Value x, List<Integer> dims) {
        Reshape r = new Reshape(dims);
        return part == null ? c.emit(r, x) : c.emitPart(part, r, x);
    }

    static List<Integer> dims(Shape s) {
        List<Integer> out = new ArrayList<>();
        for (int d : s.toArray()) {
            out.add(d);
        }
        return out;
    }

    /** x with a leading axis of 1. */
    static Value lift(NodeContext c, String part, Value x) {
        List<Integer> d = new ArrayList<>(dims(x.shape()));
        d.add(0, 1);
        return reshape(c, part, x, d);
    }

    /** Concat along axis 0: each part lifted, joined along axis 1, the leading axis dropped. */
    static Value concat(NodeContext c, List<Value> parts) {
        List<Value> lifted = new ArrayList<>();
        int total = 0;
        for (int k = 0; k < parts.size(); k++) {
            lifted.add(lift(c, "lift" + k, parts.get(k)));
            total += parts.get(k).shape().batch();
        }
        Value joined = c.emitPart("join", new Concat(1), lifted.toArray(Value[]::new));
        List<Integer> out = new ArrayList<>(dims(parts.get(0).shape()));
        out.set(0, total);
        return reshape(c, null, joined, out);
    }

    /** Split along axis 0: one slice per part. */
    static List<Value> split(NodeContext c, Value x, long[] sizes) {
        List<Value> out = new ArrayList<>();
        long start = 0;
        for (int k = 0; k < sizes.length; k++) {
            Slice s = new Slice(List.of(0), List.of(start), List.of(start + sizes[k]), List.of(1L));
            out.add(c.hasOutput(k) ? c.emitPart(Integer.toString(k), s, x) : null);
            start += sizes[k];
        }
        return out;
    }

    /** Tile whose first repeat may be more than 1: lifted, tiled one axis further in, merged back. */
    static Value tile(NodeContext c, Value x, List<Integer> repeats) {
        if (repeats.get(0) == 1) {
            return c.emit(new Tile(repeats), x);
        }
        List<Integer> lifted = new ArrayList<>(repeats);
        lifted.add(0, 1);
        Value tiled = c.emitPart("tile", new Tile(lifted), lift(c, "lift", x));
        List<Integer> out = new ArrayList<>(dims(x.shape()));
        for (int i = 0; i < out.size(); i++) {
            out.set(i, out.get(i) * repeats.get(i));
        }
        return reshape(c, null, tiled, out);
    }
}
