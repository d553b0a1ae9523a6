package dev.ridgeline.search.space;

import java.util.List;

/**
 * What a width knob moves: its channel groups, each the layers whose output channels stay equal (a residual
 * branch moves with the layer it is added to, a depthwise conv with its input) and their channels in the
 * base model, in the order in which the knob's channel counts ({@link KnobTarget.Width#channels()}) list them.
 */
public final class Coupling {
    /** One channel group a knob moves: the layers that set its channels and its base channel count. */
    public record MovedGroup(List<String> layers, int baseChannels) {
        public MovedGroup {
            layers = List.copyOf(layers);
        }
    }

    private Coupling() {
    }

    /** The groups a knob moves; empty for a knob that moves no channels (kernel, separable, resolution). */
    public static List<MovedGroup> of(ResolvedSpace space, Knob knob) {
        if (!(knob.target() instanceof KnobTarget.Width w)) {
            return List.of();
        }
        List<ChannelGroups.Group> groups = space.groups().groups();
        return w.groups().stream().map(groups::get).map(g -> new MovedGroup(g.members(), g.baseChannels())).toList();
    }
}
