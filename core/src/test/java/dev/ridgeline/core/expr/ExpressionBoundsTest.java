package dev.ridgeline.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A hostile expression ends in a clear mistake at an offset, never a StackOverflowError. */
class ExpressionBoundsTest {
    @Test
    void nestingTenThousandDeepIsAMistakeAtItsOffsetNotAStackOverflow() {
        String deepest = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        assertThrows(ExpressionException.class, () -> Expression.parse(deepest));
        String deep = "(".repeat(500) + "1" + ")".repeat(500);
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(deep));
        assertTrue(e.getMessage().contains("nests deeper than 100"), e.getMessage());
        assertEquals(100, e.offset());
        assertThrows(ExpressionException.class, () -> Expression.parse("-".repeat(500) + "1"));
        assertThrows(ExpressionException.class, () -> Expression.parse("not ".repeat(500) + "true"));
        assertThrows(ExpressionException.class, () -> Expression.parse("min(".repeat(500) + "1"));
    }

    @Test
    void aVeryLongChainIsRefusedBeforeItIsEvaluated() {
        String chain = "1" + " + 1".repeat(50_000);
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(chain));
        assertTrue(e.getMessage().contains("longer than 2000 tokens"), e.getMessage());
    }

    @Test
    void expressionsWithinTheBoundsStillEvaluate() {
        String ok = "(".repeat(99) + "2" + ")".repeat(99) + " + 1".repeat(900);
        assertEquals(902L, Expression.parse(ok).evaluateWhole(n -> Optional.empty()));
    }
}
