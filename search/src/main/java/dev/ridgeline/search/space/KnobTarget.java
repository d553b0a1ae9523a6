package dev.ridgeline.search.space;

import java.util.List;

/** What a knob changes in the base model. */
public sealed interface KnobTarget {
    /** The output channels of a coupled channel group: one width per choice. */
    record Width(int group, List<String> members, int[] channels) implements KnobTarget {
    }

    /** The kernel size of these convolutions ("same" padding kept): one odd size per choice. */
    record Kernel(List<String> layers, int[] sizes) implements KnobTarget {
    }

    /** Standard convolution (choice 0) or depthwise-separable (choice 1) for these convolutions. */
    record Separable(List<String> layers) implements KnobTarget {
    }

    /** The input resolution: one height x width per choice. */
    record Resolution(int[] heights, int[] widths) implements KnobTarget {
    }

    /** No effect on a model: for tests of strategies and archives that need only a space's shape. */
    record Abstract() implements KnobTarget {
    }
}
