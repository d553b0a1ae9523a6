package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.exact.ExactSolver;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exact strategy's eliminator (ExactSolver.maximize) as a plan solver, against exhaustive enumeration. */
class EliminationSolverTest extends PlanSolverContract {
    @Override
    PlanSolver solver() {
        return new EliminationSolver();
    }

    /**
     * A known point only drops partial plans that cannot beat it: given the best point itself (its gain the
     * floor, met with equality), the planner's known point (within the budget, at least the greedy baseline's
     * score), any feasible point, or a point over the budget (ignored), maximize returns exhaustive's point.
     */
    @Test
    void aKnownPointLeavesTheAnswerAsItIs() {
        PlanFile plan = PlanFiles.read(dir, "model: resnet18\nhardware: t4\nprecision: fp16\nper: stage\n"
                + "budgets: {latencySeconds: 70%}\n");
        ResolvedSpace space = PruneSpace.build(plan, EnumSet.of(Change.CHANNELS));
        CompiledEvaluator ev = EvaluatorCompiler.compile(space, plan.setup());
        List<Budget> budgets = List.of(new Budget(Metric.LATENCY_SECONDS,
                0.7 * plan.baseMetrics()[Metric.LATENCY_SECONDS.ordinal()], Double.NaN));
        PlanProblem problem = new PlanProblem(space, ev, budgets, new Score.OfMetric(Metric.MACS));
        Solution best = new ExhaustiveSolver(1_000_000).solve(problem).orElseThrow();
        int[] least = new int[space.space().knobCount()];
        int[] most = new int[least.length];
        for (int k = 0; k < most.length; k++) {
            most[k] = space.space().choices(k) - 1;
        }
        double[] metrics = new double[Metric.COUNT];
        ev.evaluate(most, metrics);
        assertFalse(problem.allows(metrics), "the base widths break the budget");
        ev.evaluate(least, metrics);
        assertTrue(problem.allows(metrics), "the least widths meet it");
        int[] known = EliminationSolver.knownPoint(problem);
        ev.evaluate(known, metrics);
        assertTrue(problem.allows(metrics), "the known point meets the budget");
        double knownScore = problem.score().of(metrics, known);
        assertTrue(knownScore >= Baselines.greedy(problem).score() && knownScore <= best.score(), knownScore + "");
        ExactSolver exact = ExactSolver.withDefaults();
        for (int[] point : List.of(best.choices(), known, least, most)) {
            Optional<int[]> found = exact.maximize(ev, Metric.MACS, null, budgets, point);
            assertArrayEquals(best.choices(), found.orElseThrow());
        }
    }
}
