package dev.ridgeline.search.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.zoo.Zoo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelGroupsTest {

    private static ChannelGroups.Group groupOf(ChannelGroups g, String layer) {
        return g.groups().get(g.groupOfSource(layer));
    }

    @Test
    void resnet50sResidualAddsCoupleEveryBlockOutputOfAStageWithItsProjection() {
        ChannelGroups g = ChannelGroups.analyze(Zoo.load("resnet50"));
        ChannelGroups.Group layer1 = groupOf(g, "layer1.0.conv3");
        assertEquals(List.of("layer1.0.conv3", "layer1.0.downsample", "layer1.1.conv3", "layer1.2.conv3"),
                layer1.members());
        assertEquals(256, layer1.baseChannels());
        assertEquals(7, groupOf(g, "layer3.0.conv3").members().size(), "six blocks and the projection");
        assertEquals(List.of("layer1.0.conv1"), groupOf(g, "layer1.0.conv1").members(), "inner widths are free");
        assertTrue(groupOf(g, "fc").fixed(), "the classifier's outputs are fixed");
        assertTrue(!groupOf(g, "conv1").fixed());
        // stem, 16 blocks x 2 inner convs, 4 stage outputs, the classifier and the input
        assertEquals(1 + 32 + 4 + 1 + 1, g.groups().size());
    }

    @Test
    void mobilenetV2sDepthwiseConvsFollowTheirExpansionAndResidualsCoupleProjections() {
        Model m = Zoo.load("mobilenet_v2");
        ChannelGroups g = ChannelGroups.analyze(m);
        assertEquals(-1, g.groupOfSource("stage2.0.depthwise"), "a depthwise conv sets no channels of its own");
        assertEquals(g.groupOfSource("stage2.0.expand"), g.groupsOfTensor("stage2.0.depthwise")[0]);
        assertEquals(List.of("stage3.0.project", "stage3.1.project", "stage3.2.project"),
                groupOf(g, "stage3.0.project").members());
        assertEquals(List.of("stage2.0.project", "stage2.1.project"), groupOf(g, "stage2.0.project").members());
        assertTrue(groupOf(g, "classifier").fixed());
    }

    @Test
    void aReshapeThatMovesChannelsFixesThemAndAFlattenLikeReshapePassesThemThrough() {
        // an imported channel shuffle (view, transpose, view) between two convs, then a [batch, -1] reshape
        Model m = Model.builder("shuffle").input("x", dev.ridgeline.core.graph.Shape.of(1, 3, 4, 4))
                .add(new dev.ridgeline.core.graph.Node("a", dev.ridgeline.core.op.Conv2d.of(3, 8, 1, 1, 0), List.of("x")))
                .add(new dev.ridgeline.core.graph.Node("split", new dev.ridgeline.core.op.Reshape(List.of(0, 2, 4, 4, 4)),
                        List.of("a")))
                .add(new dev.ridgeline.core.graph.Node("swap", new dev.ridgeline.core.op.Transpose(List.of(0, 2, 1, 3, 4)),
                        List.of("split")))
                .add(new dev.ridgeline.core.graph.Node("merge", new dev.ridgeline.core.op.Reshape(List.of(0, -1, 4, 4)),
                        List.of("swap")))
                .add(new dev.ridgeline.core.graph.Node("b", dev.ridgeline.core.op.Conv2d.of(8, 16, 1, 1, 0),
                        List.of("merge")))
                .add(new dev.ridgeline.core.graph.Node("flat", new dev.ridgeline.core.op.Reshape(List.of(0, -1)),
                        List.of("b")))
                .add(new dev.ridgeline.core.graph.Node("fc", new dev.ridgeline.core.op.Linear(256, 10, true),
                        List.of("flat")))
                .build();
        ChannelGroups g = ChannelGroups.analyze(m);
        assertTrue(groupOf(g, "a").fixed(), "the shuffle's reshape holds a's channel count");
        assertTrue(!groupOf(g, "b").fixed(), "a flatten-like reshape lets b's width change");
        assertEquals(g.groupOfSource("b"), g.groupsOfTensor("flat")[0]);
        assertTrue(g.groups().get(g.groupsOfTensor("merge")[0]).fixed());
    }

    @Test
    void aConcatSumsTheGroupsOfItsInputs() {
        ChannelGroups g = ChannelGroups.analyze(Zoo.load("googlenet"));
        int[] concat = g.groupsOfTensor("inception3a.concat");
        assertEquals(4, concat.length);
        assertEquals(g.groupOfSource("inception3a.branch1.conv"), concat[0]);
        assertEquals(g.groupOfSource("inception3a.branch4.proj.conv"), concat[3]);
    }
}
