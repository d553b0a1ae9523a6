package dev.ridgeline.measure.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The middle and spread of repeated timings: median, first and third quartiles (commons-math3's default
 * percentile estimate), min and max, in seconds.
 */
public record Spread(double medianSeconds, double q1Seconds, double q3Seconds, double minSeconds, double maxSeconds,
                     int runs) {
    /** Spread beyond this share of the median marks a run as noisy. */
    public static final double NOISY_SHARE = 0.10;

    public static Spread of(double[] seconds) {
        if (seconds.length < 1) {
            throw new IllegalArgumentException("no timings");
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        Percentile p = new Percentile();
        p.setData(sorted);
        return new Spread(p.evaluate(50), p.evaluate(25), p.evaluate(75), sorted[0], sorted[sorted.length - 1],
                sorted.length);
    }

    public double iqrSeconds() {
        return q3Seconds - q1Seconds;
    }

    /** The interquartile range over the median. */
    public double relativeSpread() {
        return iqrSeconds() / medianSeconds;
    }

    /** True when the interquartile range exceeds {@link #NOISY_SHARE} of the median. */
    public boolean noisy() {
        return relativeSpread() > NOISY_SHARE;
    }
}
