package dev.ridgeline.prune;

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

    /** Three 3x3 convs of 32 channels, each its own stage (so its own separable knob), pool, fc to 10. */
    private static final String THREE_CONVS = "name: three\ninput: [3, 8, 8]\nlayers:\n"
            + "  - conv: {name: a, out: 32, kernel: 3, padding: 1, bias: false}\n"
            + "  - conv: {name: b, out: 32, kernel: 3, padding: 1, bias: false}\n"
            + "  - conv: {name: c, out: 32, kernel: 5, padding: 2, bias: false}\n"
            + "  - global_avgpool: {name: gap}\n"
            + "  - flatten: {name: flat}\n"
            + "  - linear: {name: fc, out: 10, bias: false}\n";

    @Test
    void matchesExhaustiveAcrossSeveralSeparableKnobs() {
        PlanFile plan = TinyPlans.plan(dir, THREE_CONVS, "budgets: {params: 50%}\nlevels: 4\n");
        double params = plan.baseMetrics()[Metric.PARAMS.ordinal()];
        double macs = plan.baseMetrics()[Metric.MACS.ordinal()];
        for (double share : new double[] {0.05, 0.1, 0.2, 0.35, 0.5, 0.8}) {
            agree(plan, EnumSet.allOf(Change.class), new Score.OfMetric(Metric.MACS),
                    List.of(max(Metric.PARAMS, share * params)));
            agree(plan, EnumSet.of(Change.CHANNELS, Change.SEPARABLE), new Score.OfMetric(Metric.PARAMS),
                    List.of(max(Metric.MACS, share * macs)));
        }
    }

    @Test
    void matchesExhaustiveUnderRepeatedBudgetsOnOneMetric() {
        PlanFile plan = TinyPlans.plan(dir, THREE_CONVS, "budgets: {params: 50%}\nlevels: 4\n");
        double[] base = plan.baseMetrics();
        double params = base[Metric.PARAMS.ordinal()];
        double peak = base[Metric.PEAK_ACTIVATION_BYTES.ordinal()];
        // the tighter of two ceilings on one metric holds, whichever comes first
        agree(plan, EnumSet.of(Change.CHANNELS), new Score.OfMetric(Metric.MACS),
                List.of(max(Metric.PARAMS, 0.6 * params), max(Metric.PARAMS, 0.3 * params)));
        agree(plan, EnumSet.of(Change.CHANNELS), new Score.OfMetric(Metric.MACS),
                List.of(max(Metric.PARAMS, 0.3 * params), max(Metric.PARAMS, 0.6 * params)));
        agree(plan, EnumSet.allOf(Change.class), new Score.OfMetric(Metric.PARAMS),
                List.of(max(Metric.PEAK_ACTIVATION_BYTES, 0.9 * peak), max(Metric.PEAK_ACTIVATION_BYTES, 0.5 * peak)));
        agree(plan, EnumSet.allOf(Change.class), new Score.OfMetric(Metric.PARAMS),
                List.of(max(Metric.PEAK_ACTIVATION_BYTES, 0.5 * peak), max(Metric.PEAK_ACTIVATION_BYTES, 0.9 * peak)));
    }

    @Test
    void matchesExhaustiveForImportanceScoresBesideKernelAndSeparableKnobs() {
        PlanFile plan = TinyPlans.plan(dir, THREE_CONVS, "budgets: {params: 50%}\nlevels: 4\n");
        ResolvedSpace space = PruneSpace.build(plan, EnumSet.allOf(Change.class));
        double[][] perChoice = new double[space.space().knobCount()][];
        java.util.Random r = new java.util.Random(3);
        for (int k = 0; k < perChoice.length; k++) {
            boolean width = space.space().knobs().get(k).name().startsWith("width:");
            perChoice[k] = new double[width ? space.space().choices(k) : 0];
            double acc = 0;
            for (int c = 0; c < perChoice[k].length; c++) {
                acc += r.nextDouble();
                perChoice[k][c] = acc;
            }
        }
        double params = plan.baseMetrics()[Metric.PARAMS.ordinal()];
        for (double share : new double[] {0.1, 0.3, 0.6}) {
            agree(plan, EnumSet.allOf(Change.class), new Score.OfChoices(perChoice),
                    List.of(max(Metric.PARAMS, share * params)));
        }
    }

    @Test
    void findsNothingWhereNothingMeetsTheBudgets() {
        PlanFile plan = TinyPlans.plan(dir, THREE_CONVS, "budgets: {params: 50%}\nlevels: 4\n");
        // fc alone holds 8 * 10 params at the least widths
        agree(plan, EnumSet.allOf(Change.class), new Score.OfMetric(Metric.MACS), List.of(max(Metric.PARAMS, 50)));
        agree(plan, EnumSet.of(Change.CHANNELS), new Score.OfMetric(Metric.MACS),
                List.of(max(Metric.PEAK_ACTIVATION_BYTES, 10)));
    }
}
