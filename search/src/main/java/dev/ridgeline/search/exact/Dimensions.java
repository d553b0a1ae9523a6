package dev.ridgeline.search.exact;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.job.Budget;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics a partial cost vector carries: the objectives first, then every budgeted metric that is
 * not an objective. Each dimension says which way is better for pruning: lower ({@link #LOWER}), higher
 * ({@link #HIGHER}), or neither ({@link #EQUAL}, when an objective pulls one way and a budget the other,
 * so only equal values may prune). Peak activation memory combines by maximum, every other metric by sum.
 * A null metric is a score per knob and choice (the prune planner's importance), summed like a metric.
 */
record Dimensions(Metric[] metrics, int[] sense, boolean[] maxCombined, boolean[] objective, double[] max,
                  double[] min, boolean[] slack) {
    static final int LOWER = 1;
    static final int HIGHER = -1;
    static final int EQUAL = 0;

    static Dimensions of(List<Objective> objectives, List<Budget> budgets) {
        return of(objectives.stream().map(Objective::metric).toList(), objectives.stream().map(Objective::goal)
                .toList(), budgets);
    }

    /**
     * One gain to raise, then the budgets: the gain is an additive metric, or (null) a score per knob and
     * choice that no metric carries.
     */
    static Dimensions ofGain(Metric metric, List<Budget> budgets) {
        return of(java.util.Collections.singletonList(metric), List.of(Goal.MAX), budgets);
    }

    private static Dimensions of(List<Metric> objectiveMetrics, List<Goal> goals, List<Budget> budgets) {
        List<Metric> metrics = new ArrayList<>(objectiveMetrics);
        for (Budget b : budgets) {
            if (!metrics.contains(b.metric())) {
                metrics.add(b.metric());
            }
        }
        int d = metrics.size();
        int[] sense = new int[d];
        boolean[] maxCombined = new boolean[d];
        boolean[] objective = new boolean[d];
        double[] max = new double[d];
        double[] min = new double[d];
        boolean[] slack = new boolean[d];
        for (int i = 0; i < d; i++) {
            Metric m = metrics.get(i);
            maxCombined[i] = m == Metric.PEAK_ACTIVATION_BYTES;
            max[i] = Double.NaN;
            min[i] = Double.NaN;
            boolean lower = false;
            boolean higher = false;
            for (int o = 0; o < objectiveMetrics.size(); o++) {
                if (o == i || (m != null && objectiveMetrics.get(o) == m)) {
                    objective[i] = true;
                    lower |= goals.get(o) == Goal.MIN;
                    higher |= goals.get(o) == Goal.MAX;
                }
            }
            boolean budgeted = false;
            for (Budget b : budgets) {
                if (m != null && b.metric() == m) {
                    budgeted = true;
                    if (!Double.isNaN(b.max())) {
                        max[i] = Double.isNaN(max[i]) ? b.max() : Math.min(max[i], b.max());
                        lower = true;
                    }
                    if (!Double.isNaN(b.min())) {
                        min[i] = Double.isNaN(min[i]) ? b.min() : Math.max(min[i], b.min());
                        higher = true;
                    }
                }
            }
            sense[i] = lower && higher ? EQUAL : lower ? LOWER : HIGHER;
            // a relative slack only where nothing bounds the metric: a budget needs exact comparisons
            slack[i] = objective[i] && !budgeted;
        }
        return new Dimensions(metrics.toArray(Metric[]::new), sense, maxCombined, objective, max, min, slack);
    }

    int count() {
        return metrics.length;
    }

    boolean anyMaxCombined() {
        for (boolean b : maxCombined) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the simple two-dimensional sweep applies: two summed objectives, no other dimension, no
     * dimension that must stay equal.
     */
    boolean planar() {
        return count() == 2 && !anyMaxCombined() && sense[0] != EQUAL && sense[1] != EQUAL && objective[0]
                && objective[1];
    }
}
