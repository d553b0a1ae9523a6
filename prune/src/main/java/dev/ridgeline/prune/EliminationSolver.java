package dev.ridgeline.prune;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.exact.ExactLimitException;
import dev.ridgeline.search.exact.ExactSolver;
import java.util.Optional;

/**
 * The planner's exact solver: the exact strategy's own ({@link ExactSolver#maximize}), bucket elimination over
 * the compiled evaluator's terms along the network (each knob once the last layer that reads it is passed),
 * keeping per assignment of the knobs still connected only the partial (score, budget costs) vectors no other
 * one beats, and dropping a partial vector as soon as its costs plus the least the rest can add break a budget.
 * Separable configurations are solved one by one. The result is the point {@link ExhaustiveSolver} finds: the
 * highest score, the lowest-index point among equals.
 */
public final class EliminationSolver implements PlanSolver {
    private final ExactSolver solver;

    public EliminationSolver() {
        this(ExactSolver.withDefaults());
    }

    /** With a solver configured otherwise (threads, memory); its epsilon and anytime limits are not used. */
    public EliminationSolver(ExactSolver solver) {
        this.solver = solver;
    }

    @Override
    public String id() {
        return "elimination";
    }

    @Override
    public Optional<Solution> solve(PlanProblem problem) {
        Metric metric = problem.score() instanceof Score.OfMetric om ? om.metric() : null;
        double[][] perChoice = problem.score() instanceof Score.OfChoices oc ? oc.perChoice() : null;
        Optional<int[]> best;
        try {
            best = solver.maximize(problem.evaluator(), metric, perChoice, problem.budgets(), knownPoint(problem));
        } catch (ExactLimitException e) {
            throw new BadInputException("the plan space is too entangled for an exact plan: its partial plans "
                    + "outgrew the solver's memory or front limit; use 'per: stage', fewer 'levels', or freeze more "
                    + "layers");
        }
        return best.map(choices -> {
            double[] metrics = new double[Metric.COUNT];
            problem.evaluator().evaluate(choices, metrics);
            return new Solution(choices, metrics, problem.score().of(metrics, choices));
        });
    }

    /**
     * A good point within the budgets, for the solver's floor on the score (the closer to the best, the more
     * partial plans it drops): the greedy baseline's, then raised one knob at a time, each time the raise that
     * scores the most and still meets every budget, until none does. Null when the greedy point misses a budget.
     */
    static int[] knownPoint(PlanProblem problem) {
        PrunePlan.Baseline greedy = Baselines.greedy(problem);
        if (!greedy.feasible()) {
            return null;
        }
        var space = problem.space().space();
        int[] current = greedy.choices().clone();
        double[] metrics = new double[Metric.COUNT];
        problem.evaluator().evaluate(current, metrics);
        double score = problem.score().of(metrics, current);
        while (true) {
            int bestKnob = -1;
            int bestChoice = -1;
            double bestScore = score;
            for (int k = 0; k < current.length; k++) {
                int was = current[k];
                for (int c = was + 1; c < space.choices(k); c++) {
                    current[k] = c;
                    problem.evaluator().evaluate(current, metrics);
                    double s = problem.score().of(metrics, current);
                    if (problem.allows(metrics) && s > bestScore) {
                        bestScore = s;
                        bestKnob = k;
                        bestChoice = c;
                    }
                }
                current[k] = was;
            }
            if (bestKnob < 0) {
                return current;
            }
            current[bestKnob] = bestChoice;
            score = bestScore;
        }
    }
}
