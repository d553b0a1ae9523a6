package dev.ridgeline.measure.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Rank correlations and percentage errors worked out by hand. */
class AccuracyTest {
    @Test
    void aPerfectRankingWithKnownErrors() {
        double[] measured = {1, 2, 3, 4, 5};
        double[] predicted = {1.05, 2.4, 3.0, 4.2, 6.0}; // errors 5%, 20%, 0%, 5%, 20%
        Accuracy a = Accuracy.of(measured, predicted);
        assertEquals(1.0, a.spearman(), 1e-12);
        assertEquals(1.0, a.kendall(), 1e-12);
        assertEquals(0.05, a.medianAbsError(), 1e-12);
        assertEquals(0.6, a.shareWithin10(), 1e-12);
        assertEquals(0.20, a.p90AbsError(), 1e-12);
    }

    @Test
    void aReversedRankingCorrelatesMinusOne() {
        Accuracy a = Accuracy.of(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1});
        assertEquals(-1.0, a.spearman(), 1e-12);
        assertEquals(-1.0, a.kendall(), 1e-12);
    }
}
