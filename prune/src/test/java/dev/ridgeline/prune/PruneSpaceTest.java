package dev.ridgeline.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.ResolvedSpace;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plan may change: width ladders, frozen layers, kernel ladders and separable stages. */
class PruneSpaceTest {
    @TempDir
    Path dir;

    @Test
    void widthsRunFromMinKeepToTheBaseInStepsOfTheDivisorThinnedToLevels() {
        PlanFile all = PlanFiles.read(dir, "model: resnet18\nbudgets: {params: 50%}\nlevels: 20\n");
        assertArrayEquals(new int[] {16, 24, 32, 40, 48, 56, 64}, PruneSpace.widthLadder(64, 1, all));
        assertArrayEquals(new int[] {128, 136, 144}, PruneSpace.widthLadder(144, 1,
                PlanFiles.read(dir, "model: resnet18\nbudgets: {params: 50%}\nminKeep: 0.875\n")));
        PlanFile four = PlanFiles.read(dir, "model: resnet18\nbudgets: {params: 50%}\nlevels: 4\n");
        int[] thinned = PruneSpace.widthLadder(512, 1, four);
        assertEquals(4, thinned.length);
        assertEquals(128, thinned[0]);
        assertEquals(512, thinned[3]);
        PlanFile d16 = PlanFiles.read(dir, "model: resnet18\nbudgets: {params: 50%}\ndivisor: 16\nminKeep: 0.3\n");
        assertArrayEquals(new int[] {32, 48, 64}, PruneSpace.widthLadder(64, 1, d16));
    }

    @Test
    void frozenStagesKeepTheirWidthsKernelsAndForms() {
        PlanFile plan = PlanFiles.read(dir, "model: resnet18\nbudgets: {params: 50%}\nfrozen: [conv1, layer4]\n");
        ResolvedSpace s = PruneSpace.build(plan, EnumSet.allOf(Change.class));
        for (var k : s.space().knobs()) {
            assertTrue(!k.name().contains("layer4") && !k.name().equals("kernel:conv1"), k.name());
            if (k.target() instanceof KnobTarget.Width w) {
                for (int g : w.groups()) {
                    assertTrue(s.groups().groups().get(g).members().stream()
                            .noneMatch(m -> m.startsWith("layer4") || m.equals("conv1")), k.name());
                }
            }
        }
        // conv1 is ResNet's only conv above 3x3: frozen, no kernel knob is left
        assertTrue(s.space().knobs().stream().noneMatch(k -> k.target() instanceof KnobTarget.Kernel));
    }

    @Test
    void aSevenBySevenConvMayShrinkToFiveOrThree() {
        PlanFile plan = PlanFiles.read(dir, "model: resnet18\nbudgets: {params: 50%}\n");
        ResolvedSpace s = PruneSpace.build(plan, EnumSet.of(Change.CHANNELS, Change.KERNELS));
        KnobTarget.Kernel k = s.space().knobs().stream().map(x -> x.target())
                .filter(t -> t instanceof KnobTarget.Kernel).map(t -> (KnobTarget.Kernel) t).findFirst().orElseThrow();
        assertEquals(java.util.List.of("conv1"), k.layers());
        assertArrayEquals(new int[] {3, 5, 7}, k.sizes());
    }
}
