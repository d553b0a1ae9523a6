package dev.ridgeline.prune;

import dev.ridgeline.search.eval.Metric;

/** What a plan keeps as much of as it can: a metric of the pruned model, or channel scores summed per knob. */
public sealed interface Score {
    /** The score of a point with these metrics and choices. */
    double of(double[] metrics, int[] choices);

    /** Keep the most of an additive metric (MACs or params). */
    record OfMetric(Metric metric) implements Score {
        @Override
        public double of(double[] metrics, int[] choices) {
            return metrics[metric.ordinal()];
        }
    }

    /** Keep the most importance: {@code perChoice[knob][choice]} summed over knobs (0 rows for other knobs). */
    record OfChoices(double[][] perChoice) implements Score {
        @Override
        public double of(double[] metrics, int[] choices) {
            double s = 0;
            for (int k = 0; k < choices.length; k++) {
                if (perChoice[k].length > 0) {
                    s += perChoice[k][choices[k]];
                }
            }
            return s;
        }
    }
}
