package dev.ridgeline.search.exact;

import java.util.List;

/**
 * What budgets allow of a partial vector, from what the leaf factors it does not cover can add at least and
 * at most (every term is non-negative; peak memory combines by maximum, every other metric by sum): whether
 * it can still meet every budget, and which values meet a budget whatever is added.
 */
final class BudgetBounds {
    private final Dimensions dimensions;
    private final int dims;
    /** Per dimension: what all leaves together contribute at least / at most. */
    private final double[] totalMin;
    private final double[] totalMax;

    BudgetBounds(Dimensions dimensions, List<Factor> leaves) {
        this.dimensions = dimensions;
        this.dims = dimensions.count();
        this.totalMin = new double[dims];
        this.totalMax = new double[dims];
        for (Factor f : leaves) {
            for (int d = 0; d < dims; d++) {
                totalMin[d] = combine(d, totalMin[d], f.coveredMin[d]);
                totalMax[d] = combine(d, totalMax[d], f.coveredMax[d]);
            }
        }
    }

    /**
     * Tells the filter, for each budgeted metric that is not an objective, the partial values that meet the
     * budget whatever the uncovered factors add: a vector there may prune another that is better on that
     * metric, since the metric can no longer make it infeasible.
     */
    void setSure(Candidates c, double[] coveredMin, double[] coveredMax) {
        double[] max = dimensions.max();
        double[] min = dimensions.min();
        for (int d = 0; d < dims; d++) {
            double sureMax = Double.POSITIVE_INFINITY;
            double sureMin = Double.NEGATIVE_INFINITY;
            if (!Double.isNaN(max[d])) {
                sureMax = dimensions.maxCombined()[d] ? (totalMax[d] <= max[d] ? max[d] : Double.NEGATIVE_INFINITY)
                        : max[d] - (totalMax[d] - coveredMax[d]);
            }
            if (!Double.isNaN(min[d])) {
                sureMin = dimensions.maxCombined()[d] ? min[d] : min[d] - (totalMin[d] - coveredMin[d]);
            }
            c.sureMax[d] = sureMax;
            c.sureMin[d] = sureMin;
        }
    }

    /** Two values of dimension d combined: their maximum for peak memory, their sum otherwise. */
    double combine(int d, double a, double b) {
        return dimensions.maxCombined()[d] ? Math.max(a, b) : a + b;
    }

    /**
     * Whether a partial vector (at {@code o} of {@code v}) can still meet every budget, whatever the factors it
     * does not cover add; {@code coveredMin} and {@code coveredMax}: what the leaves it covers add at least / at most.
     */
    boolean feasible(double[] v, int o, double[] coveredMin, double[] coveredMax) {
        double[] max = dimensions.max();
        double[] min = dimensions.min();
        for (int d = 0; d < dims; d++) {
            if (!Double.isNaN(max[d])) {
                double least = dimensions.maxCombined()[d] ? Math.max(v[o + d], totalMin[d])
                        : v[o + d] + (totalMin[d] - coveredMin[d]);
                if (least > max[d]) {
                    return false;
                }
            }
            if (!Double.isNaN(min[d])) {
                double most = dimensions.maxCombined()[d] ? Math.max(v[o + d], totalMax[d])
                        : v[o + d] + (totalMax[d] - coveredMax[d]);
                if (most < min[d]) {
                    return false;
                }
            }
        }
        return true;
    }
}
