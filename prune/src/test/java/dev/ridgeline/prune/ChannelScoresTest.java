package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.search.space.ChannelGroups;
import dev.ridgeline.search.space.ResolvedSpace;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group keeps its highest-scoring channels, and a width knob's score is the sum of what its groups keep. */
class ChannelScoresTest {
    @TempDir
    Path dir;

    private static ChannelGroups.Group groupOf(ResolvedSpace s, String layer) {
        return s.groups().groups().stream().filter(g -> g.members().contains(layer)).findFirst().orElseThrow();
    }

    @Test
    void aGroupKeepsItsHighestScoresAndTheirSumIsItsScore() {
        // chain 32/32, widths 8, 16, 24, 32. a scores channel i as i, b every channel 1 (ties to the lower index),
        // fc (the fixed output) 1 for channel 0
        PlanFile plan = TinyPlans.plan(dir, TinyPlans.chain(32, 32), "budgets: {params: 50%}\n");
        ResolvedSpace space = PruneSpace.build(plan, EnumSet.of(Change.CHANNELS));
        double[] ramp = IntStream.range(0, 32).asDoubleStream().toArray();
        double[] ones = new double[32];
        java.util.Arrays.fill(ones, 1);
        double[] fc = new double[10];
        fc[0] = 1;
        ChannelScores s = new ChannelScores(Map.of("a", ramp, "b", ones, "fc", fc), "test scores");
        assertEquals("test scores", s.source());
        ChannelGroups.Group a = groupOf(space, "a");
        ChannelGroups.Group b = groupOf(space, "b");
        assertArrayEquals(ramp, s.group(space.groups(), a));
        assertArrayEquals(IntStream.range(24, 32).toArray(), s.kept(space.groups(), a, 8));
        assertArrayEquals(IntStream.range(0, 8).toArray(), s.kept(space.groups(), b, 8));
        // 24 + ... + 31 = 220
        assertEquals(220, s.keptScore(space.groups(), a, 8));
        assertEquals(16, s.keptScore(space.groups(), b, 16));
        // per knob and choice: a keeps 8 to 31 (220), 16 to 31 (376), 8 to 31 (468), all (496); b its widths
        double[][] perChoice = s.perChoice(space);
        assertArrayEquals(new double[] {220, 376, 468, 496}, perChoice[0]);
        assertArrayEquals(new double[] {8, 16, 24, 32}, perChoice[1]);
    }

    @Test
    void kernelKnobsScoreNothing() {
        PlanFile plan = TinyPlans.plan(dir, "name: k\ninput: [3, 8, 8]\nlayers:\n"
                + "  - conv: {name: a, out: 16, kernel: 5, padding: 2}\n  - global_avgpool: {name: gap}\n"
                + "  - flatten: {name: flat}\n  - linear: {name: fc, out: 10}\n", "budgets: {params: 50%}\n");
        ResolvedSpace space = PruneSpace.build(plan, EnumSet.of(Change.CHANNELS, Change.KERNELS));
        double[] ramp = IntStream.range(0, 16).asDoubleStream().toArray();
        double[][] perChoice = new ChannelScores(Map.of("a", ramp), "test").perChoice(space);
        // width:a (8 or 16: 8 + ... + 15 = 92, or 120), then kernel:a (3 or 5)
        assertEquals("width:a", space.space().knobs().get(0).name());
        assertArrayEquals(new double[] {92, 120}, perChoice[0]);
        assertArrayEquals(new double[0], perChoice[1]);
    }

    @Test
    void normalisedScoresSumToOneAndZerosStayZero() {
        assertArrayEquals(new double[] {0.25, 0, 0.75}, ChannelScores.normalised(new double[] {1, 0, 3}));
        assertArrayEquals(new double[] {0, 0}, ChannelScores.normalised(new double[] {0, 0}));
    }
}
