package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.ResolvedSpace;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/plan-format.md's plan space on small models: a thinned width ladder keeps its least width, a stage's
 * groups share one knob of multipliers, kernels and separable forms go per stage, and more than eight stages
 * of separable convs are merged into eight knobs at most; a plan read as changes lists them in model order.
 */
class PruneSpaceRulesTest {
    @TempDir
    Path dir;

    @Test
    void aThinnedLadderKeepsItsLeastWidth() {
        // divisor 1, minKeep 0.3 of 16: 5 to 16 is 12 widths; 8 levels take every second from 16 (16 .. 6), and 5
        // replaces 6 as the least
        PlanFile plan = TinyPlans.plan(dir, TinyPlans.chain(16, 16), "budgets: {params: 50%}\ndivisor: 1\n"
                + "minKeep: 0.3\n");
        assertArrayEquals(new int[] {5, 8, 10, 12, 14, 16}, PruneSpace.widthLadder(16, 1, plan));
        // exactly 8 widths (9 to 16 at minKeep 0.55) are not thinned
        assertArrayEquals(new int[] {9, 10, 11, 12, 13, 14, 15, 16}, PruneSpace.widthLadder(16, 1,
                TinyPlans.plan(dir, TinyPlans.chain(16, 16), "budgets: {params: 50%}\ndivisor: 1\nminKeep: 0.55\n")));
    }

    @Test
    void aStagesGroupsShareOneKnobOfMultipliers() {
        // a (35 channels) and b (32) in stage s1, 4 levels from 0.25: multipliers 0.25, 0.5, 0.75, 1. a's widths are
        // its multiples of 8 nearest 35 m (8, 16, 24) but at least its ladder's least, 16 (0.25 of 35 rounded up
        // to 8s); its base, 35, at 1. b: 8, 16, 24, 32
        String model = "name: staged\ninput: [3, 8, 8]\nlayers:\n"
                + "  - conv: {name: a, out: 35, kernel: 3, padding: 1, bias: false, stage: s1}\n"
                + "  - conv: {name: b, out: 32, kernel: 1, bias: false, stage: s1}\n"
                + "  - global_avgpool: {name: gap}\n  - flatten: {name: flat}\n"
                + "  - linear: {name: fc, out: 10, bias: false}\n";
        PlanFile plan = TinyPlans.plan(dir, model, "budgets: {params: 50%}\nper: stage\nlevels: 4\n");
        ResolvedSpace space = PruneSpace.build(plan, EnumSet.of(Change.CHANNELS));
        assertEquals(1, space.space().knobCount());
        Knob k = space.space().knobs().get(0);
        assertEquals("width:s1", k.name());
        assertEquals(List.of("0.250", "0.500", "0.750", "1.000"), k.labels());
        KnobTarget.Width w = (KnobTarget.Width) k.target();
        assertArrayEquals(new int[][] {{16, 8}, {16, 16}, {24, 24}, {35, 32}}, w.channels());
    }

    /** Three 5x5 convs of 8 channels; p and r in stage s1, q in stage s2 between them. */
    private static final String INTERLEAVED = "name: interleaved\ninput: [3, 8, 8]\nlayers:\n"
            + "  - conv: {name: p, out: 8, kernel: 5, padding: 2, stage: s1}\n"
            + "  - conv: {name: q, out: 8, kernel: 5, padding: 2, stage: s2}\n"
            + "  - conv: {name: r, out: 8, kernel: 5, padding: 2, stage: s1}\n"
            + "  - global_avgpool: {name: gap}\n  - flatten: {name: flat}\n"
            + "  - linear: {name: fc, out: 10}\n";

    @Test
    void kernelsAndSeparableFormsGoPerStageAndAPlanListsThemInModelOrder() {
        PlanFile plan = TinyPlans.plan(dir, INTERLEAVED, "budgets: {params: 50%}\nper: stage\n");
        ResolvedSpace space = PruneSpace.build(plan, EnumSet.allOf(Change.class));
        // 8 channels at divisor 8 leave no smaller width: no width knobs
        assertEquals(List.of("separable:s1", "separable:s2", "kernel:s1", "kernel:s2"),
                space.space().knobs().stream().map(Knob::name).toList());
        assertEquals(List.of("p", "r"), ((KnobTarget.Kernel) space.space().knobs().get(2).target()).layers());
        assertArrayEquals(new int[] {3, 5}, ((KnobTarget.Kernel) space.space().knobs().get(2).target()).sizes());
        assertEquals(List.of("p", "r"), ((KnobTarget.Separable) space.space().knobs().get(0).target()).sites());

        // every knob at its least: every conv 3x3 and separable
        PrunePlan least = new PrunePlan(plan, List.of(), EnumSet.allOf(Change.class), space, true, new int[4],
                new double[Metric.COUNT], 0, 0, List.of(), List.of(), "test", 0, Optional.empty(), Optional.empty());
        PlanChanges c = PlanChanges.of(least);
        assertEquals(List.of(new PlanChanges.KernelChange("p", 5, 3), new PlanChanges.KernelChange("q", 5, 3),
                new PlanChanges.KernelChange("r", 5, 3)), c.kernels());
        assertEquals(List.of("p", "q", "r"), c.separable());
        assertEquals(List.of(List.of("p"), List.of("q"), List.of("r"), List.of("fc")),
                c.groups().stream().map(PlanChanges.GroupChange::layers).toList());
        assertFalse(c.groups().stream().anyMatch(PlanChanges.GroupChange::adjustable));
        // per layer instead: a knob each
        PlanFile perLayer = TinyPlans.plan(dir, INTERLEAVED, "budgets: {params: 50%}\n");
        assertEquals(List.of("kernel:p", "kernel:q", "kernel:r"), PruneSpace.build(perLayer,
                EnumSet.of(Change.KERNELS)).space().knobs().stream().map(Knob::name).toList());
        assertEquals(0, PruneSpace.build(perLayer, EnumSet.of(Change.CHANNELS)).space().knobCount());
    }

    @Test
    void moreThanEightStagesOfConvsAreMergedIntoEightSeparableKnobsAtMost() {
        StringBuilder m = new StringBuilder("name: nine\ninput: [3, 8, 8]\nlayers:\n");
        for (int i = 1; i <= 9; i++) {
            m.append("  - conv: {name: c").append(i).append(", out: 8, kernel: 3, padding: 1}\n");
        }
        m.append("  - global_avgpool: {name: gap}\n  - flatten: {name: flat}\n  - linear: {name: fc, out: 10}\n");
        PlanFile plan = TinyPlans.plan(dir, m.toString(), "budgets: {params: 50%}\n");
        ResolvedSpace space = PruneSpace.build(plan, EnumSet.of(Change.SEPARABLE));
        // 9 stages, 2 per knob
        assertEquals(List.of("separable:c1..c2", "separable:c3..c4", "separable:c5..c6", "separable:c7..c8",
                "separable:c9"), space.space().knobs().stream().map(Knob::name).toList());
        assertEquals(List.of("c1", "c2"), ((KnobTarget.Separable) space.space().knobs().get(0).target()).sites());
    }
}
