package dev.ridgeline.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Evaluates a term tree: exact integer arithmetic on Longs, IEEE arithmetic once a Double is involved. */
final class Evaluator {
    private final Function<String, Optional<Object>> names;

    Evaluator(Function<String, Optional<Object>> names) {
        this.names = names;
    }

    Object value(Term t) {
        if (t instanceof Term.Literal l) {
            return l.value();
        } else if (t instanceof Term.Name n) {
            Object v = names.apply(n.name()).orElseThrow(() -> new ExpressionException(n.offset(),
                    "unknown parameter '$" + n.name() + "'"));
            if (v instanceof Integer i) {
                return (long) i;
            }
            if (v instanceof Float f) {
                return (double) f;
            }
            return v;
        } else if (t instanceof Term.Unary u) {
            Object v = value(u.operand());
            if (u.op().equals("not")) {
                return !bool(v, u.operand());
            }
            Object x = number(v, u.operand());
            return x instanceof Long l ? exact(() -> Math.negateExact(l), u) : -(Double) x;
        } else if (t instanceof Term.Binary b) {
            return binary(b);
        } else if (t instanceof Term.Call c) {
            return call(c);
        }
        throw new IllegalStateException("unknown term " + t);
    }

    private Object binary(Term.Binary b) {
        if (b.op().equals("and")) {
            return bool(value(b.left()), b.left()) && bool(value(b.right()), b.right());
        }
        if (b.op().equals("or")) {
            return bool(value(b.left()), b.left()) || bool(value(b.right()), b.right());
        }
        Object l = value(b.left());
        Object r = value(b.right());
        if (b.op().equals("==") || b.op().equals("!=")) {
            boolean equal = l instanceof Number && r instanceof Number
                    ? compare(l, r) == 0 : l.equals(r);
            return b.op().equals("==") == equal;
        }
        Object x = number(l, b.left());
        Object y = number(r, b.right());
        switch (b.op()) {
            case "<": return compare(x, y) < 0;
            case "<=": return compare(x, y) <= 0;
            case ">": return compare(x, y) > 0;
            case ">=": return compare(x, y) >= 0;
            default: break;
        }
        if (b.op().equals("//") && (y instanceof Long ly ? ly == 0 : (Double) y == 0)) {
            throw new ExpressionException(b.right().offset(), "division by zero: " + source(b.right()) + " is 0");
        }
        if (x instanceof Long a && y instanceof Long c) {
            return switch (b.op()) {
                case "+" -> exact(() -> Math.addExact(a, c), b);
                case "-" -> exact(() -> Math.subtractExact(a, c), b);
                case "*" -> exact(() -> Math.multiplyExact(a, c), b);
                case "//" -> Math.floorDiv(a, c);
                default -> throw new IllegalStateException(b.op());
            };
        }
        double a = ((Number) x).doubleValue();
        double c = ((Number) y).doubleValue();
        return switch (b.op()) {
            case "+" -> a + c;
            case "-" -> a - c;
            case "*" -> a * c;
            case "//" -> Math.floor(a / c);
            default -> throw new IllegalStateException(b.op());
        };
    }

    private Object call(Term.Call c) {
        List<Object> args = new ArrayList<>();
        for (Term a : c.args()) {
            args.add(number(value(a), a));
        }
        switch (c.function()) {
            case "min", "max" -> {
                arity(c, 2, Integer.MAX_VALUE, "two or more values");
                Object best = args.get(0);
                for (Object a : args.subList(1, args.size())) {
                    int cmp = compare(a, best);
                    if (c.function().equals("min") ? cmp < 0 : cmp > 0) {
                        best = a;
                    }
                }
                return best;
            }
            case "round" -> {
                arity(c, 1, 1, "one value");
                Object v = args.get(0);
                return v instanceof Long ? v : (long) Math.rint((Double) v);
            }
            case "ceil" -> {
                arity(c, 1, 1, "one value");
                Object v = args.get(0);
                return v instanceof Long ? v : (long) Math.ceil((Double) v);
            }
            case "make_divisible" -> {
                arity(c, 2, 3, "a value, a divisor and an optional minimum");
                Object d = args.get(1);
                if (!(d instanceof Long divisor) || divisor < 1) {
                    throw new ExpressionException(c.args().get(1).offset(), "make_divisible's divisor must be a whole"
                            + " number of at least 1, got " + describe(d));
                }
                Object min = args.size() == 3 ? args.get(2) : null;
                if (min != null && !(min instanceof Long)) {
                    throw new ExpressionException(c.args().get(2).offset(), "make_divisible's minimum must be a"
                            + " whole number, got " + describe(min));
                }
                return makeDivisible(((Number) args.get(0)).doubleValue(), divisor, (Long) min);
            }
            default -> throw new IllegalStateException(c.function());
        }
    }

    /**
     * torchvision's _make_divisible: the multiple of {@code divisor} nearest to v (halves up), at least
     * {@code min} (the divisor by default), and one divisor more if that lost over 10% of v.
     */
    static long makeDivisible(double v, long divisor, Long min) {
        long minValue = min == null ? divisor : min;
        long rounded = Math.floorDiv((long) (v + divisor / 2.0), divisor) * divisor;
        long result = Math.max(minValue, rounded);
        if (result < 0.9 * v) {
            result += divisor;
        }
        return result;
    }

    private static void arity(Term.Call c, int min, int max, String wanted) {
        if (c.args().size() < min || c.args().size() > max) {
            throw new ExpressionException(c.offset(), c.function() + " takes " + wanted + ", got "
                    + c.args().size());
        }
    }

    private static int compare(Object x, Object y) {
        if (x instanceof Long a && y instanceof Long b) {
            return Long.compare(a, b);
        }
        return Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
    }

    private static Object number(Object v, Term at) {
        if (v instanceof Long || v instanceof Double) {
            return v;
        }
        throw new ExpressionException(at.offset(), source(at) + " is " + describe(v) + ", not a number");
    }

    private static boolean bool(Object v, Term at) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ExpressionException(at.offset(), source(at) + " is " + describe(v) + ", not true or false");
    }

    private static Object exact(java.util.function.LongSupplier f, Term at) {
        try {
            return f.getAsLong();
        } catch (ArithmeticException e) {
            throw new ExpressionException(at.offset(), "the value overflows a 64-bit whole number");
        }
    }

    private static String source(Term t) {
        return t instanceof Term.Name n ? "'$" + n.name() + "'" : "the value at offset " + t.offset();
    }

    static String describe(Object v) {
        if (v instanceof String s) {
            return "the text '" + s + "'";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) ? String.valueOf(d) : String.valueOf(d);
        }
        return String.valueOf(v);
    }
}
