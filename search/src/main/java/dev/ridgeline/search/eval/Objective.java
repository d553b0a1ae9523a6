package dev.ridgeline.search.eval;

/** One metric to minimize or maximize. */
public record Objective(Metric metric, Goal goal) {
    /** The metric's value oriented so that smaller is better: negated for a maximized metric. */
    public double minimized(double[] metrics) {
        double v = metrics[metric.ordinal()];
        return goal == Goal.MIN ? v : -v;
    }
}
