package dev.ridgeline.search.run;

import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.strategy.PointFilter;
import java.util.List;

/** A point is feasible when it meets every budget; its violation is the sum of its relative excesses. */
final class BudgetFilter implements PointFilter {
    private final Budget[] budgets;

    BudgetFilter(List<Budget> budgets) {
        this.budgets = budgets.toArray(Budget[]::new);
    }

    @Override
    public boolean feasible(double[] metrics) {
        for (Budget b : budgets) {
            if (!b.allows(metrics)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double violation(double[] metrics) {
        double excess = 0;
        for (Budget b : budgets) {
            excess += b.excess(metrics);
        }
        return excess;
    }
}
