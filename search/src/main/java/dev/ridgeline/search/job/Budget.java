package dev.ridgeline.search.job;

import dev.ridgeline.search.eval.Metric;

/**
 * A bound on one metric: at most {@code max} and/or at least {@code min} (NaN when absent). A bound
 * written relative to the base model ("50%") is already resolved to an absolute value here.
 */
public record Budget(Metric metric, double max, double min) {
    public boolean allows(double[] metrics) {
        double v = metrics[metric.ordinal()];
        return (Double.isNaN(max) || v <= max) && (Double.isNaN(min) || v >= min);
    }

    /** How far a value lies outside the bound, relative to the bound (0 inside it). */
    public double excess(double[] metrics) {
        double v = metrics[metric.ordinal()];
        double over = Double.isNaN(max) || v <= max ? 0 : (v - max) / Math.max(Math.abs(max), Double.MIN_NORMAL);
        double under = Double.isNaN(min) || v >= min ? 0 : (min - v) / Math.max(Math.abs(min), Double.MIN_NORMAL);
        return over + under;
    }
}
