package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plans on the zoo: they meet their budgets, beat the baselines, reach the next kind of change only when needed. */
class PlannerTest {
    @TempDir
    Path dir;

    private PrunePlan plan(String yaml) {
        return new Planner(new EliminationSolver()).plan(PlanFiles.read(dir, yaml), Optional.empty());
    }

    /** The pruned model analysed from scratch by core and hardware gives the plan's figures exactly. */
    static void reanalysisGivesThePlannedFigures(PrunePlan p) {
        Model pruned = PlanChanges.prunedModel(p);
        PlanFile r = p.request();
        CostReport report = Counter.count(ShapeInference.infer(pruned, r.setup().batch()), r.setup().convention(),
                r.setup().precision().bytes());
        double[] m = p.metrics();
        assertEquals(report.totals().params(), (long) m[Metric.PARAMS.ordinal()]);
        assertEquals(report.totals().macs(), (long) m[Metric.MACS.ordinal()]);
        assertEquals(report.totals().flops(), (long) m[Metric.FLOPS.ordinal()]);
        assertEquals(report.peakActivationBytes(), (long) m[Metric.PEAK_ACTIVATION_BYTES.ordinal()]);
        assertEquals(report.weightBytes(), (long) m[Metric.WEIGHT_BYTES.ordinal()]);
        if (r.setup().device() != null) {
            assertEquals(Roofline.time(report, r.setup().device(), RooflineOptions.of(r.setup().precision()))
                    .totalSeconds(), m[Metric.LATENCY_SECONDS.ordinal()], 0.0);
        }
    }

    @ParameterizedTest(name = "{0} on {1}, latency at most {2}")
    @CsvSource({
        "resnet18, t4, 70%, conv1", "resnet18, jetson-orin-nano-8gb, 70%, conv1",
        "resnet50, t4, 70%, conv1", "resnet50, jetson-orin-nano-8gb, 70%, conv1",
        "mobilenet_v2, t4, 85%, stem", "mobilenet_v2, jetson-orin-nano-8gb, 80%, stem",
        "vgg16, t4, 70%, block1", "vgg16, jetson-orin-nano-8gb, 70%, block1",
        "googlenet, t4, 85%, conv1", "googlenet, jetson-orin-nano-8gb, 80%, conv1"})
    void zooPlansMeetTheirBudgetsBeatTheBaselinesAndReanalyzeExactly(String model, String device, String budget,
                                                                      String stem) {
        PrunePlan p = plan("model: " + model + "\nhardware: " + device + "\nprecision: fp16\nper: stage\n"
                + "frozen: [" + stem + "]\nbudgets: {latencySeconds: " + budget + "}\n");
        assertTrue(p.feasible(), () -> p.attempts().toString());
        assertTrue(p.request().budgets().get(0).allows(p.metrics()));
        reanalysisGivesThePlannedFigures(p);
        for (PrunePlan.Baseline b : p.baselines()) {
            if (b.feasible()) {
                assertTrue(p.score() >= b.score(), () -> b.name() + " keeps " + b.score() + " > " + p.score());
            }
        }
    }

    @Test
    void aBudgetChannelsCanMeetChangesNoKernelAndNoConvForm() {
        PrunePlan p = plan("model: resnet18\nhardware: t4\nprecision: fp16\nper: stage\nbudgets: {latencySeconds: 75%}\n");
        assertTrue(p.feasible());
        assertEquals(Set.of(Change.CHANNELS), p.stage());
        assertEquals(1, p.attempts().size());
        PlanChanges c = PlanChanges.of(p);
        assertTrue(c.kernels().isEmpty());
        assertTrue(c.separable().isEmpty());
        assertTrue(c.groups().stream().anyMatch(g -> g.width() < g.baseWidth()));
    }

    @Test
    void budgetsBelowTheChannelsOptimumBringKernelsAndOnlyThenSeparableForms() {
        String common = "model: resnet18\nhardware: t4\nprecision: fp16\nper: stage\nlevels: 4\n";
        PrunePlan probe = plan(common + "budgets: {params: 1%}\n");
        assertFalse(probe.feasible());
        double channelsOnly = probe.attempts().get(0).reachable()[Metric.PARAMS.ordinal()];
        double withKernels = probe.attempts().get(1).reachable()[Metric.PARAMS.ordinal()];
        double withSeparable = probe.attempts().get(2).reachable()[Metric.PARAMS.ordinal()];
        assertTrue(withKernels < channelsOnly && withSeparable < withKernels);

        PrunePlan kernels = plan(common + "budgets: {params: " + (long) ((channelsOnly + withKernels) / 2) + "}\n");
        assertTrue(kernels.feasible());
        assertEquals(EnumSet.of(Change.CHANNELS, Change.KERNELS), kernels.stage());
        assertFalse(PlanChanges.of(kernels).kernels().isEmpty());
        assertTrue(PlanChanges.of(kernels).separable().isEmpty());
        assertTrue(kernels.attempts().get(0).note().startsWith("channels alone reach at best"),
                kernels.attempts().get(0).note());
        reanalysisGivesThePlannedFigures(kernels);

        PrunePlan separable = plan(common + "budgets: {params: " + (long) ((withKernels + withSeparable) / 2) + "}\n");
        assertTrue(separable.feasible());
        assertEquals(EnumSet.allOf(Change.class), separable.stage());
        assertFalse(PlanChanges.of(separable).separable().isEmpty());
        assertEquals(3, separable.attempts().size());
        reanalysisGivesThePlannedFigures(separable);
    }

    @Test
    void aBudgetNothingMeetsIsAPlanThatSaysSoWithTheBestReachableFigures() {
        PrunePlan p = plan("model: resnet18\nhardware: t4\nprecision: fp16\nper: stage\nlevels: 3\n"
                + "budgets: {latencySeconds: 1%}\n");
        assertFalse(p.feasible());
        double best = p.metrics()[Metric.LATENCY_SECONDS.ordinal()];
        // reachable figures are the compiled evaluator's, whose latencies lie on an exact-sum grid; the plan's
        // are the reference path's: the same to rounding (1e-12 relative), not to the last bit
        assertTrue(p.attempts().stream().allMatch(
                a -> a.reachable()[Metric.LATENCY_SECONDS.ordinal()] >= best * (1 - 1e-12)));
        reanalysisGivesThePlannedFigures(p);
    }
}
