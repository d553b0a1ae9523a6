package dev.ridgeline.core.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An element-wise binary function with NumPy broadcasting: either of two tensors (sub, div, pow; add and
 * mul of two tensors are {@link Add} and {@link Mul}), or of one tensor and a constant stored in the model
 * ({@code x + 3}, {@code x / 6}, a per-channel scale). A constant with more than one element is a learned
 * tensor and counts as parameters; a scalar is a literal and does not.
 *
 * @param constantDims the constant operand's dimensions (empty for a scalar), or null when both operands
 *                     are tensors the network computes
 */
public record Elementwise(Function function, List<Integer> constantDims) implements Op {
    /** The binary functions. */
    public enum Function {
        ADD("add"), SUB("sub"), MUL("mul"), DIV("div"), POW("pow"),
        /** The functions below come from imported ONNX files; comparisons and logic make boolean masks. */
        MAX("max"), MIN("min"), MOD("mod"), PRELU("prelu"), EQUAL("equal"), LESS("less"), LESS_OR_EQUAL("less_equal"),
        GREATER("greater"), GREATER_OR_EQUAL("greater_equal"), AND("and"), OR("or"), XOR("xor");

        private final String id;

        Function(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Elementwise {
        if (function == null) {
            throw new IllegalArgumentException("function is required");
        }
        if (constantDims != null) {
            constantDims = List.copyOf(constantDims);
            if (constantDims.stream().anyMatch(d -> d < 1)) {
                throw new IllegalArgumentException("constant dimensions must be at least 1, got " + constantDims);
            }
        }
    }

    /** Of two computed tensors. */
    public static Elementwise of(Function function) {
        return new Elementwise(function, null);
    }

    /** Of one computed tensor and a constant of these dimensions (empty for a scalar). */
    public static Elementwise withConstant(Function function, List<Integer> constantDims) {
        return new Elementwise(function, constantDims);
    }

    public boolean hasConstant() {
        return constantDims != null;
    }

    /** Elements of the constant operand (1 for a scalar, 0 without one). */
    public long constantElements() {
        if (constantDims == null) {
            return 0;
        }
        long n = 1;
        for (int d : constantDims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public OpKind kind() {
        return OpKind.ELEMENTWISE;
    }

    @Override
    public String type() {
        return function.id();
    }

    @Override
    public Arity arity() {
        return hasConstant() ? Arity.ONE : Arity.TWO;
    }

    @Override
    public long params() {
        long n = constantElements();
        return n > 1 ? n : 0;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        if (hasConstant()) {
            a.put("constant", constantDims);
        }
        return a;
    }
}
