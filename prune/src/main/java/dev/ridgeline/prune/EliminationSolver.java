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
            // the greedy baseline's point, when it meets the budgets, is a floor that drops weak partial plans early
            PrunePlan.Baseline greedy = Baselines.greedy(problem);
            best = solver.maximize(problem.evaluator(), metric, perChoice, problem.budgets(),
                    greedy.feasible() ? greedy.choices() : null);
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
}
