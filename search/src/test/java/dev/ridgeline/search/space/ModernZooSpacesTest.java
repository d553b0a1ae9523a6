package dev.ridgeline.search.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.search.apply.DesignApplier;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sweeps over the modern zoo models: channel groups through splits and permutes, and random points. */
class ModernZooSpacesTest {

    @Test
    void aShuffleNetStageMovesItsSplitAndConcatChannelsTogether() {
        Model m = Zoo.load("shufflenet_v2_x1_0");
        ChannelGroups g = ChannelGroups.analyze(m);
        int stage = g.groupOfSource("stage2.0.branch1.2");
        for (String conv : List.of("stage2.0.branch2.5", "stage2.1.branch2.5", "stage2.3.branch2.5")) {
            assertEquals(stage, g.groupOfSource(conv), conv + " writes the stage's halves");
        }
        assertArrayEquals(new int[] {stage}, g.groupsOfTensor("stage2.2.split.0"));
        assertArrayEquals(new int[] {stage}, g.groupsOfTensor("stage2.2.split.1"));
        assertArrayEquals(new int[] {stage, stage}, g.groupsOfTensor("stage2.2.cat"));
        assertEquals(58, g.groups().get(stage).baseChannels());
        assertTrue(!g.groups().get(stage).fixed());
        assertTrue(g.groupOfSource("stage2.1.branch2.0") != stage, "the branch's inner width is free");

        ResolvedSpace space = SpaceBuilder.build(m, new SpaceSpec(List.of(Spaces.widths(Spaces.stages("stage2"),
                0.5, 1.0)), List.of(), List.of(), null));
        int[] half = new int[space.space().knobCount()];
        Model applied = new DesignApplier(space).apply(half);
        int halves = ((Conv2d) applied.node("stage2.0.branch1.2").orElseThrow().op()).outChannels();
        assertTrue(halves < 58, "the stage narrowed to " + halves);
        assertEquals(new Split(1, List.of(halves, halves), 0), applied.node("stage2.2.split.0").orElseThrow().op());
        assertEquals(halves, ((Conv2d) applied.node("stage2.3.branch2.5").orElseThrow().op()).outChannels());
        assertEquals(2 * halves, ShapeInference.infer(applied, 1).shapeOf("stage2.3.shuffle").channels());
        ShapeInference.infer(applied, 1);
    }

    @Test
    void convnextWidthsFollowTheChannelsThroughItsPermutes() {
        Model m = Zoo.load("convnext_tiny");
        ChannelGroups g = ChannelGroups.analyze(m);
        int stage1 = g.groupOfSource("features.0.0");
        assertEquals(stage1, g.groupOfSource("features.1.0.block.5"), "the block's second linear adds to the stem");
        assertEquals(stage1, g.groupOfSource("features.1.2.block.5"));
        assertTrue(g.groupOfSource("features.1.0.block.3") != stage1, "the MLP's 4x width is free");
        assertTrue(!g.groups().get(stage1).fixed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"shufflenet_v2_x1_0", "convnext_tiny", "mobilenet_v3_large", "efficientnet_b0", "densenet121",
            "regnet_y_400mf"})
    void tenThousandRandomPointsReanalyzeWithoutError(String name) {
        Model base = Zoo.load(name);
        ResolvedSpace space = SpaceBuilder.build(base, Spaces.rich(true));
        DesignApplier applier = new DesignApplier(space);
        SplittableRandom random = new SplittableRandom(14);
        DesignSpace s = space.space();
        assertTrue(s.knobCount() > 3, name + " has knobs to sweep: " + s.knobs());
        int[] choices = new int[s.knobCount()];
        for (int trial = 0; trial < 10_000; trial++) {
            for (int k = 0; k < choices.length; k++) {
                choices[k] = random.nextInt(s.choices(k));
            }
            Model applied = applier.apply(choices);
            Counter.count(ShapeInference.infer(applied, 1), Convention.FVCORE, 4);
        }
    }
}
