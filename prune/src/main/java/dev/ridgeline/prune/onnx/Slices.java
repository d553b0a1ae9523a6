package dev.ridgeline.prune.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.List;

/** Row-major float tensors cut down to some indices along one axis. */
final class Slices {
    private Slices() {
    }

    static TensorProto along(TensorProto t, int axis, int[] keep) {
        List<Long> dims = new ArrayList<>(t.getDimsList());
        if (dims.get(axis) == keep.length) {
            return t;
        }
        float[] v = OnnxWeights.floats(t);
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= dims.get(i);
        }
        int n = Math.toIntExact(dims.get(axis));
        int inner = v.length / outer / n;
        float[] out = new float[outer * keep.length * inner];
        int p = 0;
        for (int o = 0; o < outer; o++) {
            for (int k : keep) {
                System.arraycopy(v, (o * n + k) * inner, out, p, inner);
                p += inner;
            }
        }
        dims.set(axis, (long) keep.length);
        return OnnxWeights.tensor(t, dims, out);
    }

    /**
     * The weights of a conv with {@code groups} groups (O x I/g x Kh x Kw) cut to the kept input channels
     * {@code keep} (indices among all I inputs, the same number in every group): the rows of group b keep
     * the inputs of block b, renumbered within it.
     */
    static TensorProto groupedInputs(TensorProto t, int groups, int[] keep) {
        List<Long> dims = new ArrayList<>(t.getDimsList());
        int rows = Math.toIntExact(dims.get(0));
        int perGroupIn = Math.toIntExact(dims.get(1));
        int inputs = perGroupIn * groups;
        int keptPerGroup = keep.length / groups;
        if (keptPerGroup == perGroupIn) {
            return t;
        }
        float[] v = OnnxWeights.floats(t);
        int inner = v.length / rows / perGroupIn;
        int rowsPerGroup = rows / groups;
        float[] out = new float[rows * keptPerGroup * inner];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            int b = r / rowsPerGroup;
            for (int j = 0; j < keptPerGroup; j++) {
                int local = keep[b * keptPerGroup + j] - b * (inputs / groups);
                System.arraycopy(v, (r * perGroupIn + local) * inner, out, p, inner);
                p += inner;
            }
        }
        dims.set(1, (long) keptPerGroup);
        return OnnxWeights.tensor(t, dims, out);
    }
}
