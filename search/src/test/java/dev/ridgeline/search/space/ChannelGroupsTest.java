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
    void aConcatSumsTheGroupsOfItsInputs() {
        ChannelGroups g = ChannelGroups.analyze(Zoo.load("googlenet"));
        int[] concat = g.groupsOfTensor("inception3a.concat");
        assertEquals(4, concat.length);
        assertEquals(g.groupOfSource("inception3a.branch1.conv"), concat[0]);
        assertEquals(g.groupOfSource("inception3a.branch4.proj.conv"), concat[3]);
    }
}
