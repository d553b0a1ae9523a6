package dev.ridgeline.measure.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    /**
     * Guards docs/measure.md ("Spearman and Kendall rank correlation ... the median and 90th percentile of the
     * absolute percentage error"): two swapped pairs make the two correlations differ. With ranks d = (1, -1, 0,
     * 1, -1), Spearman is 1 - 6 * 4 / (5 * 24) = 0.8; of the 10 pairs 2 are discordant, so Kendall is
     * (8 - 2) / 10 = 0.6.
     */
    @Test
    void twoSwappedPairsGiveSpearmanPointEightAndKendallPointSix() {
        Accuracy a = Accuracy.of(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 3, 5, 4});
        assertEquals(0.8, a.spearman(), 1e-12);
        assertEquals(0.6, a.kendall(), 1e-12);
        // errors 100%, 50%, 0%, 25%, 20%: the median is the middle one
        assertEquals(0.25, a.medianAbsError(), 1e-12);
        assertEquals(0.2, a.shareWithin10(), 1e-12);
        assertEquals(5, a.designs());
    }

    /**
     * The 90th percentile is commons-math3's default estimate, not the largest error: of 10 sorted errors it sits
     * at position 0.9 * (10 + 1) = 9.9, so it is e9 + 0.9 * (e10 - e9) = 0.09 + 0.9 * 0.31 = 0.369, where the
     * largest is 0.40; the median is (e5 + e6) / 2 = 0.045.
     */
    @Test
    void theNinetiethPercentileInterpolatesBelowTheLargestError() {
        double[] errors = {0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.09, 0.40};
        double[] measured = new double[errors.length];
        double[] predicted = new double[errors.length];
        for (int i = 0; i < errors.length; i++) {
            measured[i] = i + 1;
            predicted[i] = measured[i] * (1 + errors[i]);
        }
        Accuracy a = Accuracy.of(measured, predicted);
        assertEquals(0.369, a.p90AbsError(), 1e-12);
        assertEquals(0.045, a.medianAbsError(), 1e-12);
        assertEquals(0.9, a.shareWithin10(), 1e-12);
        assertEquals(1.0, a.spearman(), 1e-12);
    }

    @Test
    void anErrorOfExactlyTenPercentIsWithinAndThreePairsAreTheFewest() {
        Accuracy a = Accuracy.of(new double[] {10, 20, 40}, new double[] {11, 20, 50}); // 10%, 0%, 25%
        assertEquals(2.0 / 3, a.shareWithin10(), 1e-12, "10% exactly counts as within");
        assertEquals(3, a.designs());
        assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new double[] {1, 2}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new double[] {1, 2, 3}, new double[] {1, 2}));
    }

    /** docs/measure.md: "a generic uncalibrated x86 CPU: 32 FLOP per cycle at 2.5 GHz per thread, 25.6 GB/s, efficiencies 0.7 and 0.9". */
    @Test
    void theGenericCpuHasTheDocumentedFigures() {
        var p = GenericCpu.profile(2);
        assertEquals(2 * 32 * 2.5e9, p.require(dev.ridgeline.hardware.device.Precision.FP32).opsPerSecond());
        assertEquals(25.6e9, p.bandwidthBytesPerSecond());
        assertEquals(0.7, p.computeEfficiency());
        assertEquals(0.9, p.memoryEfficiency());
        assertEquals(1.0e-6, p.layerOverheadSeconds());
        assertEquals(dev.ridgeline.hardware.device.Fusion.ENGINE, p.fusion());
        assertEquals("generic x86 CPU, 2 thread(s) (uncalibrated)", p.name());
    }
}
