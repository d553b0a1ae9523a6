package dev.ridgeline.core.io.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import dev.ridgeline.core.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Evaluates the ONNX ops of shape computations (Shape -> Gather -> Concat -> Reshape and the like) on
 * constant inputs, so that a Reshape's target or a Resize's sizes are known when the graph is read. An
 * absent optional input is null. Ops it does not know are left to the caller.
 */
final class ConstantFolder {
    private ConstantFolder() {
    }

    /**
     * Whether the op's result is a learned tensor: ops that generate values (a fill, a range, a shape, an
     * expanded scalar) make none; the rest keep their inputs' (a transposed or dequantized weight is a weight).
     */
    static boolean keepsLearned(String op, List<Tensor> in) {
        return switch (op) {
            case "ConstantOfShape", "Range", "Shape", "Size", "EyeLike", "RandomNormalLike", "RandomUniformLike" -> false;
            case "Expand", "Tile" -> in.get(0) != null && in.get(0).learned() && in.get(0).numel() > 1;
            default -> in.stream().anyMatch(t -> t != null && t.learned());
        };
    }

    /** The outputs of the op on these constants, or empty when the op is not one this folder evaluates. */
    static Optional<List<Tensor>> fold(String op, Attributes a, List<Tensor> in, int opset, String what) {
        return fold(op, a, in, opset, what, 1);
    }

    /** As above, for a node of {@code outputs} outputs (a Split without sizes makes that many parts). */
    static Optional<List<Tensor>> fold(String op, Attributes a, List<Tensor> in, int opset, String what, int outputs) {
        Tensor x = in.isEmpty() ? null : in.get(0);
        if (op.equals("Split")) {
            return Optional.of(LayoutFolds.split(x, a, in, what, outputs));
        }
        Tensor out = switch (op) {
            case "Identity", "Dropout" -> x;
            // weights of a quantized export: their dimensions are what counting needs
            case "DequantizeLinear" -> x.isReal() ? Tensor.shapeOnly(x.dims(), true) : Tensor.dequantized(x.dims());
            case "QuantizeLinear" -> Tensor.shapeOnly(x.dims(), false);
            case "Cast" -> cast(x, (int) a.integer("to", DataType.FLOAT_VALUE));
            case "CastLike" -> in.get(1).isReal() ? Tensor.ofReals(x.dims(), x.doubles())
                    : Tensor.ofInts(x.dims(), x.longs());
            case "Tile" -> LayoutFolds.tile(x, in.get(1).longs(), what);
            case "Sum" -> binary(in, Math::addExact, Double::sum);
            case "And" -> compare(in, (p, q) -> p != 0 && q != 0);
            case "Or" -> compare(in, (p, q) -> p != 0 || q != 0);
            case "Xor" -> compare(in, (p, q) -> (p != 0) != (q != 0));
            case "Sign" -> unary(x, Math::signum, x.isReal());
            case "Round" -> unary(x, Math::rint, x.isReal());
            case "ConstantOfShape" -> constantOfShape(x, a, what);
            case "Shape" -> Shapes.shapeOf(x.dims(), a, what);
            case "Size" -> Tensor.scalar(x.numel());
            case "Gather" -> LayoutFolds.gather(x, in.get(1), a.integer("axis", 0), what);
            case "Concat" -> LayoutFolds.concat(in, a.integer("axis", 0), what);
            case "Unsqueeze" -> x.withDims(Shapes.unsqueezed(x.dims(), Shapes.axes(a, in), what));
            case "Squeeze" -> x.withDims(Shapes.squeezed(x.dims(), Shapes.axes(a, in), what));
            case "Reshape" -> x.withDims(Shapes.reshaped(x.dims(), in.get(1).longs(), what));
            case "Flatten" -> x.withDims(Shapes.flattened(x.dims(), a.integer("axis", 1), what));
            case "Transpose" -> LayoutFolds.transpose(x, a);
            case "Slice" -> LayoutFolds.slice(x, Shapes.SliceSpec.of(a, in, opset, x.rank(), what));
            case "Expand" -> {
                long[] dims = Indexing.broadcast(x.dims(), in.get(1).longs());
                yield x.select(dims, Indexing.broadcastSource(dims, x.dims()));
            }
            case "Range" -> range(in.get(0), in.get(1), in.get(2));
            case "Add" -> binary(in, Math::addExact, Double::sum);
            case "Sub" -> binary(in, Math::subtractExact, (p, q) -> p - q);
            case "Mul" -> binary(in, Math::multiplyExact, (p, q) -> p * q);
            case "Div" -> binary(in, (p, q) -> {
                BadInputException.check(q != 0, "%s divides by zero", what);
                return p / q;
            }, (p, q) -> p / q);
            case "Mod" -> binary(in, Math::floorMod, (p, q) -> p - Math.floor(p / q) * q);
            case "Pow" -> binary(in, (p, q) -> (long) Math.pow(p, q), Math::pow);
            case "Max" -> binary(in, Math::max, Math::max);
            case "Min" -> binary(in, Math::min, Math::min);
            case "Equal" -> compare(in, (p, q) -> p == q);
            case "Less" -> compare(in, (p, q) -> p < q);
            case "LessOrEqual" -> compare(in, (p, q) -> p <= q);
            case "Greater" -> compare(in, (p, q) -> p > q);
            case "GreaterOrEqual" -> compare(in, (p, q) -> p >= q);
            case "Where" -> where(in.get(0), in.get(1), in.get(2));
            case "Not" -> unary(x, v -> v == 0 ? 1 : 0, false);
            case "Neg" -> unary(x, v -> -v, x.isReal());
            case "Abs" -> unary(x, Math::abs, x.isReal());
            case "Floor" -> unary(x, Math::floor, x.isReal());
            case "Ceil" -> unary(x, Math::ceil, x.isReal());
            case "Sqrt" -> unary(x, Math::sqrt, true);
            case "Reciprocal" -> unary(x, v -> 1 / v, true);
            case "Relu" -> unary(x, v -> Math.max(v, 0), x.isReal());
            case "ReduceProd" -> reduce(x, a, in, opset, what, 1, (p, q) -> p * q);
            case "ReduceSum" -> reduce(x, a, in, opset, what, 0, Double::sum);
            default -> null;
        };
        if (out == null) {
            return Optional.empty();
        }
        return Optional.of(List.of(out));
    }

    private static Tensor cast(Tensor x, int to) {
        boolean real = to == DataType.FLOAT_VALUE || to == DataType.DOUBLE_VALUE || to == DataType.FLOAT16_VALUE
                || to == DataType.BFLOAT16_VALUE;
        if (to == DataType.BOOL_VALUE) {
            return Tensor.ofInts(x.dims(), Arrays.stream(x.doubles()).mapToLong(v -> v != 0 ? 1 : 0).toArray());
        }
        return real ? Tensor.ofReals(x.dims(), x.doubles()) : Tensor.ofInts(x.dims(), x.longs());
    }

    private static Tensor constantOfShape(Tensor shape, Attributes a, String what) {
        long[] dims = shape.longs();
        int n = Indexing.count(dims);
        Tensor value = a.tensor("value").map(t -> Tensor.of(t, what + " value")).orElse(null);
        if (value == null || value.isReal()) {
            double[] v = new double[n];
            Arrays.fill(v, value == null ? 0 : value.realAt(0));
            return Tensor.ofReals(dims, v);
        }
        long[] v = new long[n];
        Arrays.fill(v, value.intAt(0));
        return Tensor.ofInts(dims, v);
    }

    private static Tensor range(Tensor start, Tensor limit, Tensor delta) {
        boolean real = start.isReal() || limit.isReal() || delta.isReal();
        double s = start.realAt(0);
        double d = delta.realAt(0);
        int n = (int) Math.max(0, Math.ceil((limit.realAt(0) - s) / d));
        if (real) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = s + i * d;
            }
            return Tensor.ofReals(new long[] {n}, v);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = start.intAt(0) + i * delta.intAt(0);
        }
        return Tensor.ofInts(new long[] {n}, v);
    }

    private static Tensor binary(List<Tensor> in, LongBinaryOperator ints, DoubleBinaryOperator reals) {
        Tensor result = in.get(0);
        for (Tensor b : in.subList(1, in.size())) {
            Tensor a = result;
            long[] dims = Indexing.broadcast(a.dims(), b.dims());
            int[] sa = Indexing.broadcastSource(dims, a.dims());
            int[] sb = Indexing.broadcastSource(dims, b.dims());
            if (a.isReal() || b.isReal()) {
                double[] v = new double[sa.length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = reals.applyAsDouble(a.realAt(sa[k]), b.realAt(sb[k]));
                }
                result = Tensor.ofReals(dims, v);
            } else {
                long[] v = new long[sa.length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = ints.applyAsLong(a.intAt(sa[k]), b.intAt(sb[k]));
                }
                result = Tensor.ofInts(dims, v);
            }
        }
        return result;
    }

    private interface Comparison {
        boolean test(double a, double b);
    }

    private static Tensor compare(List<Tensor> in, Comparison c) {
        Tensor a = in.get(0);
        Tensor b = in.get(1);
        long[] dims = Indexing.broadcast(a.dims(), b.dims());
        int[] sa = Indexing.broadcastSource(dims, a.dims());
        int[] sb = Indexing.broadcastSource(dims, b.dims());
        long[] v = new long[sa.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = c.test(a.realAt(sa[k]), b.realAt(sb[k])) ? 1 : 0;
        }
        return Tensor.ofInts(dims, v);
    }

    private static Tensor where(Tensor cond, Tensor x, Tensor y) {
        long[] dims = Indexing.broadcast(Indexing.broadcast(cond.dims(), x.dims()), y.dims());
        int[] sc = Indexing.broadcastSource(dims, cond.dims());
        int[] sx = Indexing.broadcastSource(dims, x.dims());
        int[] sy = Indexing.broadcastSource(dims, y.dims());
        boolean real = x.isReal() || y.isReal();
        double[] reals = new double[sc.length];
        long[] ints = new long[sc.length];
        for (int k = 0; k < sc.length; k++) {
            boolean take = cond.realAt(sc[k]) != 0;
            reals[k] = take ? x.realAt(sx[k]) : y.realAt(sy[k]);
            ints[k] = take ? x.intAt(sx[k]) : y.intAt(sy[k]);
        }
        return real ? Tensor.ofReals(dims, reals) : Tensor.ofInts(dims, ints);
    }

    private static Tensor unary(Tensor x, java.util.function.DoubleUnaryOperator f, boolean real) {
        double[] v = Arrays.stream(x.doubles()).map(f).toArray();
        return real ? Tensor.ofReals(x.dims(), v) : Tensor.ofInts(x.dims(), Arrays.stream(v).mapToLong(d -> (long) d)
                .toArray());
    }

    private static Tensor reduce(Tensor x, Attributes a, List<Tensor> in, int opset, String what, double identity,
                                 DoubleBinaryOperator f) {
        int rank = x.rank();
        long[] axes = Shapes.axes(a, in);
        boolean[] reduced = new boolean[rank];
        if (axes.length == 0) {
            Arrays.fill(reduced, true);
        }
        for (long ax : axes) {
            reduced[Indexing.axis(ax, rank, what)] = true;
        }
        boolean keep = a.integer("keepdims", 1) == 1;
        long[] in0 = x.dims();
        long[] kept = new long[rank];
        for (int i = 0; i < rank; i++) {
            kept[i] = reduced[i] ? 1 : in0[i];
        }
        long[] keptStrides = Indexing.strides(kept);
        double[] acc = new double[Indexing.count(kept)];
        Arrays.fill(acc, identity);
        long[] index = new long[rank];
        double[] v = x.doubles();
        for (double value : v) {
            long flat = 0;
            for (int i = 0; i < rank; i++) {
                flat += (reduced[i] ? 0 : index[i]) * keptStrides[i];
            }
            acc[(int) flat] = f.applyAsDouble(acc[(int) flat], value);
            Indexing.increment(index, in0);
        }
        long[] dims = keep ? kept : Arrays.stream(kept).filter(d -> true).toArray();
        if (!keep) {
            List<Long> left = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                if (!reduced[i]) {
                    left.add(in0[i]);
                }
            }
            dims = left.stream().mapToLong(Long::longValue).toArray();
        }
        return x.isReal() ? Tensor.ofReals(dims, acc)
                : Tensor.ofInts(dims, Arrays.stream(acc).mapToLong(d -> (long) d).toArray());
    }
}
