package dev.ridgeline.core.expr;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An arithmetic expression of a model file's block parameters: whole numbers and decimals, {@code $name}s,
 * {@code + - * //} (floor division, as Python's), parentheses, {@code min}, {@code max}, {@code round}
 * (half to even, as Python's), {@code ceil} (up to the next whole number) and {@code make_divisible(v, divisor[, min])} (torchvision's rounding of
 * channel counts), comparisons, {@code and}, {@code or}, {@code not}. Whole numbers stay exact 64-bit
 * integers (an overflow is an error); a decimal operand makes the result a decimal.
 */
public final class Expression {
    private final String text;
    private final Term root;

    private Expression(String text, Term root) {
        this.text = text;
        this.root = root;
    }

    /** @throws ExpressionException on a syntax error */
    public static Expression parse(String text) {
        return new Expression(text, Parser.parse(text));
    }

    public String text() {
        return text;
    }

    /** The $names it reads, sorted. */
    public List<String> names() {
        TreeSet<String> out = new TreeSet<>();
        collect(root, out);
        return List.copyOf(out);
    }

    private static void collect(Term t, TreeSet<String> out) {
        if (t instanceof Term.Name n) {
            out.add(n.name());
        } else if (t instanceof Term.Unary u) {
            collect(u.operand(), out);
        } else if (t instanceof Term.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (t instanceof Term.Call c) {
            c.args().forEach(a -> collect(a, out));
        }
    }

    /**
     * The value: a Long, a Double, a Boolean or a String (a parameter's text). {@code names} gives a
     * parameter's value (a Number, Boolean or String), or empty for a name it does not know.
     *
     * @throws ExpressionException naming the offending name or value
     */
    public Object evaluate(Function<String, Optional<Object>> names) {
        return new Evaluator(names).value(root);
    }

    /** The value as a whole number, as a count needs (a decimal that is whole, such as 32.0, is accepted). */
    public long evaluateWhole(Function<String, Optional<Object>> names) {
        Object v = evaluate(names);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p62) {
            return (long) (double) d;
        }
        throw new ExpressionException(0, "'" + text + "' is " + Evaluator.describe(v)
                + ", not a whole number" + (v instanceof Double ? " (round(...) or // make one)" : ""));
    }

    /** The value as a condition. */
    public boolean evaluateCondition(Function<String, Optional<Object>> names) {
        Object v = evaluate(names);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ExpressionException(0, "'" + text + "' is " + Evaluator.describe(v)
                + ", not true or false (compare it: == != < <= > >=)");
    }

    @Override
    public String toString() {
        return text;
    }
}
