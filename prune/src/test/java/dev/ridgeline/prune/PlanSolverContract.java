package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.search.space.ResolvedSpace;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every plan solver must do: find the same best point as enumerating every point (the lowest index among
 * equal scores), on spaces of at most 10^6 points. Each solver's test class names the solver.
 */
abstract class PlanSolverContract {
    /** The solver under test. */
    abstract PlanSolver solver();

    @TempDir
    Path dir;

    private void agree(PlanFile plan, EnumSet<Change> changes, Score score, List<Budget> budgets) {
        ResolvedSpace space = PruneSpace.build(plan, changes);
        assertTrue(space.space().size().longValue() <= 1_000_000, () -> "space too large: " + space.space().size());
        CompiledEvaluator ev = EvaluatorCompiler.compile(space, plan.setup());
        PlanProblem problem = new PlanProblem(space, ev, budgets, score);
        Optional<Solution> exhaustive = new ExhaustiveSolver(1_000_000).solve(problem);
        Optional<Solution> dp = solver().solve(problem);
        assertEquals(exhaustive.isPresent(), dp.isPresent(), "feasibility");
        exhaustive.ifPresent(e -> {
            assertEquals(e.score(), dp.get().score(), Math.abs(e.score()) * 1e-12, "best score");
            assertArrayEquals(e.choices(), dp.get().choices(), "the lowest-index point of the best score");
            assertTrue(problem.allows(dp.get().metrics()));
        });
    }

    private static Budget max(Metric m, double v) {
        return new Budget(m, v, Double.NaN);
    }

    @Test
    void matchesExhaustiveUnderALatencyBudgetForMacsAndParams() {
        PlanFile plan = PlanFiles.read(dir, "model: resnet18\nhardware: t4\nprecision: fp16\nper: stage\n"
                + "budgets: {latencySeconds: 70%}\n");
        double base = plan.baseMetrics()[Metric.LATENCY_SECONDS.ordinal()];
        for (double share : new double[] {0.5, 0.7, 0.85}) {
            List<Budget> b = List.of(max(Metric.LATENCY_SECONDS, share * base));
            agree(plan, EnumSet.of(Change.CHANNELS), new Score.OfMetric(Metric.MACS), b);
            agree(plan, EnumSet.of(Change.CHANNELS), new Score.OfMetric(Metric.PARAMS), b);
        }
    }

    @Test
    void matchesExhaustiveWithKernelsSeparableFormsAndTwoBudgets() {
        PlanFile plan = PlanFiles.read(dir, "model: resnet18\nhardware: jetson-orin-nano-8gb\nprecision: fp16\n"
                + "per: stage\nlevels: 4\nfrozen: [layer1, layer2]\nbudgets: {latencySeconds: 60%, params: 40%}\n");
        double[] base = plan.baseMetrics();
        List<Budget> b = List.of(max(Metric.LATENCY_SECONDS, 0.6 * base[Metric.LATENCY_SECONDS.ordinal()]),
                max(Metric.PARAMS, 0.4 * base[Metric.PARAMS.ordinal()]));
        agree(plan, EnumSet.allOf(Change.class), new Score.OfMetric(Metric.MACS), b);
    }

    @Test
    void matchesExhaustiveUnderAPeakMemoryBudget() {
        PlanFile plan = PlanFiles.read(dir, "model: vgg16\nper: stage\nlevels: 6\nfrozen: [block1]\n"
                + "budgets: {peakActivationBytes: 60%}\n");
        double[] base = plan.baseMetrics();
        for (double share : new double[] {0.5, 0.6, 0.8}) {
            List<Budget> b = List.of(max(Metric.PEAK_ACTIVATION_BYTES,
                    share * base[Metric.PEAK_ACTIVATION_BYTES.ordinal()]), max(Metric.MACS, 0.5
                    * base[Metric.MACS.ordinal()]));
            agree(plan, EnumSet.of(Change.CHANNELS), new Score.OfMetric(Metric.PARAMS), b);
        }
    }

    @Test
    void matchesExhaustiveForImportanceScoresOnPerGroupWidths() {
        PlanFile plan = PlanFiles.read(dir, "model: resnet18\nhardware: t4\nlevels: 3\nfrozen: [layer3, layer4]\n"
                + "budgets: {latencySeconds: 85%}\n");
        ResolvedSpace space = PruneSpace.build(plan, EnumSet.of(Change.CHANNELS));
        // scores that favour no width in particular: a deterministic pseudo-random weight per knob and choice
        double[][] perChoice = new double[space.space().knobCount()][];
        java.util.Random r = new java.util.Random(7);
        for (int k = 0; k < perChoice.length; k++) {
            perChoice[k] = new double[space.space().choices(k)];
            double acc = 0;
            for (int c = 0; c < perChoice[k].length; c++) {
                acc += r.nextDouble();
                perChoice[k][c] = acc;
            }
        }
        double base = plan.baseMetrics()[Metric.LATENCY_SECONDS.ordinal()];
        agree(plan, EnumSet.of(Change.CHANNELS), new Score.OfChoices(perChoice),
                List.of(max(Metric.LATENCY_SECONDS, 0.85 * base)));
    }
}
