package dev.ridgeline.measure.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The spread docs/measure.md reports for repeated timings (median, quartiles by commons-math3's default
 * estimate, min, max, noisy beyond 10% of the median), worked out by hand.
 */
class SpreadTest {
    @Test
    void sevenTimingsGiveTheirQuartilesAtPositionsTwoFourAndSix() {
        // sorted: 10.0 10.1 10.2 10.3 10.4 10.5 13.0 ms; position p (n + 1) / 100 = 2, 4 and 6
        Spread s = Spread.of(new double[] {0.0105, 0.0101, 0.0100, 0.0102, 0.0130, 0.0103, 0.0104});
        assertEquals(0.0103, s.medianSeconds(), 1e-15);
        assertEquals(0.0101, s.q1Seconds(), 1e-15);
        assertEquals(0.0105, s.q3Seconds(), 1e-15);
        assertEquals(0.0100, s.minSeconds());
        assertEquals(0.0130, s.maxSeconds());
        assertEquals(7, s.runs());
        assertEquals(0.0004, s.iqrSeconds(), 1e-15);
        assertEquals(0.0004 / 0.0103, s.relativeSpread(), 1e-12);
        assertFalse(s.noisy());
    }

    @Test
    void fourTimingsInterpolateTheirQuartiles() {
        // positions 1.25, 2.5 and 3.75 of 1 2 3 4
        Spread s = Spread.of(new double[] {4, 1, 3, 2});
        assertEquals(1.25, s.q1Seconds(), 1e-12);
        assertEquals(2.5, s.medianSeconds(), 1e-12);
        assertEquals(3.75, s.q3Seconds(), 1e-12);
        assertEquals(1.0, s.relativeSpread(), 1e-12);
        assertTrue(s.noisy());
    }

    @Test
    void aSpreadOfExactlyTenPercentIsNotNoisy() {
        Spread s = Spread.of(new double[] {9, 9.5, 9.75, 10, 10.25, 10.5, 11});
        assertEquals(0.10, s.relativeSpread());
        assertFalse(s.noisy(), "noisy only beyond 10%");
        assertTrue(Spread.of(new double[] {9, 9.5, 9.75, 10, 10.25, 10.6, 11}).noisy());
        assertEquals(1, Spread.of(new double[] {0.5}).runs());
        assertThrows(IllegalArgumentException.class, () -> Spread.of(new double[0]));
    }
}
