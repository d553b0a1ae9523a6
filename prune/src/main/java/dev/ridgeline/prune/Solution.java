package dev.ridgeline.prune;

/** A point of a plan space (one choice per knob), its metrics by Metric ordinal, and its score. */
public record Solution(int[] choices, double[] metrics, double score) {
    public Solution {
        choices = choices.clone();
        metrics = metrics.clone();
    }

    @Override
    public int[] choices() {
        return choices.clone();
    }

    @Override
    public double[] metrics() {
        return metrics.clone();
    }
}
