package dev.ridgeline.search.run;

import dev.ridgeline.search.eval.Metric;

/**
 * Every point a sweep evaluated, in index order (ties in evaluation order): flat arrays, row r's
 * choices at {@code choices[r * knobs ..]} and metrics at {@code metrics[r * Metric.COUNT ..]}.
 */
public record RecordedPoints(int knobs, long[] index, int[] choices, double[] metrics, boolean[] feasible) {
    public int size() {
        return index.length;
    }

    public int choice(int row, int knob) {
        return choices[row * knobs + knob];
    }

    public double metric(int row, Metric m) {
        return metrics[row * Metric.COUNT + m.ordinal()];
    }
}
