package dev.ridgeline.search.job;

import dev.ridgeline.core.graph.SizeLimits;
import dev.ridgeline.core.io.yaml.YamlMap;
import dev.ridgeline.core.io.yaml.YamlNode;
import dev.ridgeline.search.space.SpaceSpec;
import dev.ridgeline.search.space.SpaceSpec.Granularity;
import dev.ridgeline.search.space.SpaceSpec.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a job's {@code space:}. Each of width, kernel and separable is one entry or a list of entries;
 * every entry selects layers by {@code stages} (names, globs or 1-based numbers; "*" for all) or by
 * {@code layers} (name globs), with {@code per: stage | layer | all} knobs (stage by default).
 */
final class SpaceReader {
    private static final Set<String> SELECT = Set.of("stages", "layers", "per");

    private SpaceReader() {
    }

    static SpaceSpec read(YamlNode node) {
        YamlMap space = node.asMap("space").allowOnly("space", Set.of("width", "kernel", "separable", "resolution",
                "param"));
        List<SpaceSpec.WidthSpec> widths = new ArrayList<>();
        List<SpaceSpec.KernelSpec> kernels = new ArrayList<>();
        List<SpaceSpec.SeparableSpec> separables = new ArrayList<>();
        space.get("width").ifPresent(w -> entries(w).forEach(e -> widths.add(width(e))));
        space.get("kernel").ifPresent(k -> entries(k).forEach(e -> kernels.add(kernel(e))));
        space.get("separable").ifPresent(s -> entries(s).forEach(e -> separables.add(separable(e))));
        SpaceSpec.ResolutionSpec resolution = space.get("resolution").map(SpaceReader::resolution).orElse(null);
        List<SpaceSpec.ParamSpec> params = new ArrayList<>();
        space.get("param").ifPresent(p -> entries(p).forEach(e -> params.add(param(e))));
        if (widths.isEmpty() && kernels.isEmpty() && separables.isEmpty() && resolution == null && params.isEmpty()) {
            throw node.error("space has no knob: give width, kernel, separable, resolution or param");
        }
        return new SpaceSpec(widths, kernels, separables, resolution, params);
    }

    private static List<YamlNode> entries(YamlNode n) {
        return n.isList() ? n.asList("") : List.of(n);
    }

    private static SpaceSpec.WidthSpec width(YamlNode n) {
        String what = "a width knob";
        YamlMap f = n.asMap(what).allowOnly(what, union(SELECT, "multipliers", "channels", "divisor"));
        if (f.has("multipliers") == f.has("channels")) {
            throw n.error("%s needs either multipliers (e.g. [0.5, 0.75, 1.0]) or channels (e.g. [16, 24, 32])", what);
        }
        List<Double> multipliers = new ArrayList<>();
        List<Integer> channels = new ArrayList<>();
        f.get("multipliers").ifPresent(m -> list(m, "multipliers").forEach(v -> multipliers.add(v.asDouble(
                "a width multiplier"))));
        f.get("channels").ifPresent(c -> list(c, "channels").forEach(v -> channels.add(v.asIntIn(
                "a channel count", 1, SizeLimits.MAX_CHANNELS))));
        return new SpaceSpec.WidthSpec(selector(f, n, what), multipliers, channels, f.positiveIntOr("divisor", what, 8));
    }

    /** {@code param: {name: width_mult, choices: [0.5, 0.75, 1.0]}}: values of a parameter of the model file. */
    private static SpaceSpec.ParamSpec param(YamlNode n) {
        String what = "a param knob";
        YamlMap f = n.asMap(what).allowOnly(what, Set.of("name", "choices"));
        String name = f.require("name", what + " (a parameter the model file declares under params:)")
                .text("field 'name'");
        List<String> choices = new ArrayList<>();
        list(f.require("choices", what + " (values, e.g. [0.5, 0.75, 1.0])"), "choices")
                .forEach(v -> choices.add(v.text("a choice of " + name)));
        return new SpaceSpec.ParamSpec(name, choices, n.location());
    }

    private static SpaceSpec.KernelSpec kernel(YamlNode n) {
        String what = "a kernel knob";
        YamlMap f = n.asMap(what).allowOnly(what, union(SELECT, "choices"));
        List<Integer> sizes = new ArrayList<>();
        list(f.require("choices", what + " (odd sizes, e.g. [3, 5, 7])"), "choices")
                .forEach(v -> sizes.add(v.asPositiveInt("a kernel size")));
        return new SpaceSpec.KernelSpec(selector(f, n, what), sizes);
    }

    private static SpaceSpec.SeparableSpec separable(YamlNode n) {
        String what = "a separable knob";
        YamlMap f = n.asMap(what).allowOnly(what, union(SELECT, "choices"));
        List<Boolean> choices = new ArrayList<>();
        for (YamlNode v : list(f.get("choices").orElse(null), "choices")) {
            String c = v.text("a separable choice").toLowerCase(Locale.ROOT);
            switch (c) {
                case "standard" -> choices.add(false);
                case "separable" -> choices.add(true);
                default -> throw v.error("a separable choice is standard or separable, got '%s'", c);
            }
        }
        if (!f.has("choices")) {
            choices.addAll(List.of(false, true));
        }
        return new SpaceSpec.SeparableSpec(selector(f, n, what), choices);
    }

    /** The largest height or width the resolution knob takes (a 65,536-pixel side is far past any photo). */
    static final int MAX_RESOLUTION = 1 << 16;

    private static SpaceSpec.ResolutionSpec resolution(YamlNode n) {
        String what = "the resolution knob";
        YamlMap f = n.asMap(what).allowOnly(what, Set.of("choices"));
        List<int[]> sizes = new ArrayList<>();
        for (YamlNode v : list(f.require("choices", what + " (e.g. [160, 192, 224] or [[224, 160]])"), "choices")) {
            int[] hw = v.asIntTuple("a resolution", 2);
            if (hw[0] < 1 || hw[1] < 1 || hw[0] > MAX_RESOLUTION || hw[1] > MAX_RESOLUTION) {
                throw v.error("a resolution must be from 1 to %,d pixels a side, got %dx%d", MAX_RESOLUTION, hw[0],
                        hw[1]);
            }
            sizes.add(hw);
        }
        return new SpaceSpec.ResolutionSpec(sizes, n.location());
    }

    private static Selector selector(YamlMap f, YamlNode at, String what) {
        if (f.has("stages") == f.has("layers")) {
            throw at.error("%s selects layers by either stages (e.g. \"*\" or [3, 4]) or layers (e.g. \"*.depthwise\")",
                    what);
        }
        List<String> stages = new ArrayList<>();
        List<String> layers = new ArrayList<>();
        f.get("stages").ifPresent(s -> nonEmpty(s, "stages", "a stage such as layer3, or \"*\" for every stage")
                .forEach(v -> stages.add(v.text("a stage"))));
        f.get("layers").ifPresent(l -> nonEmpty(l, "layers", "a layer glob such as \"*.depthwise\"")
                .forEach(v -> layers.add(v.text("a layer glob"))));
        Granularity per = f.get("per").map(p -> switch (p.text("field 'per'").toLowerCase(Locale.ROOT)) {
            case "stage" -> Granularity.STAGE;
            case "layer" -> Granularity.LAYER;
            case "all" -> Granularity.ALL;
            default -> throw p.error("field 'per' must be stage, layer or all, got '%s'", p.text(""));
        }).orElse(Granularity.STAGE);
        return new Selector(stages, layers, per, at.location());
    }

    private static List<YamlNode> nonEmpty(YamlNode n, String field, String example) {
        List<YamlNode> items = n.asListOrSingle();
        if (items.isEmpty()) {
            throw n.error("%s is empty: give at least %s", field, example);
        }
        return items;
    }

    /** A non-empty list of values. */
    private static List<YamlNode> list(YamlNode n, String what) {
        if (n == null) {
            return List.of();
        }
        List<YamlNode> items = n.asListOrSingle();
        if (items.isEmpty()) {
            throw n.error("%s is empty: give at least one choice", what);
        }
        return items;
    }

    private static Set<String> union(Set<String> a, String... more) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(List.of(more));
        return all;
    }
}
