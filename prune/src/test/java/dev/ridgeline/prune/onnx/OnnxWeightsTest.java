package dev.ridgeline.prune.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A weight tensor whose values do not fill its dims is bad input naming the initializer, not a crash. */
class OnnxWeightsTest {
    private static TensorProto.Builder conv(long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName("conv1.weight")
                .setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        return t;
    }

    @Test
    void floatsReadsRawAndFloatDataThatFillTheDims() {
        float[] values = {1f, -2f, 3.5f, 4f};
        TensorProto raw = OnnxWeights.tensor(conv(2, 2).build(), List.of(2L, 2L), values);
        assertArrayEquals(values, OnnxWeights.floats(raw));
        TensorProto listed = conv(2, 2).addFloatData(1f).addFloatData(-2f).addFloatData(3.5f).addFloatData(4f)
                .build();
        assertArrayEquals(values, OnnxWeights.floats(listed));
    }

    @Test
    void tooFewFloatDataValuesAreBadInput() {
        TensorProto t = conv(2, 3).addFloatData(1f).addFloatData(2f).build();
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxWeights.floats(t));
        assertTrue(e.getMessage().contains("'conv1.weight'") && e.getMessage().contains("float_data holds 2 values")
                && e.getMessage().contains("need 6"), e.getMessage());
    }

    @Test
    void tooFewRawBytesAreBadInput() {
        TensorProto t = conv(4, 4).setRawData(shade.com.google.protobuf.ByteString.copyFrom(new byte[12])).build();
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxWeights.floats(t));
        assertTrue(e.getMessage().contains("raw_data holds 12 bytes") && e.getMessage().contains("need 16"),
                e.getMessage());
    }

    @Test
    void negativeOrHugeDimsAreBadInput() {
        TensorProto negative = conv(-1, 3).addFloatData(1f).build();
        assertThrows(BadInputException.class, () -> OnnxWeights.floats(negative));
        TensorProto huge = conv(1L << 20, 1L << 20).addFloatData(1f).build();
        assertThrows(BadInputException.class, () -> OnnxWeights.floats(huge));
    }
}
