package dev.ridgeline.search.run;

import dev.ridgeline.search.eval.Metric;
import java.util.Arrays;

/**
 * One thread's view of every point it evaluates, feasible or not: the point nearest to meeting the
 * budgets and, when asked, a record of every point. Allocates only when it keeps something.
 */
final class Observer {
    private final BudgetFilter filter;
    private final boolean record;
    private final int knobs;
    private double closestExcess = Double.POSITIVE_INFINITY;
    private double[] closestMetrics;
    private int[] closestChoices;
    private int rows;
    private int[] choices = new int[0];
    private double[] metrics = new double[0];
    private boolean[] feasible = new boolean[0];

    Observer(BudgetFilter filter, boolean record, int knobs) {
        this.filter = filter;
        this.record = record;
        this.knobs = knobs;
    }

    void observe(int[] point, double[] values) {
        boolean ok = filter.feasible(values);
        if (!ok) {
            double excess = filter.violation(values);
            if (excess < closestExcess || (excess == closestExcess && Arrays.compare(point, closestChoices) < 0)) {
                closestExcess = excess;
                closestMetrics = values.clone();
                closestChoices = point.clone();
            }
        }
        if (record) {
            if (rows == feasible.length) {
                int capacity = Math.max(1024, rows * 2);
                choices = Arrays.copyOf(choices, capacity * knobs);
                metrics = Arrays.copyOf(metrics, capacity * Metric.COUNT);
                feasible = Arrays.copyOf(feasible, capacity);
            }
            System.arraycopy(point, 0, choices, rows * knobs, knobs);
            System.arraycopy(values, 0, metrics, rows * Metric.COUNT, Metric.COUNT);
            feasible[rows] = ok;
            rows++;
        }
    }

    double closestExcess() {
        return closestExcess;
    }

    double[] closestMetrics() {
        return closestMetrics;
    }

    int[] closestChoices() {
        return closestChoices;
    }

    int rows() {
        return rows;
    }

    int[] choices() {
        return choices;
    }

    double[] metrics() {
        return metrics;
    }

    boolean[] feasible() {
        return feasible;
    }
}
