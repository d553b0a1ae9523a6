package dev.ridgeline.prune;

import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.List;

/** Maximize a score over a space subject to budgets (each a max), with the space's compiled evaluator. */
public record PlanProblem(ResolvedSpace space, CompiledEvaluator evaluator, List<Budget> budgets, Score score) {
    public PlanProblem {
        budgets = List.copyOf(budgets);
    }

    public boolean allows(double[] metrics) {
        return budgets.stream().allMatch(b -> b.allows(metrics));
    }
}
