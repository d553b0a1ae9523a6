package dev.ridgeline.measure.validate;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How well predictions match measurements: Spearman and Kendall rank correlation (commons-math3), the median and
 * 90th percentile of the absolute percentage error |predicted - measured| / measured, and the share of designs
 * predicted within +-10%.
 */
public record Accuracy(int designs, double spearman, double kendall, double medianAbsError, double p90AbsError,
                       double shareWithin10) {
    public static Accuracy of(double[] measured, double[] predicted) {
        if (measured.length != predicted.length || measured.length < 3) {
            throw new IllegalArgumentException("need at least 3 pairs of times");
        }
        double[] ape = new double[measured.length];
        int within = 0;
        for (int i = 0; i < ape.length; i++) {
            ape[i] = Math.abs(predicted[i] - measured[i]) / measured[i];
            within += ape[i] <= 0.10 ? 1 : 0;
        }
        Percentile p = new Percentile();
        p.setData(ape);
        return new Accuracy(measured.length, new SpearmansCorrelation().correlation(measured, predicted),
                new KendallsCorrelation().correlation(measured, predicted), p.evaluate(50), p.evaluate(90),
                (double) within / ape.length);
    }
}
