package dev.ridgeline.prune;

import dev.ridgeline.search.accuracy.AccuracyPredictor;
import dev.ridgeline.search.job.Budget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Predicted accuracy in a plan: as the score a plan keeps the most of, and as a floor ({@code {min: N}}) the
 * plan must not fall below. When no plan meets a floor, the closest plan is the most accurate one within the
 * other budgets: it says how much accuracy those budgets leave.
 */
public final class AccuracyFloor {
    private AccuracyFloor() {
    }

    /** The predicted accuracy as a per-choice score: the predictor's terms, the intercept added to knob 0's. */
    public static Score score(AccuracyPredictor p) {
        double[][] terms = p.terms();
        for (int c = 0; c < terms[0].length; c++) {
            terms[0][c] += p.intercept();
        }
        return new Score.OfChoices(terms);
    }

    /**
     * The plan of the highest predicted accuracy within the problem's ceilings (its budgets' maxima), for a
     * problem with a floor that no plan meets; empty without a floor or a predictor, or when the ceilings alone
     * admit no plan.
     */
    public static Optional<Solution> mostAccurate(PlanProblem problem, Optional<AccuracyPredictor> predictor,
                                                  PlanSolver solver) {
        if (predictor.isEmpty() || problem.budgets().stream().allMatch(b -> Double.isNaN(b.min()))
                || problem.space().space().knobCount() == 0) {
            return Optional.empty();
        }
        List<Budget> ceilings = problem.budgets().stream().filter(b -> !Double.isNaN(b.max()))
                .map(b -> new Budget(b.metric(), b.max(), Double.NaN)).toList();
        return solver.solve(new PlanProblem(problem.space(), problem.evaluator(), ceilings, score(predictor.get())));
    }

    /** "keep at most 63.10 points of predicted accuracy within the other budgets; budget at least 65.00 points". */
    static List<String> misses(List<Budget> budgets, double[] mostAccurate) {
        List<String> out = new ArrayList<>();
        for (Budget b : budgets) {
            double v = mostAccurate[b.metric().ordinal()];
            if (!Double.isNaN(b.min()) && v < b.min()) {
                out.add("keep at most " + Figures.format(b.metric(), v) + " of predicted " + b.metric().id()
                        + " within the other budgets; budget at least " + Figures.format(b.metric(), b.min()));
            }
        }
        return out;
    }

    /** Whether a plan's metrics meet every ceiling and miss only floors (the closest plan then is the most accurate). */
    public static boolean missesOnlyFloors(List<Budget> budgets, double[] metrics) {
        boolean missed = false;
        for (Budget b : budgets) {
            double v = metrics[b.metric().ordinal()];
            if (!Double.isNaN(b.max()) && v > b.max()) {
                return false;
            }
            missed |= !Double.isNaN(b.min()) && v < b.min();
        }
        return missed;
    }
}
