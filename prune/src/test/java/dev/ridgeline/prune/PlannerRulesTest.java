package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.space.Knob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's rules on models small enough to check by hand (docs/plan-format.md): the notes of each stage,
 * the steps a plan is applied in, its base score, and the refusal of a space whose tables would be too large.
 */
class PlannerRulesTest {
    @TempDir
    Path dir;

    /** conv a 5x5 (3 to 32, padding 2), conv b 3x3 (32 to 32, padding 1), pool, fc to 10; no biases. */
    private static final String KERNELS = "name: kernels\ninput: [3, 8, 8]\nlayers:\n"
            + "  - conv: {name: a, out: 32, kernel: 5, padding: 2, bias: false}\n"
            + "  - conv: {name: b, out: 32, kernel: 3, padding: 1, bias: false}\n"
            + "  - global_avgpool: {name: gap}\n"
            + "  - flatten: {name: flat}\n"
            + "  - linear: {name: fc, out: 10, bias: false}\n";

    private static PrunePlan plan(PlanFile request) {
        return new Planner(new ExhaustiveSolver(1_000_000)).plan(request, Optional.empty());
    }

    @Test
    void aPlanChannelsMeetSaysSoAndKeepsItsBaseScore() {
        // chain 32/32: base 121152 MACs; 1900 params are met by the widths (32, 24) at most: 864 + 768 + 240 =
        // 1872 params, 64 (864 + 768) + 240 = 104688 MACs (a at 24 would keep only 90944)
        PlanFile request = TinyPlans.plan(dir, TinyPlans.chain(32, 32), "budgets: {params: 1900}\n");
        long before = System.nanoTime();
        PrunePlan p = plan(request);
        double elapsed = (System.nanoTime() - before) / 1e9;
        assertTrue(p.feasible());
        assertEquals(1, p.attempts().size());
        assertEquals("channels alone meet the budgets", p.attempts().get(0).note());
        assertArrayEquals(new int[] {3, 2}, p.chosen());
        assertArrayEquals(new int[] {3, 3}, p.baseChoices());
        assertEquals(104688, p.score());
        assertEquals(121152, p.baseScore());
        assertEquals("exhaustive", p.solver());
        // the time the plan reports lies within the time the call took
        assertTrue(p.wallSeconds() >= 0 && p.wallSeconds() <= elapsed, p.wallSeconds() + " s of " + elapsed);
        assertEquals(1, p.steps().size());
        assertEquals(Change.CHANNELS, p.steps().get(0).change());
        assertArrayEquals(new int[] {3, 2}, p.steps().get(0).choices());
        assertEquals(1872, p.steps().get(0).metrics()[Metric.PARAMS.ordinal()]);
        assertEquals(List.of("uniform", "greedy"), p.baselines().stream().map(PrunePlan.Baseline::name).toList());
    }

    @Test
    void aBudgetNothingMeetsShowsEachStageAndAppliesTheClosestInSteps() {
        // params 1: no point meets it. At the least widths (8, 8) channels alone leave 3*25*8 + 8*9*8 + 80 = 1256
        PlanFile request = TinyPlans.plan(dir, KERNELS, "budgets: {params: 1}\n");
        PrunePlan p = plan(request);
        assertFalse(p.feasible());
        assertEquals(3, p.attempts().size());
        assertEquals(1256, p.attempts().get(0).reachable()[Metric.PARAMS.ordinal()]);
        assertEquals("channels alone reach at best 0.001 M params; budget 1.00e-06 M params (at minKeep 0.25)",
                p.attempts().get(0).note());
        assertTrue(p.attempts().get(1).note().startsWith("channels + kernels reach at best "),
                p.attempts().get(1).note());
        assertTrue(p.attempts().get(1).note().endsWith(" (at minKeep 0.25, kernels 3x3)"), p.attempts().get(1).note());
        assertTrue(p.attempts().get(2).note().endsWith(" (at minKeep 0.25, kernels 3x3, every allowed conv "
                + "separable)"), p.attempts().get(2).note());
        // the closest stage is the one that cuts the most: every kind of change, every knob at its least
        assertEquals(EnumSet.allOf(Change.class), p.stage());
        int[] least = new int[p.space().space().knobCount()];
        assertArrayEquals(least, p.chosen());
        // the steps: widths first, then kernels, then separable forms, each on top of the ones before
        List<Knob> knobs = p.space().space().knobs();
        assertEquals(List.of(Change.CHANNELS, Change.KERNELS, Change.SEPARABLE),
                p.steps().stream().map(PrunePlan.Step::change).toList());
        String[] prefixes = {"width:", "kernel:", "separable:"};
        for (int s = 0; s < 3; s++) {
            int[] expected = new int[knobs.size()];
            for (int k = 0; k < knobs.size(); k++) {
                boolean applied = false;
                for (int t = 0; t <= s; t++) {
                    applied |= knobs.get(k).name().startsWith(prefixes[t]);
                }
                expected[k] = applied ? 0 : knobs.get(k).choices() - 1;
            }
            PrunePlan.Step step = p.steps().get(s);
            assertArrayEquals(expected, step.choices(), step.change().toString());
            Model pruned = new DesignApplier(p.space()).apply(step.choices());
            CostReport report = Counter.count(ShapeInference.infer(pruned, 1), request.setup().convention(),
                    request.setup().precision().bytes());
            assertEquals(report.totals().params(), (long) step.metrics()[Metric.PARAMS.ordinal()], step.change()
                    .toString());
            assertEquals(report.totals().macs(), (long) step.metrics()[Metric.MACS.ordinal()]);
        }
        assertEquals(p.steps().get(2).metrics()[Metric.PARAMS.ordinal()], p.metrics()[Metric.PARAMS.ordinal()]);
    }

    @Test
    void aStageNoteNamesOnlyTheMissedCeilingsAndTheLimitsOfItsChanges() {
        PlanFile request = TinyPlans.plan(dir, TinyPlans.chain(32, 32),
                "budgets: {params: 2000000, macs: 3000000000}\nminKeep: 0.5\n");
        double[] reachable = new double[Metric.COUNT];
        reachable[Metric.PARAMS.ordinal()] = 2_000_000;
        reachable[Metric.MACS.ordinal()] = 3_500_000_000.0;
        assertEquals("channels + kernels reach at best 3.500 GMACs; budget 3.000 GMACs (at minKeep 0.5, kernels 3x3)",
                Planner.note(request, EnumSet.of(Change.CHANNELS, Change.KERNELS), reachable, false, Optional.empty()));
        assertEquals("channels + separable reach at best 3.500 GMACs; budget 3.000 GMACs (at minKeep 0.5, every "
                + "allowed conv separable)", Planner.note(request, EnumSet.of(Change.CHANNELS, Change.SEPARABLE),
                reachable, false, Optional.empty()));
        assertEquals("channels + kernels meet the budgets",
                Planner.note(request, EnumSet.of(Change.CHANNELS, Change.KERNELS), reachable, true, Optional.empty()));
    }

    @Test
    void anImportanceObjectiveNeedsChannelScores() throws Exception {
        Files.writeString(dir.resolve("scores.csv"), "layer,channel,score\n");
        PlanFile request = TinyPlans.plan(dir, TinyPlans.chain(32, 32),
                "budgets: {params: 1900}\nobjective: importance\nimportance: scores.csv\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan(request));
        assertEquals("objective importance without channel scores", e.getMessage());
    }

    @Test
    void anAccuracyObjectiveNeedsMeasuredDesigns() {
        PlanFile r = TinyPlans.plan(dir, TinyPlans.chain(32, 32), "budgets: {params: 1900}\n");
        // a request the plan reader would refuse: objective accuracy without designs
        PlanFile request = new PlanFile(r.source(), r.sha256(), r.modelSpec(), r.modelSha256(), r.modelFile(), r.model(),
                r.setup(), r.budgets(), r.baseMetrics(), r.divisor(), r.minKeep(), r.levels(), r.perStage(), r.frozen(),
                r.allow(), PlanFile.PruneObjective.ACCURACY, null, r.where());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan(request));
        assertEquals("objective accuracy without measured designs", e.getMessage());
    }

    /**
     * Seven 1x1 convs of 16 channels on the input, concatenated, and a conv to 10 reading the concatenation.
     * Divisor 1, minKeep 0.25, 8 levels: each width takes 16, 14, ..., 4 (13 widths thinned to every second:
     * 7 choices). Each conv's table spans its own width (7 entries); the concatenation's and the last conv's
     * span all seven (7^7 = 823,543 each): 49 + 1,647,086 = 1,647,135 entries, above the 200,000 built.
     */
    @Test
    void aSpaceWhoseTablesWouldBeTooLargeIsRefusedBeforeAnyWork() {
        StringBuilder m = new StringBuilder("name: wide\ninput: [3, 4, 4]\nlayers:\n");
        StringBuilder inputs = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            m.append("  - conv: {name: c").append(i).append(", out: 16, kernel: 1, inputs: input}\n");
            inputs.append(i == 1 ? "" : ", ").append('c').append(i);
        }
        m.append("  - concat: {name: cat, inputs: [").append(inputs).append("]}\n");
        m.append("  - conv: {name: out, out: 10, kernel: 1}\n");
        PlanFile request = TinyPlans.plan(dir, m.toString(), "budgets: {params: 50%}\ndivisor: 1\n");
        assertEquals(1_647_135, TableSize.entries(PruneSpace.build(request, EnumSet.of(Change.CHANNELS))));
        String expected = request.source() + ": the plan space's per-layer tables would hold 1,647,135 entries (at "
                + "most 200,000 are built): some layer reads many channel groups at once (a concatenation); use "
                + "'per: stage', fewer 'levels', or freeze more stages";
        assertEquals(expected, assertThrows(BadInputException.class, () -> Planner.check(request)).getMessage());
        assertEquals(expected, assertThrows(BadInputException.class, () -> plan(request)).getMessage());
    }

    @Test
    void aTableSpansTheWidthsALayerReadsAndWritesAndItsKernel() {
        // chain 32/32, 4 widths each: a reads the input (fixed) and writes A: 4; ra 4; b reads A, writes B: 16;
        // rb, gap, flat 4 each; fc reads B, writes the fixed output: 4. 40 in all
        PlanFile chain = TinyPlans.plan(dir, TinyPlans.chain(32, 32), "budgets: {params: 50%}\n");
        assertEquals(40, TableSize.entries(PruneSpace.build(chain, EnumSet.of(Change.CHANNELS))));
        // the kernels model: a's kernel (3 or 5) doubles its table: a 4 * 2, b 16, gap, flat, fc 4 each
        PlanFile kernels = TinyPlans.plan(dir, KERNELS, "budgets: {params: 50%}\n");
        assertEquals(36, TableSize.entries(PruneSpace.build(kernels, EnumSet.of(Change.CHANNELS, Change.KERNELS))));
    }
}
