package dev.ridgeline.search.prune.onnx;

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
}
