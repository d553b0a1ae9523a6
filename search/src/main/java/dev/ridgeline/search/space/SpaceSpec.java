package dev.ridgeline.search.space;

import java.util.List;

/**
 * A design space as a job file states it, before it is resolved against a model. Each part says
 * where it was written ({@code where}: "job.yaml:7:5") so that resolution errors can point at it.
 */
public record SpaceSpec(List<WidthSpec> widths, List<KernelSpec> kernels, List<SeparableSpec> separables,
                        ResolutionSpec resolution, List<ParamSpec> params) {
    public SpaceSpec {
        widths = List.copyOf(widths);
        kernels = List.copyOf(kernels);
        separables = List.copyOf(separables);
        params = List.copyOf(params);
    }

    /** A space without param knobs. */
    public SpaceSpec(List<WidthSpec> widths, List<KernelSpec> kernels, List<SeparableSpec> separables,
                     ResolutionSpec resolution) {
        this(widths, kernels, separables, resolution, List.of());
    }

    /** A parameter of the model file and its values, each as written ("0.75"). */
    public record ParamSpec(String name, List<String> choices, String where) {
        public ParamSpec {
            choices = List.copyOf(choices);
        }
    }

    /** How many knobs a selection makes: one per stage (the default), one per layer, or one for all. */
    public enum Granularity {
        STAGE, LAYER, ALL
    }

    /**
     * Which layers a knob addresses: stages (label names, globs, or 1-based stage numbers; "*" for all)
     * or layers (name globs such as "*.depthwise"), not both.
     */
    public record Selector(List<String> stages, List<String> layers, Granularity per, String where) {
        public Selector {
            stages = List.copyOf(stages);
            layers = List.copyOf(layers);
        }
    }

    /** Widths as multipliers of the base channels rounded to a divisor, or explicit channel counts. */
    public record WidthSpec(Selector select, List<Double> multipliers, List<Integer> channels, int divisor) {
        public WidthSpec {
            multipliers = List.copyOf(multipliers);
            channels = List.copyOf(channels);
        }
    }

    public record KernelSpec(Selector select, List<Integer> sizes) {
        public KernelSpec {
            sizes = List.copyOf(sizes);
        }
    }

    /** Choices among "standard" and "separable", in the order written. */
    public record SeparableSpec(Selector select, List<Boolean> separable) {
        public SeparableSpec {
            separable = List.copyOf(separable);
        }
    }

    /** Input resolutions (height, width); null in SpaceSpec when the resolution is not a knob. */
    public record ResolutionSpec(List<int[]> sizes, String where) {
        public ResolutionSpec {
            sizes = List.copyOf(sizes);
        }
    }
}
