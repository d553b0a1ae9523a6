package dev.ridgeline.core.io.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import shade.com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * How {@link OnnxWriter} fills the weights of a model that has none. {@code RANDOM}: FP32 values drawn from a
 * seeded generator (He-scaled normals for weights, so activations stay finite; batch-norm statistics 0 and 1),
 * the same bytes for the same model and seed. {@code SHAPES_ONLY}: dimensions without values, for reading the
 * structure back; runtimes reject such a file.
 */
public enum WeightFill {
    RANDOM, SHAPES_ONLY;

    /** The kind of values a tensor holds. */
    enum Role { WEIGHT, ZERO, ONE }

    TensorProto tensor(String name, long[] dims, Role role, long fanIn, SplittableRandom random) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        long numel = 1;
        for (long d : dims) {
            t.addDims(d);
            numel = Math.multiplyExact(numel, d);
        }
        if (this == SHAPES_ONLY) {
            return t.build();
        }
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(Math.multiplyExact(numel, 4L)))
                .order(ByteOrder.LITTLE_ENDIAN);
        double scale = Math.sqrt(2.0 / Math.max(1, fanIn));
        for (long i = 0; i < numel; i++) {
            bytes.putFloat(switch (role) {
                case WEIGHT -> (float) (random.nextGaussian() * scale);
                case ZERO -> 0f;
                case ONE -> 1f;
            });
        }
        return t.setRawData(ByteString.copyFrom(bytes.array())).build();
    }
}
