package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.search.eval.Metric;
import org.junit.jupiter.api.Test;

/**
 * The figures a plan's notes quote when a budget cannot be met ("reach at best 12.300 ms; budget 9.000 ms"):
 * each metric in its unit, by hand.
 */
class FiguresTest {
    @Test
    void eachMetricIsWrittenInItsUnitWithItsScale() {
        assertEquals("12.300 ms", Figures.format(Metric.LATENCY_SECONDS, 0.0123));
        assertEquals("2.500 MB", Figures.format(Metric.PEAK_ACTIVATION_BYTES, 2_500_000));
        assertEquals("14.000 MB", Figures.format(Metric.WEIGHT_BYTES, 14_000_000));
        assertEquals("3.500 M params", Figures.format(Metric.PARAMS, 3_500_000));
        assertEquals("4.100 GMACs", Figures.format(Metric.MACS, 4_100_000_000.0));
        assertEquals("8.200 GFLOPs", Figures.format(Metric.FLOPS, 8_200_000_000.0));
        assertEquals("71.88 points", Figures.format(Metric.ACCURACY, 71.878));
    }

    @Test
    void aFigureTooSmallForThreeDecimalsKeepsThreeSignificantDigitsAndZeroStaysZero() {
        // a latency budget nothing meets, 1e-7 s, used to print as "0.000 ms"
        assertEquals("0.000100 ms", Figures.format(Metric.LATENCY_SECONDS, 1e-7));
        assertEquals("0.000 ms", Figures.format(Metric.LATENCY_SECONDS, 0));
        assertEquals("0.000500 MB", Figures.format(Metric.WEIGHT_BYTES, 499.5));
        assertEquals("0.001 MB", Figures.format(Metric.WEIGHT_BYTES, 500));
    }

    @Test
    void aWholeNumberLosesItsFractionAndAnyOtherKeepsIt() {
        assertEquals("1", Figures.trim(1.0));
        assertEquals("0.25", Figures.trim(0.25));
        assertEquals("0", Figures.trim(0.0));
    }
}
