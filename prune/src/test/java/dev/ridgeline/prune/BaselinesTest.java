package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baselines a plan is compared with (docs/plan-format.md, "Baselines"), on {@link TinyPlans}' models, every
 * figure derived by hand: the uniform width multiplier (the largest in steps of 0.01 that meets the budgets) and
 * the greedy schedule (each step cuts the knob whose cut, just large enough to remove 2% of the base resource,
 * keeps the highest score).
 */
class BaselinesTest {
    @TempDir
    Path dir;

    private static Budget max(Metric m, double v) {
        return new Budget(m, v, Double.NaN);
    }

    private static Budget min(Metric m, double v) {
        return new Budget(m, Double.NaN, v);
    }

    private static double params(double[] metrics) {
        return metrics[Metric.PARAMS.ordinal()];
    }

    /** Chain with A = B = 32, divisor 8, minKeep 0.25: each width takes 8, 16, 24 or 32 (choices 0 to 3). */
    private PlanProblem chain32(List<Budget> budgets) {
        PlanFile plan = TinyPlans.plan(dir, TinyPlans.chain(32, 32), "budgets: {params: 50%}\n");
        PlanProblem p = TinyPlans.problem(plan, budgets, new Score.OfMetric(Metric.MACS));
        assertEquals(List.of("width:a", "width:b"), p.space().space().knobs().stream().map(k -> k.name()).toList());
        return p;
    }

    @Test
    void uniformTakesTheLargestMultiplierWhoseWidthsMeetTheBudgets() {
        // base 27*32 + 32*32 + 10*32 = 2208 params; at 0.99 to 0.75 both widths are 24 (at most 31.68 .. 24):
        // 27*24 + 24*24 + 10*24 = 1464 params, 64 (648 + 576) + 240 = 78576 MACs
        PrunePlan.Baseline u = Baselines.uniform(chain32(List.of(max(Metric.PARAMS, 1900))), 0.25);
        assertTrue(u.feasible());
        assertEquals("uniform", u.name());
        assertEquals("width multiplier 0.99", u.setting());
        assertArrayEquals(new int[] {2, 2}, u.choices());
        assertEquals(1464, params(u.metrics()));
        assertEquals(78576, u.score());
    }

    @Test
    void uniformGoesDownToMinKeepAndNoFurther() {
        // at 0.5 both widths are 16: 432 + 256 + 160 = 848 params; at 0.49 and below 8, which minKeep 0.5 forbids
        PrunePlan.Baseline atHalf = Baselines.uniform(chain32(List.of(max(Metric.PARAMS, 848))), 0.5);
        assertEquals("width multiplier 0.74", atHalf.setting());
        assertArrayEquals(new int[] {1, 1}, atHalf.choices());
        PrunePlan.Baseline none = Baselines.uniform(chain32(List.of(max(Metric.PARAMS, 847))), 0.5);
        assertFalse(none.feasible());
        assertNull(none.choices());
        assertTrue(Double.isNaN(none.score()));
        assertEquals("no width multiplier down to minKeep meets the budgets", none.setting());
        // minKeep 0.25: widths of 8 at 0.25 (216 + 64 + 80 = 360 params)
        PrunePlan.Baseline quarter = Baselines.uniform(chain32(List.of(max(Metric.PARAMS, 360))), 0.25);
        assertEquals("width multiplier 0.49", quarter.setting());
        assertArrayEquals(new int[] {0, 0}, quarter.choices());
    }

    @Test
    void greedyCutsTheKnobThatKeepsTheMostScore() {
        // from 2208 params: a to 24 leaves 1736 params and 90944 MACs, b to 24 leaves 1872 and 104688 MACs; b wins
        PrunePlan.Baseline g = Baselines.greedy(chain32(List.of(max(Metric.PARAMS, 1900))));
        assertTrue(g.feasible());
        assertEquals("greedy", g.name());
        assertArrayEquals(new int[] {3, 2}, g.choices());
        assertEquals(1872, params(g.metrics()));
        assertEquals(104688, g.score());
        assertEquals("1 steps of 2% of the base resource", g.setting());
    }

    @Test
    void greedyCutsJustEnoughToRemoveTwoPercentOfTheBase() {
        // divisor 1: widths 8 to 32 in steps of 1. 2% of 2208 params is 44.16. A channel of a removes 27 + 32 = 59
        // params (64 * 59 = 3776 MACs); one of b removes 32 + 10 = 42, too few, so b needs two (4096 + 20 = 4116
        // MACs): a keeps more, and 27*31 + 31*32 + 320 = 2149 params meet 2160
        PlanFile plan = TinyPlans.plan(dir, TinyPlans.chain(32, 32), "budgets: {params: 50%}\ndivisor: 1\nlevels: 25\n");
        PrunePlan.Baseline g = Baselines.greedy(TinyPlans.problem(plan, List.of(max(Metric.PARAMS, 2160)),
                new Score.OfMetric(Metric.MACS)));
        assertArrayEquals(new int[] {23, 24}, g.choices());
        assertEquals(2149, params(g.metrics()));
        assertEquals("1 steps of 2% of the base resource", g.setting());
    }

    @Test
    void aCutThatRemovesExactlyTwoPercentIsEnough() {
        // symmetric-like chain on 10 x 1 x 1: 10 A + A B + 10 B params; at A = 42, B = 40 that is 2500, 2% of it 50.
        // A channel of a removes 10 + 40 = 50, exactly enough (2450); one of b removes 42 + 10 = 52 (2448): a keeps
        // more. Divisor 1, 40 levels: A takes 11 to 42 (choice 30 is 41), B 10 to 40 (choice 30 is 40)
        String model = "name: exact\ninput: [10, 1, 1]\nlayers:\n"
                + "  - conv: {name: a, out: 42, kernel: 1, bias: false}\n"
                + "  - conv: {name: b, out: 40, kernel: 1, bias: false}\n"
                + "  - flatten: {name: flat}\n  - linear: {name: fc, out: 10, bias: false}\n";
        PlanFile plan = TinyPlans.plan(dir, model, "budgets: {params: 50%}\ndivisor: 1\nlevels: 40\n");
        PrunePlan.Baseline g = Baselines.greedy(TinyPlans.problem(plan, List.of(max(Metric.PARAMS, 2450)),
                new Score.OfMetric(Metric.PARAMS)));
        assertArrayEquals(new int[] {30, 30}, g.choices());
        assertEquals(2450, g.score());
    }

    @Test
    void greedyCutsTheMostExceededBudgetFirst() {
        // fc to 100 outputs, divisor 1: 864 + 1024 + 3200 = 5088 params, 64 (864 + 1024) + 3200 = 124032 MACs. A
        // channel of a removes 59 params and 3776 MACs, one of b 132 params and 2048 + 100 = 2148 MACs. Budgets
        // 5040 params (0.95% over) and 120300 MACs (3.1% over): MACs first, 2% is 2480.64, so a loses 1 channel
        // (5029 params) or b 2 (4824): a keeps more params, and 5029 params, 120256 MACs meet both. Cutting for
        // params instead (2% is 101.76) would take 2 channels of a (4970) or 1 of b (4956): a by 2.
        PlanFile plan = TinyPlans.plan(dir, TinyPlans.chain(32, 32, 100),
                "budgets: {params: 50%}\ndivisor: 1\nlevels: 25\n");
        List<Budget> budgets = List.of(max(Metric.PARAMS, 5040), max(Metric.MACS, 120300));
        PrunePlan.Baseline g = Baselines.greedy(TinyPlans.problem(plan, budgets, new Score.OfMetric(Metric.PARAMS)));
        assertArrayEquals(new int[] {23, 24}, g.choices());
        assertEquals(5029, g.score());
        assertEquals(120256, g.metrics()[Metric.MACS.ordinal()]);
    }

    @Test
    void ofTwoBudgetsExceededAlikeTheFirstListedIsCutFirst() {
        // the chain with fc to 100 (5088 params, 124032 MACs), divisor 1. 4982 params and 121448 MACs are both
        // exceeded by exactly 1/47. Params first: 2% is 101.76, so a loses 2 channels (4970 params, 116480 MACs) or
        // b 1 (4956): a, and both budgets hold after one step. (MACs first would cut a by 1 to 5029 params.)
        PlanFile plan = TinyPlans.plan(dir, TinyPlans.chain(32, 32, 100),
                "budgets: {params: 50%}\ndivisor: 1\nlevels: 25\n");
        List<Budget> budgets = List.of(max(Metric.PARAMS, 4982), max(Metric.MACS, 121448));
        PrunePlan.Baseline g = Baselines.greedy(TinyPlans.problem(plan, budgets, new Score.OfMetric(Metric.PARAMS)));
        assertArrayEquals(new int[] {22, 24}, g.choices());
        assertEquals(4970, g.score());
        assertEquals("1 steps of 2% of the base resource", g.setting());
    }

    @Test
    void greedyNeverCutsAKnobThatLeavesTheResourceAsItIs() {
        // a 5x5 conv (3 to 32) and a 3x3 one (32 to 32), each "same": a smaller kernel keeps every activation's
        // size, so under a budget on peak activation memory only widths are cut, though the kernel cut keeps the
        // most MACs (64 * 27 * 32 + 64 * 288 * 32 + 320 against at most 596208 for a width cut)
        String model = "name: kernels\ninput: [3, 8, 8]\nlayers:\n"
                + "  - conv: {name: a, out: 32, kernel: 5, padding: 2, bias: false}\n"
                + "  - conv: {name: b, out: 32, kernel: 3, padding: 1, bias: false}\n"
                + "  - global_avgpool: {name: gap}\n  - flatten: {name: flat}\n"
                + "  - linear: {name: fc, out: 10, bias: false}\n";
        PlanFile plan = TinyPlans.plan(dir, model, "budgets: {params: 50%}\n");
        var space = PruneSpace.build(plan, java.util.EnumSet.of(PlanFile.Change.CHANNELS, PlanFile.Change.KERNELS));
        assertEquals(List.of("width:a", "width:b", "kernel:a"), space.space().knobs().stream().map(k -> k.name())
                .toList());
        double peak = plan.baseMetrics()[Metric.PEAK_ACTIVATION_BYTES.ordinal()];
        PlanProblem problem = new PlanProblem(space, dev.ridgeline.search.eval.EvaluatorCompiler.compile(space,
                plan.setup()), List.of(max(Metric.PEAK_ACTIVATION_BYTES, 0.9 * peak)), new Score.OfMetric(Metric.MACS));
        PrunePlan.Baseline g = Baselines.greedy(problem);
        assertTrue(g.feasible(), g.setting());
        assertEquals(1, g.choices()[2], "the kernel stays 5x5");
    }

    @Test
    void greedyReachesTheLeastChoiceAndBreaksTiesToTheFirstKnob() {
        // symmetric: 10*16 + 16*16 + 10*16 = 576 params; a or b to 8 leaves 80 + 128 + 160 = 368 either way: a first
        PlanFile plan = TinyPlans.plan(dir, TinyPlans.SYMMETRIC, "budgets: {params: 50%}\n");
        PrunePlan.Baseline g = Baselines.greedy(TinyPlans.problem(plan, List.of(max(Metric.PARAMS, 400)),
                new Score.OfMetric(Metric.PARAMS)));
        assertArrayEquals(new int[] {0, 1}, g.choices());
        assertEquals(368, g.score());
        // below the least point (8, 8), 80 + 64 + 80 = 224 params: two steps, then stuck
        PrunePlan.Baseline stuck = Baselines.greedy(TinyPlans.problem(plan, List.of(max(Metric.PARAMS, 200)),
                new Score.OfMetric(Metric.PARAMS)));
        assertFalse(stuck.feasible());
        assertNull(stuck.choices());
        assertEquals(224, params(stuck.metrics()));
        assertEquals("stuck after 2 steps: no knob can cut further", stuck.setting());
        PrunePlan.Baseline u = Baselines.uniform(TinyPlans.problem(plan, List.of(max(Metric.PARAMS, 400)),
                new Score.OfMetric(Metric.PARAMS)), 0.25);
        assertEquals("width multiplier 0.99", u.setting());
        assertEquals(224, u.score());
    }

    @Test
    void greedyCannotRaiseAMissedMinimum() {
        PlanFile plan = TinyPlans.plan(dir, TinyPlans.chain(32, 32), "budgets: {params: 50%}\n");
        Score macs = new Score.OfMetric(Metric.MACS);
        PrunePlan.Baseline base = Baselines.greedy(TinyPlans.problem(plan, List.of(min(Metric.PARAMS, 3000)), macs));
        assertFalse(base.feasible());
        assertEquals("the base widths already miss a minimum, which cutting cannot raise", base.setting());
        // the first step (b to 24) meets 1900 params and leaves 104688 MACs, below a minimum of 110000
        PrunePlan.Baseline after = Baselines.greedy(TinyPlans.problem(plan,
                List.of(max(Metric.PARAMS, 1900), min(Metric.MACS, 110000)), macs));
        assertFalse(after.feasible());
        assertEquals(104688, after.metrics()[Metric.MACS.ordinal()]);
        assertEquals("after 1 steps below a minimum, which cutting cannot raise", after.setting());
        // a ceiling met exactly (the base's 2208 params) is not exceeded: only the missed minimum is left
        PrunePlan.Baseline exact = Baselines.greedy(TinyPlans.problem(plan,
                List.of(max(Metric.PARAMS, 2208), min(Metric.MACS, 130000)), macs));
        assertEquals("the base widths already miss a minimum, which cutting cannot raise", exact.setting());
    }

    @Test
    void uniformReachesAMinKeepBelowOnePercent() {
        // one 1x1 conv of 200 channels on a 10 x 1 x 1 input, fc to 10: 20 A params. Divisor 1, minKeep 0.005,
        // 200 levels: widths 1 to 200. At 0.01 the width is 2 (40 params), only at minKeep itself 1 (20)
        String model = "name: wide\ninput: [10, 1, 1]\nlayers:\n"
                + "  - conv: {name: a, out: 200, kernel: 1, bias: false}\n  - flatten: {name: flat}\n"
                + "  - linear: {name: fc, out: 10, bias: false}\n";
        PlanFile plan = TinyPlans.plan(dir, model, "budgets: {params: 50%}\ndivisor: 1\nminKeep: 0.005\n"
                + "levels: 200\n");
        PrunePlan.Baseline u = Baselines.uniform(TinyPlans.problem(plan, List.of(max(Metric.PARAMS, 30)),
                new Score.OfMetric(Metric.PARAMS)), 0.005);
        assertTrue(u.feasible(), u.setting());
        assertArrayEquals(new int[] {0}, u.choices());
        assertEquals(20, params(u.metrics()));
    }
}
