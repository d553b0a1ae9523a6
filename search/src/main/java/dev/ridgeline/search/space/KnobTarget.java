package dev.ridgeline.search.space;

import java.util.List;

/** What a knob changes in the base model. */
public sealed interface KnobTarget {
    /** The channels of coupled groups: {@code channels[choice][i]} is the width of {@code groups.get(i)}. */
    record Width(List<Integer> groups, int[][] channels) implements KnobTarget {
        public Width {
            groups = List.copyOf(groups);
        }
    }

    /** The kernel size of these convolutions ("same" padding kept): one odd size per choice. */
    record Kernel(List<String> layers, int[] sizes) implements KnobTarget {
        public Kernel {
            layers = List.copyOf(layers);
        }
    }

    /** For each choice, whether these sites are depthwise-separable (true) or one standard conv (false). */
    record Separable(List<String> sites, boolean[] separable) implements KnobTarget {
        public Separable {
            sites = List.copyOf(sites);
        }
    }

    /**
     * A parameter of the model file ({@code params:}), one value per choice as the job wrote it: each
     * choice is another member of the model's family ({@link ModelFamily}), read from the file.
     */
    record Param(String name, List<String> values) implements KnobTarget {
        public Param {
            values = List.copyOf(values);
        }
    }

    /** The input resolution: one height x width per choice. */
    record Resolution(int[] heights, int[] widths) implements KnobTarget {
    }

    /** No effect on a model: for tests of strategies and archives that need only a space's shape. */
    record Abstract() implements KnobTarget {
    }
}
