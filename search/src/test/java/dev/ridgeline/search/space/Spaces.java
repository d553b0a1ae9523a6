package dev.ridgeline.search.space;

import dev.ridgeline.search.space.SpaceSpec.Granularity;
import dev.ridgeline.search.space.SpaceSpec.Selector;
import java.util.List;

/** Design spaces used across search tests, written as a job would. */
public final class Spaces {
    private Spaces() {
    }

    public static Selector stages(String... stages) {
        return new Selector(List.of(stages), List.of(), Granularity.STAGE, "job.yaml:1:1");
    }

    public static Selector layers(String... globs) {
        return new Selector(List.of(), List.of(globs), Granularity.STAGE, "job.yaml:1:1");
    }

    public static SpaceSpec.WidthSpec widths(Selector s, Double... multipliers) {
        return new SpaceSpec.WidthSpec(s, List.of(multipliers), List.of(), 8);
    }

    /** The MobileNetV2 example: widths everywhere, depthwise kernels, separable stages 3 and 4. */
    public static SpaceSpec mobilenetExample() {
        return new SpaceSpec(List.of(widths(stages("*"), 0.5, 0.75, 1.0)),
                List.of(new SpaceSpec.KernelSpec(layers("*.depthwise"), List.of(3, 5, 7))),
                List.of(new SpaceSpec.SeparableSpec(stages("3", "4"), List.of(false, true))), null);
    }

    /** Widths of every stage and, where there are 3x3 convs, their kernels and separable form; two resolutions. */
    public static SpaceSpec rich(boolean separable) {
        return new SpaceSpec(List.of(widths(stages("*"), 0.5, 0.75, 1.0, 1.25)),
                List.of(new SpaceSpec.KernelSpec(stages("*"), List.of(1, 3, 5))),
                separable ? List.of(new SpaceSpec.SeparableSpec(stages("*"), List.of(false, true))) : List.of(),
                new SpaceSpec.ResolutionSpec(List.of(new int[] {160, 160}, new int[] {224, 224}), "job.yaml:1:1"));
    }
}
