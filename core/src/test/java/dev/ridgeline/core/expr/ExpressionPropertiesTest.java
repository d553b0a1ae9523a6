package dev.ridgeline.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Expressions against Java's exact integer arithmetic and torchvision's _make_divisible. */
class ExpressionPropertiesTest {
    /** A random expression's text and the value Java computes for it (null when Java's exact arithmetic fails). */
    private record Generated(String text, Long value, boolean divByZero) {
    }

    private static final String[] NAMES = {"a", "b", "c", "in", "growth"};

    private static Generated generate(Random r, int depth, Map<String, Long> params) {
        if (depth == 0 || r.nextInt(4) == 0) {
            if (r.nextBoolean()) {
                String name = NAMES[r.nextInt(NAMES.length)];
                return new Generated("$" + name, params.get(name), false);
            }
            long v = r.nextInt(2001) - 1000;
            return new Generated(v < 0 ? "(" + v + ")" : Long.toString(v), v, false);
        }
        Generated x = generate(r, depth - 1, params);
        Generated y = generate(r, depth - 1, params);
        boolean zero = x.divByZero() || y.divByZero();
        Long a = x.value();
        Long b = y.value();
        int op = r.nextInt(7);
        String text;
        Long value = null;
        switch (op) {
            case 0 -> {
                text = x.text() + " + " + y.text();
                value = a == null || b == null ? null : exact(() -> Math.addExact(a, b));
            }
            case 1 -> {
                text = x.text() + " - (" + y.text() + ")";
                value = a == null || b == null ? null : exact(() -> Math.subtractExact(a, b));
            }
            case 2 -> {
                text = "(" + x.text() + ") * (" + y.text() + ")";
                value = a == null || b == null ? null : exact(() -> Math.multiplyExact(a, b));
            }
            case 3 -> {
                text = "(" + x.text() + ") // (" + y.text() + ")";
                if (b != null && b == 0 && a != null) {
                    zero = true;
                } else {
                    value = a == null || b == null ? null : Math.floorDiv(a, b);
                }
            }
            case 4 -> {
                text = "min(" + x.text() + ", " + y.text() + ")";
                value = a == null || b == null ? null : Math.min(a, b);
            }
            case 5 -> {
                text = "max(" + x.text() + ", " + y.text() + ")";
                value = a == null || b == null ? null : Math.max(a, b);
            }
            default -> {
                text = "-(" + x.text() + ")";
                value = a == null ? null : exact(() -> Math.negateExact(a));
                zero = x.divByZero();
            }
        }
        return new Generated(text, zero ? null : value, zero);
    }

    private static Long exact(java.util.function.LongSupplier f) {
        try {
            return f.getAsLong();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    @Property(tries = 3000)
    void anExpressionEvaluatesAsJavaExactIntegerArithmeticDoes(@ForAll long seed) {
        Random r = new Random(seed);
        Map<String, Long> params = new HashMap<>();
        for (String n : NAMES) {
            params.put(n, (long) r.nextInt(513) - 256);
        }
        Generated g = generate(r, 5, params);
        Expression e = Expression.parse(g.text());
        java.util.function.Function<String, Optional<Object>> names = n -> Optional.ofNullable(params.get(n));
        if (g.value() != null) {
            assertEquals(g.value(), e.evaluate(names), g.text());
        } else {
            ExpressionException ex = assertThrows(ExpressionException.class, () -> e.evaluate(names), g.text());
            assertTrue(ex.getMessage().contains("division by zero") || ex.getMessage().contains("overflows"),
                    ex.getMessage());
        }
    }

    /** torchvision's _make_divisible (models/_utils.py), line for line. */
    static long torchvisionMakeDivisible(double v, int divisor, Integer minValue) {
        int min = minValue == null ? divisor : minValue;
        long newV = Math.max(min, Math.floorDiv((long) (v + divisor / 2.0), (long) divisor) * divisor);
        return newV < 0.9 * v ? newV + divisor : newV;
    }

    @Property(tries = 5000)
    void makeDivisibleEqualsTorchvision(@ForAll @IntRange(min = 1, max = 4096) int channels,
                                        @ForAll @DoubleRange(min = 0.05, max = 4.0) double widthMultiplier,
                                        @ForAll @IntRange(min = 1, max = 64) int divisor,
                                        @ForAll @IntRange(min = 0, max = 80) int min, @ForAll boolean withMin) {
        Map<String, Object> p = Map.of("c", channels, "w", widthMultiplier, "d", divisor, "m", min);
        String text = withMin ? "make_divisible($c * $w, $d, $m)" : "make_divisible($c * $w, $d)";
        long got = Expression.parse(text).evaluateWhole(n -> Optional.ofNullable(p.get(n)));
        assertEquals(torchvisionMakeDivisible(channels * widthMultiplier, divisor, withMin ? min : null), got, text);
    }

    @Example
    void makeDivisibleKnownValues() {
        // MobileNetV3-Large's SE squeeze widths and EfficientNet-B0's channels
        assertEquals(24, whole("make_divisible(72 // 4, 8)"));
        assertEquals(32, whole("make_divisible(120 // 4, 8)"));
        assertEquals(8, whole("make_divisible(3, 8)"));
        assertEquals(16, whole("make_divisible(0.5 * 30, 8)"), "15 + 4 = 19 // 8 * 8 = 16, not below 0.9 x 15");
        assertEquals(16, whole("make_divisible(10, 8)"), "8 would lose more than 10% of 10");
        assertEquals(96, whole("make_divisible(0.9 * 111, 8)"));
    }

    @Example
    void roundIsHalfToEvenLikePythonAndDecimalsFollowIEEE() {
        assertEquals(2, whole("round(2.5)"));
        assertEquals(4, whole("round(3.5)"));
        assertEquals(12, whole("round(0.25 * 48)"));
        assertEquals(7, whole("max(1, 30 // 4)"));
        assertEquals(-4, whole("-7 // 2"), "floor division, as Python's //");
    }

    @Example
    void ceilRoundsUpAndKeepsWholeNumbers() {
        assertEquals(12, whole("ceil(40 * 0.3)"));
        assertEquals(3, whole("ceil(2.0001)"));
        assertEquals(-2, whole("ceil(-2.5)"));
        assertEquals(7, whole("ceil(7)"));
    }

    @Example
    void conditions() {
        Map<String, Object> p = Map.of("expand", 1, "se", true, "act", "relu");
        assertEquals(false, Expression.parse("$expand != 1").evaluateCondition(n -> Optional.ofNullable(p.get(n))));
        assertEquals(true, Expression.parse("$se and $act == 'relu'").evaluateCondition(
                n -> Optional.ofNullable(p.get(n))));
        assertEquals(true, Expression.parse("not $se or 2 * $expand >= 2").evaluateCondition(
                n -> Optional.ofNullable(p.get(n))));
    }

    @Example
    void errorsPointAtTheOffendingNameOrValue() {
        ExpressionException unknown = assertThrows(ExpressionException.class,
                () -> Expression.parse("$in * $groth").evaluate(n -> n.equals("in") ? Optional.of(4L) : Optional.empty()));
        assertEquals(6, unknown.offset());
        assertTrue(unknown.getMessage().contains("'$groth'"), unknown.getMessage());
        ExpressionException zero = assertThrows(ExpressionException.class,
                () -> Expression.parse("$in // $g").evaluate(n -> Optional.of(n.equals("in") ? 8L : 0L)));
        assertEquals(7, zero.offset());
        assertTrue(zero.getMessage().contains("division by zero: '$g' is 0"), zero.getMessage());
        ExpressionException half = assertThrows(ExpressionException.class,
                () -> Expression.parse("$in * 0.25").evaluateWhole(n -> Optional.of(10L)));
        assertTrue(half.getMessage().contains("is 2.5, not a whole number"), half.getMessage());
        assertEquals(10, assertThrows(ExpressionException.class, () -> Expression.parse("$in / 2")).offset() + 6);
        assertTrue(assertThrows(ExpressionException.class, () -> Expression.parse("floor(3)")).getMessage()
                .contains("unknown name 'floor'"));
        assertEquals(32, whole("$x * 0.5", Map.of("x", 64)), "a whole decimal is a count");
    }

    private static long whole(String text) {
        return whole(text, Map.of());
    }

    private static long whole(String text, Map<String, Object> p) {
        return Expression.parse(text).evaluateWhole(n -> Optional.ofNullable(p.get(n)));
    }
}
