package dev.ridgeline.search.pareto;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import java.util.Arrays;

/**
 * One design point of a Pareto front: all its metrics (indexed by {@link Metric#ordinal()}) and its
 * choices (one per knob). Immutable: the arrays are copied in and out; equality compares contents.
 */
public record ParetoPoint(double[] metrics, int[] choices) {
    public ParetoPoint {
        if (metrics.length != Metric.COUNT) {
            throw new IllegalArgumentException(
                    "a point has " + Metric.COUNT + " metrics (" + Metric.knownIds() + "), got " + metrics.length);
        }
        metrics = metrics.clone();
        choices = choices.clone();
    }

    /** A copy of the metrics, indexed by {@link Metric#ordinal()}. */
    @Override
    public double[] metrics() {
        return metrics.clone();
    }

    /** A copy of the choices, one per knob. */
    @Override
    public int[] choices() {
        return choices.clone();
    }

    /** One metric, without copying the array. */
    public double metric(Metric metric) {
        return metrics[metric.ordinal()];
    }

    /** This point's value of the objective, oriented so that smaller is better. */
    public double minimized(Objective objective) {
        return objective.minimized(metrics);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParetoPoint p && Arrays.equals(metrics, p.metrics) && Arrays.equals(choices, p.choices);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(metrics) + Arrays.hashCode(choices);
    }

    @Override
    public String toString() {
        return "ParetoPoint[metrics=" + Arrays.toString(metrics) + ", choices=" + Arrays.toString(choices) + "]";
    }
}
