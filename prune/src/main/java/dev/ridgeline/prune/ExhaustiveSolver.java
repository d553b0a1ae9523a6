package dev.ridgeline.prune;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.space.DesignSpace;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Every point in index order; the first of the best scores wins. Exact by construction, for spaces of at
 * most {@code limit} points: the reference the faster solvers are tested against.
 */
public final class ExhaustiveSolver implements PlanSolver {
    private final long limit;

    public ExhaustiveSolver(long limit) {
        this.limit = limit;
    }

    @Override
    public String id() {
        return "exhaustive";
    }

    @Override
    public Optional<Solution> solve(PlanProblem problem) {
        DesignSpace space = problem.space().space();
        if (space.size().compareTo(BigInteger.valueOf(limit)) > 0) {
            throw new BadInputException("the plan space has " + space.size() + " points, more than the "
                    + limit + " an exhaustive plan enumerates");
        }
        PointEvaluator.Sequential eval = problem.evaluator().sequential();
        int[] choices = new int[space.knobCount()];
        double[] metrics = new double[Metric.COUNT];
        int[] best = null;
        double[] bestMetrics = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int changed = 0;
        while (changed >= 0) {
            eval.evaluate(choices, changed, metrics);
            if (problem.allows(metrics)) {
                double s = problem.score().of(metrics, choices);
                if (s > bestScore) {
                    bestScore = s;
                    best = choices.clone();
                    bestMetrics = metrics.clone();
                }
            }
            changed = space.next(choices);
        }
        return best == null ? Optional.empty() : Optional.of(new Solution(best, bestMetrics, bestScore));
    }
}
