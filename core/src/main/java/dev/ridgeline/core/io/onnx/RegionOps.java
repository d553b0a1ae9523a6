package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.GroupNorm;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Reduce;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Squeeze;
import dev.ridgeline.core.op.Tile;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Maps the ONNX ops that work on regions of a tensor: group and instance normalization, reductions other
 * than the mean, global max pooling, Tile and Expand, DepthToSpace and SpaceToDepth (as the reshape, transpose,
 * reshape the ONNX definition is), and Gather of computed data by constant indices (as slices).
 */
final class RegionOps {
    static final Map<String, Reduce.Function> REDUCTIONS = Map.ofEntries(
            Map.entry("ReduceSum", Reduce.Function.SUM), Map.entry("ReduceMax", Reduce.Function.MAX),
            Map.entry("ReduceMin", Reduce.Function.MIN), Map.entry("ReduceProd", Reduce.Function.PROD),
            Map.entry("ReduceL1", Reduce.Function.L1), Map.entry("ReduceL2", Reduce.Function.L2),
            Map.entry("ReduceSumSquare", Reduce.Function.SUM_SQUARE), Map.entry("ReduceLogSum", Reduce.Function.LOG_SUM),
            Map.entry("ReduceLogSumExp", Reduce.Function.LOG_SUM_EXP), Map.entry("ArgMax", Reduce.Function.ARG_MAX),
            Map.entry("ArgMin", Reduce.Function.ARG_MIN));

    private RegionOps() {
    }

    /** InstanceNormalization (scale and bias of C) and GroupNormalization (num_groups; scale and bias of C). */
    static Value groupNorm(NodeContext c, boolean instance) {
        Value x = c.data(0);
        Tensor scale = c.constant(1, "scale");
        c.constant(2, "bias");
        int channels = x.shape().channels();
        int groups = instance ? channels : Math.toIntExact(c.attributes().integer("num_groups", 0));
        BadInputException.check(groups >= 1 && channels % groups == 0, "%s: num_groups %d does not divide the %d "
                + "channels", c.what(), groups, channels);
        if (!instance && scale.numel() == groups && groups != channels) {
            // opset 18's per-group scale and bias, before opset 21 made them per channel
            throw new Unsupported("a scale and bias per group (opset 18; Ridgeline counts the per-channel form)");
        }
        BadInputException.check(scale.numel() == channels, "%s: a scale of %d elements for %d channels", c.what(),
                scale.numel(), channels);
        return c.emit(new GroupNorm(channels, groups, true), x);
    }

    /** ReduceSum, ReduceMax, ..., ArgMax and ArgMin: axes from the attribute or input 1 (every axis if none). */
    static Value reduce(NodeContext c) {
        Value x = c.data(0);
        Reduce.Function f = REDUCTIONS.get(c.type());
        long[] axes;
        if (f == Reduce.Function.ARG_MAX || f == Reduce.Function.ARG_MIN) {
            // select_last_index picks among equal values: no count changes
            axes = new long[] {c.attributes().integer("axis", 0)};
        } else {
            List<Tensor> constants = new ArrayList<>();
            constants.add(null);
            for (int i = 1; i < c.inputCount(); i++) {
                constants.add(c.input(i) == null ? null : c.constant(i, "axes"));
            }
            axes = Shapes.axes(c.attributes(), constants);
            if (axes.length == 0) {
                if (c.attributes().integer("noop_with_empty_axes", 0) != 0) {
                    return c.emit(new dev.ridgeline.core.op.Identity(), x);
                }
                axes = java.util.stream.LongStream.range(0, x.shape().rank()).toArray();
            }
        }
        boolean keep = c.attributes().integer("keepdims", 1) != 0;
        return c.emit(new Reduce(f, Arrays.stream(axes).mapToInt(Math::toIntExact).boxed().toList(), keep), x);
    }

    /** GlobalMaxPool of N x C x H x W: a max pooling whose window is the whole map. */
    static Value globalMaxPool(NodeContext c) {
        Value x = c.data(0);
        Shape s = x.shape();
        if (s.rank() != 4) {
            throw new Unsupported("a global pooling of a rank-" + s.rank() + " tensor");
        }
        Window whole = new Window(s.height(), s.width(), 1, 1, 1, 1, Padding.NONE);
        return c.emit(new Pool2d(true, whole, false, true), x);
    }

    /** Tile by constant repeats. */
    static Value tile(NodeContext c) {
        Value x = c.data(0);
        long[] repeats = c.constant(1, "repeats").longs();
        BadInputException.check(repeats.length == x.shape().rank(), "%s: %d repeats for a rank-%d input", c.what(),
                repeats.length, x.shape().rank());
        return BatchAxis.tile(c, x, Arrays.stream(repeats).mapToInt(Math::toIntExact).boxed().toList());
    }

    /** Expand to a constant shape: a tile of the size-1 axes (rank growth and batch growth are not modelled). */
    static Value expand(NodeContext c) {
        Value x = c.data(0);
        long[] in = Arrays.stream(x.shape().toArray()).asLongStream().toArray();
        long[] out = Indexing.broadcast(in, c.constant(1, "shape").longs());
        if (Arrays.equals(in, out)) {
            return c.emit(new dev.ridgeline.core.op.Identity(), x);
        }
        if (out.length > in.length) {
            // leading axes of 1 first, as broadcasting aligns from the right
            List<Integer> ranked = new ArrayList<>();
            for (int i = 0; i < out.length; i++) {
                int from = i - (out.length - in.length);
                ranked.add(from < 0 ? 1 : Math.toIntExact(in[from]));
            }
            x = BatchAxis.reshape(c, "rank", x, ranked);
            in = ranked.stream().mapToLong(Integer::longValue).toArray();
        }
        List<Integer> repeats = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            repeats.add(Math.toIntExact(out[i] / in[i]));
        }
        return BatchAxis.tile(c, x, repeats);
    }

    /**
     * DepthToSpace (DCR or CRD) and SpaceToDepth of N x C x H x W by blocksize b, as ONNX defines them: a
     * reshape to rank 6, a transpose, a reshape back (NAME:split, NAME:move, NAME).
     */
    static Value depthSpace(NodeContext c, boolean toSpace) {
        Value x = c.data(0);
        Shape s = x.shape();
        if (s.rank() != 4) {
            throw new Unsupported("a rank-" + s.rank() + " input (ONNX defines it on N x C x H x W)");
        }
        int b = Math.toIntExact(c.attributes().integer("blocksize", 0));
        BadInputException.check(b >= 1, "%s needs a blocksize of at least 1", c.what());
        int ch = s.channels();
        int h = s.height();
        int w = s.width();
        List<Integer> grouped;
        List<Integer> perm;
        List<Integer> merged;
        if (toSpace) {
            BadInputException.check(ch % (b * b) == 0, "%s: blocksize %d squared does not divide %d channels",
                    c.what(), b, ch);
            boolean crd = "CRD".equals(c.attributes().text("mode", "DCR"));
            grouped = crd ? List.of(0, ch / (b * b), b, b, h, w) : List.of(0, b, b, ch / (b * b), h, w);
            perm = crd ? List.of(0, 1, 4, 2, 5, 3) : List.of(0, 3, 4, 1, 5, 2);
            merged = List.of(0, ch / (b * b), h * b, w * b);
        } else {
            BadInputException.check(h % b == 0 && w % b == 0, "%s: blocksize %d does not divide %dx%d", c.what(), b,
                    h, w);
            grouped = List.of(0, ch, h / b, b, w / b, b);
            perm = List.of(0, 3, 5, 1, 2, 4);
            merged = List.of(0, ch * b * b, h / b, w / b);
        }
        Value split = c.emitPart("split", new Reshape(grouped), x);
        Value moved = c.emitPart("move", new Transpose(perm), split);
        return c.emit(new Reshape(merged), moved);
    }

    /**
     * Gather of computed data by constant indices: a scalar index is a slice and a squeeze of that axis; a list
     * of indices one slice per run of consecutive indices, concatenated. Deeper index tensors are not modelled.
     */
    static Value gather(NodeContext c) {
        Value x = c.data(0);
        Tensor indices = c.constant(1, "indices");
        int rank = x.shape().rank();
        int axis = Indexing.axis(c.attributes().integer("axis", 0), rank, c.what());
        int n = x.shape().dim(axis);
        long[] idx = indices.longs();
        for (int k = 0; k < idx.length; k++) {
            BadInputException.check(idx[k] >= -n && idx[k] < n, "%s: index %d is out of range for size %d", c.what(),
                    idx[k], n);
            idx[k] = idx[k] < 0 ? idx[k] + n : idx[k];
        }
        if (indices.rank() == 0) {
            Value one = c.emitPart("slice", slice(axis, idx[0], idx[0] + 1), x);
            if (axis == 0 || rank == 1) {
                List<Integer> dims = new ArrayList<>(BatchAxis.dims(one.shape()));
                dims.remove(axis);
                if (dims.isEmpty()) {
                    throw new Unsupported("it picks one element of a vector (a scalar result)");
                }
                return BatchAxis.reshape(c, null, one, dims);
            }
            return c.emit(new Squeeze(List.of(axis)), one);
        }
        if (idx.length == 0) {
            throw new Unsupported("empty indices (an empty result)");
        }
        List<long[]> runs = new ArrayList<>();
        for (long i : idx) {
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1] == i) {
                last[1]++;
            } else {
                runs.add(new long[] {i, i + 1});
            }
        }
        boolean deep = indices.rank() > 1;
        Value flat;
        if (runs.size() == 1) {
            Slice s = slice(axis, runs.get(0)[0], runs.get(0)[1]);
            flat = deep ? c.emitPart("take", s, x) : c.emit(s, x);
        } else {
            List<Value> parts = new ArrayList<>();
            for (int k = 0; k < runs.size(); k++) {
                parts.add(c.emitPart("run" + k, slice(axis, runs.get(k)[0], runs.get(k)[1]), x));
            }
            flat = axis == 0 ? BatchAxis.concat(c, parts) : c.emit(new Concat(axis), parts.toArray(Value[]::new));
        }
        if (!deep) {
            return flat;
        }
        // indices of rank 2 or more: the taken rows, the index dimensions in place of the gathered axis
        List<Integer> dims = new ArrayList<>(BatchAxis.dims(x.shape()).subList(0, axis));
        indices.dimList().forEach(dims::add);
        dims.addAll(BatchAxis.dims(x.shape()).subList(axis + 1, rank));
        return BatchAxis.reshape(c, "index", flat, dims);
    }

    private static Slice slice(int axis, long start, long end) {
        return new Slice(List.of(axis), List.of(start), List.of(end), List.of(1L));
    }
}
