package dev.ridgeline.core.io.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import dev.ridgeline.core.BadInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A constant tensor of an ONNX graph: an initializer, a Constant node's value or a folded result. Its
 * dimensions are always known; its values are decoded only when folding or an attribute needs them
 * (weights are never decoded), as integers or as reals depending on the element type.
 */
final class Tensor {
    private final String name;
    private final long[] dims;
    private final boolean real;
    private final TensorProto source;
    private final boolean learned;
    private boolean dequantized;
    private long[] ints;
    private double[] reals;

    private Tensor(String name, long[] dims, boolean real, TensorProto source, long[] ints, double[] reals,
                   boolean learned) {
        this.name = name;
        this.dims = dims;
        this.real = real;
        this.source = source;
        this.ints = ints;
        this.reals = reals;
        this.learned = learned;
    }

    /**
     * True for values stored in the file (initializers, Constant nodes) and what is computed from them alone;
     * false for values a shape computation generates (ConstantOfShape's fill, Range, a Shape, an expanded
     * scalar), which are not learned parameters.
     */
    boolean learned() {
        return learned;
    }

    /** The same tensor, marked as learned or generated. */
    Tensor learned(boolean value) {
        if (value == learned) {
            return this;
        }
        Tensor t = new Tensor(name, dims, real, source, ints, reals, value);
        t.dequantized = dequantized;
        return t;
    }

    /** True when every element has the same value (a fill); decodes the values. */
    boolean uniform() {
        int n = Math.toIntExact(numel());
        for (int i = 1; i < n; i++) {
            if (realAt(i) != realAt(0) && !(Double.isNaN(realAt(i)) && Double.isNaN(realAt(0)))) {
                return false;
            }
        }
        return true;
    }

    static Tensor of(TensorProto proto, String name) {
        int type = proto.getDataType();
        long[] dims = proto.getDimsList().stream().mapToLong(Long::longValue).toArray();
        for (long d : dims) {
            BadInputException.check(d >= 0, "tensor '%s' has a negative dimension in %s", name, Arrays.toString(dims));
        }
        boolean real = type == DataType.FLOAT_VALUE || type == DataType.DOUBLE_VALUE
                || type == DataType.FLOAT16_VALUE || type == DataType.BFLOAT16_VALUE;
        return new Tensor(name, dims, real, proto, null, null, true);
    }

    static Tensor ofInts(long[] dims, long[] values) {
        return new Tensor("", dims.clone(), false, null, values, null, false);
    }

    static Tensor ofReals(long[] dims, double[] values) {
        return new Tensor("", dims.clone(), true, null, null, values, false);
    }

    /** A constant whose dimensions are known but whose values Ridgeline does not compute (dequantized weights). */
    static Tensor shapeOnly(long[] dims, boolean real) {
        return new Tensor("", dims.clone(), real, null, null, null, true);
    }

    /** The real tensor a DequantizeLinear makes of stored integer weights: its layer's weights are INT8. */
    static Tensor dequantized(long[] dims) {
        Tensor t = new Tensor("", dims.clone(), true, null, null, null, true);
        t.dequantized = true;
        return t;
    }

    /** True for weights stored as integers and dequantized in the graph (a QDQ model's INT8 weights). */
    boolean isDequantized() {
        return dequantized;
    }

    static Tensor scalar(long value) {
        return ofInts(new long[0], new long[] {value});
    }

    long[] dims() {
        return dims.clone();
    }

    int rank() {
        return dims.length;
    }

    long dim(int axis) {
        return dims[axis];
    }

    boolean isReal() {
        return real;
    }

    long numel() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The dimensions as ints, for IR ops. */
    List<Integer> dimList() {
        List<Integer> out = new ArrayList<>();
        for (long d : dims) {
            out.add(Math.toIntExact(d));
        }
        return out;
    }

    long intAt(int i) {
        return real ? (long) reals()[i] : ints()[i];
    }

    double realAt(int i) {
        return real ? reals()[i] : ints()[i];
    }

    /** Every value as a long (reals truncated). */
    long[] longs() {
        if (!real) {
            return ints().clone();
        }
        return Arrays.stream(reals()).mapToLong(v -> (long) v).toArray();
    }

    double[] doubles() {
        return real ? reals().clone() : Arrays.stream(ints()).asDoubleStream().toArray();
    }

    /** The same values under other dimensions (reshape, squeeze, unsqueeze, identity). */
    Tensor withDims(long[] newDims) {
        return real ? ofReals(newDims, reals()) : ofInts(newDims, ints());
    }

    /** A tensor of the same kind whose element k is this one's element {@code from[k]}. */
    Tensor select(long[] newDims, int[] from) {
        if (real) {
            double[] src = reals();
            double[] out = new double[from.length];
            for (int k = 0; k < from.length; k++) {
                out[k] = src[from[k]];
            }
            return ofReals(newDims, out);
        }
        long[] src = ints();
        long[] out = new long[from.length];
        for (int k = 0; k < from.length; k++) {
            out[k] = src[from[k]];
        }
        return ofInts(newDims, out);
    }

    private long[] ints() {
        if (ints == null) {
            decode();
        }
        return ints;
    }

    private double[] reals() {
        if (reals == null) {
            decode();
        }
        return reals;
    }

    private void decode() {
        BadInputException.check(source != null, "the values of a tensor computed from weights (%s) are needed to "
                + "fold a shape computation, and Ridgeline does not evaluate the op that made it", this);
        BadInputException.check(source.getDataLocation() != TensorProto.DataLocation.EXTERNAL,
                "the values of tensor '%s' are stored outside the .onnx file (external data), and Ridgeline needs "
                        + "them to fold a shape computation; re-export with the data inside the file", name);
        int n = Math.toIntExact(numel());
        int type = source.getDataType();
        BadInputException.check(type != DataType.STRING_VALUE && type != DataType.COMPLEX64_VALUE
                && type != DataType.COMPLEX128_VALUE, "tensor '%s' holds %s elements; Ridgeline reads numbers only",
                name, DataType.forNumber(type));
        if (!source.getRawData().isEmpty()) {
            ByteBuffer b = source.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            int width = width(type);
            BadInputException.check(b.remaining() == (long) n * width, "tensor '%s' has %d bytes of data for %d "
                    + "elements of %d bytes: the file is damaged", name, b.remaining(), n, width);
            if (real) {
                reals = new double[n];
                for (int i = 0; i < n; i++) {
                    reals[i] = switch (type) {
                        case DataType.FLOAT_VALUE -> b.getFloat();
                        case DataType.DOUBLE_VALUE -> b.getDouble();
                        case DataType.FLOAT16_VALUE -> half(b.getShort());
                        default -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
                    };
                }
            } else {
                ints = new long[n];
                for (int i = 0; i < n; i++) {
                    ints[i] = switch (type) {
                        case DataType.INT64_VALUE, DataType.UINT64_VALUE -> b.getLong();
                        case DataType.INT32_VALUE -> b.getInt();
                        case DataType.UINT32_VALUE -> b.getInt() & 0xffffffffL;
                        case DataType.INT16_VALUE -> b.getShort();
                        case DataType.UINT16_VALUE -> b.getShort() & 0xffff;
                        case DataType.INT8_VALUE -> b.get();
                        default -> b.get() & 0xff;
                    };
                }
            }
            return;
        }
        if (real) {
            reals = switch (type) {
                case DataType.FLOAT_VALUE -> source.getFloatDataList().stream().mapToDouble(Float::doubleValue).toArray();
                case DataType.DOUBLE_VALUE -> source.getDoubleDataList().stream().mapToDouble(Double::doubleValue)
                        .toArray();
                case DataType.FLOAT16_VALUE -> source.getInt32DataList().stream().mapToDouble(v -> half(v.shortValue()))
                        .toArray();
                default -> source.getInt32DataList().stream().mapToDouble(v -> Float.intBitsToFloat(v << 16)).toArray();
            };
        } else {
            ints = switch (type) {
                case DataType.INT64_VALUE -> source.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
                case DataType.UINT32_VALUE, DataType.UINT64_VALUE -> source.getUint64DataList().stream()
                        .mapToLong(Long::longValue).toArray();
                default -> source.getInt32DataList().stream().mapToLong(Integer::longValue).toArray();
            };
        }
        int count = real ? reals.length : ints.length;
        BadInputException.check(count == n, "tensor '%s' has %d values for its %d elements: the file is damaged",
                name, count, n);
    }

    private static int width(int type) {
        return switch (type) {
            case DataType.INT64_VALUE, DataType.UINT64_VALUE, DataType.DOUBLE_VALUE -> 8;
            case DataType.INT32_VALUE, DataType.UINT32_VALUE, DataType.FLOAT_VALUE -> 4;
            case DataType.INT16_VALUE, DataType.UINT16_VALUE, DataType.FLOAT16_VALUE, DataType.BFLOAT16_VALUE -> 2;
            default -> 1;
        };
    }

    /** IEEE 754 half precision to double. */
    private static double half(short bits) {
        int sign = (bits >> 15) & 1;
        int exponent = (bits >> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        double v;
        if (exponent == 0) {
            v = mantissa * Math.pow(2, -24);
        } else if (exponent == 31) {
            v = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            v = (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
        }
        return sign == 1 ? -v : v;
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "constant" : "'" + name + "'") + " " + Arrays.toString(dims);
    }
}
