package dev.ridgeline.search.space;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.graph.SizeLimits;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.search.space.SpaceSpec.Granularity;
import dev.ridgeline.search.space.SpaceSpec.Selector;
import java.util.ArrayList;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a {@link SpaceSpec} against a model into knobs, in this order: param knobs and separable choices
 * (they change the graph's structure), resolution, widths, kernels; the first changes slowest in an exhaustive sweep,
 * so evaluators rebuild structure rarely. A selector that matches nothing,
 * an empty choice list, an even kernel or a knob that would change a fixed width is an error naming
 * where the job wrote it and what the model has. Tied choices of a knob (width multipliers that round
 * to the same channels) are merged into one ({@link TiedChoices}).
 */
public final class SpaceBuilder {
    private SpaceBuilder() {
    }

    public static ResolvedSpace build(Model model, SpaceSpec spec) {
        return build(model, spec, ModelFamily.fixed(model));
    }

    /**
     * As {@link #build(Model, SpaceSpec)}, for a model read from a file whose parameters param knobs set:
     * those knobs come first (each choice is another graph), and combine only with resolution.
     */
    public static ResolvedSpace build(Model model, SpaceSpec spec, ModelFamily family) {
        ChannelGroups groups = ChannelGroups.analyze(model);
        Map<String, SeparableSites.Site> sites = SeparableSites.find(model);
        List<Knob> knobs = new ArrayList<>();
        Set<String> paramTaken = new HashSet<>();
        for (SpaceSpec.ParamSpec p : spec.params()) {
            knobs.add(param(model, family, p, paramTaken));
            check(spec.widths().isEmpty() && spec.kernels().isEmpty() && spec.separables().isEmpty(), p.where(),
                    "a param knob combines with resolution and other param knobs only: width, kernel and separable "
                    + "knobs address the base model's layers, which another member of the family does not have");
        }
        Set<String> siteTaken = new HashSet<>();
        for (SpaceSpec.SeparableSpec s : spec.separables()) {
            knobs.addAll(separables(model, sites, s, siteTaken));
        }
        if (spec.resolution() != null) {
            knobs.add(resolution(model, spec.resolution()));
        }
        Set<Integer> widthTaken = new HashSet<>();
        for (SpaceSpec.WidthSpec w : spec.widths()) {
            knobs.addAll(widths(model, groups, w, widthTaken));
        }
        Set<String> kernelTaken = new HashSet<>();
        for (SpaceSpec.KernelSpec k : spec.kernels()) {
            knobs.addAll(kernels(model, k, kernelTaken));
        }
        if (knobs.isEmpty()) {
            throw new BadInputException("the design space has no knob: give at least one of width, kernel, "
                    + "separable, resolution or param");
        }
        // choices that give the same network become one, so that the space counts networks, not labels
        List<Knob> merged = knobs.stream().map(TiedChoices::merge).toList();
        return new ResolvedSpace(model, new DesignSpace(merged), groups, sites, family);
    }

    private static Knob param(Model model, ModelFamily family, SpaceSpec.ParamSpec p, Set<String> taken) {
        check(family.params().containsKey(p.name()), p.where(), "model '%s' has no parameter '%s'; %s", family.name(),
                p.name(), family.params().isEmpty() ? "it declares none (a model file declares them under params:)"
                        : "its parameters: " + String.join(", ", family.params().keySet()));
        check(taken.add(p.name()), p.where(), "parameter '%s' is already a knob", p.name());
        check(!p.choices().isEmpty(), p.where(), "param %s has no choices", p.name());
        check(p.choices().stream().distinct().count() == p.choices().size(), p.where(), "param %s lists a choice "
                + "twice: %s", p.name(), p.choices());
        for (String value : p.choices()) {
            try {
                ShapeInference.infer(family.at(Map.of(p.name(), value), java.util.Optional.empty()), 1);
            } catch (BadInputException e) {
                throw new BadInputException(p.where() + ": " + p.name() + " = " + value + " does not make a model: "
                        + e.getMessage());
            }
        }
        return new Knob("param:" + p.name(), p.choices(), new KnobTarget.Param(p.name(), p.choices()));
    }

    private static Knob resolution(Model model, SpaceSpec.ResolutionSpec r) {
        check(!r.sizes().isEmpty(), r.where(), "resolution has no sizes");
        int[] hs = new int[r.sizes().size()];
        int[] ws = new int[r.sizes().size()];
        List<String> labels = new ArrayList<>();
        Shape base = model.inputs().get(0).shape();
        for (int i = 0; i < hs.length; i++) {
            hs[i] = r.sizes().get(i)[0];
            ws[i] = r.sizes().get(i)[1];
            check(hs[i] >= 1 && ws[i] >= 1, r.where(), "resolution %dx%d must be at least 1x1", hs[i], ws[i]);
            check(base.rank() == 4, r.where(), "resolution needs an image input (N x C x H x W), the model takes %s",
                    base);
            try {
                ShapeInference.infer(model, Map.of(model.inputs().get(0).name(),
                        Shape.of(1, base.channels(), hs[i], ws[i])));
            } catch (BadInputException e) {
                throw new BadInputException(r.where() + ": resolution " + hs[i] + "x" + ws[i] + " does not fit the model: "
                        + e.getMessage());
            }
            labels.add(hs[i] == ws[i] ? Integer.toString(hs[i]) : hs[i] + "x" + ws[i]);
        }
        return new Knob("resolution", labels, new KnobTarget.Resolution(hs, ws));
    }

    private static List<Knob> widths(Model model, ChannelGroups groups, SpaceSpec.WidthSpec w, Set<Integer> taken) {
        Selector s = w.select();
        check(!w.multipliers().isEmpty() || !w.channels().isEmpty(), s.where(),
                "width needs multipliers or channels, and the list is empty");
        check(w.divisor() >= 1, s.where(), "width divisor must be at least 1, got %d", w.divisor());
        Set<String> layers = selectLayers(model, s, n -> true, "layer");
        Map<String, List<ChannelGroups.Group>> byKnob = new LinkedHashMap<>();
        for (ChannelGroups.Group g : groups.groups()) {
            if (g.fixed() || g.members().isEmpty() || g.members().stream().noneMatch(layers::contains)) {
                continue;
            }
            check(taken.add(g.id()), s.where(), "the channels of %s are already a width knob", g.members().get(0));
            Node first = model.node(g.members().get(0)).orElseThrow();
            String key = switch (s.per()) {
                case STAGE -> Stages.of(first);
                case LAYER -> first.name();
                case ALL -> "all";
            };
            byKnob.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
        }
        check(!byKnob.isEmpty(), s.where(), "width selects no adjustable channels: channels that reach a model output "
                + "(a classifier's, or a module's own outputs) and the model input are fixed");
        List<Knob> knobs = new ArrayList<>();
        for (Map.Entry<String, List<ChannelGroups.Group>> e : byKnob.entrySet()) {
            List<ChannelGroups.Group> gs = e.getValue();
            int choices = w.channels().isEmpty() ? w.multipliers().size() : w.channels().size();
            int[][] channels = new int[choices][gs.size()];
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < choices; c++) {
                for (int i = 0; i < gs.size(); i++) {
                    ChannelGroups.Group g = gs.get(i);
                    int div = lcm(w.divisor(), g.divisor());
                    if (w.channels().isEmpty()) {
                        double m = w.multipliers().get(c);
                        check(m > 0, s.where(), "width multiplier %s must be above 0", m);
                        channels[c][i] = makeDivisible(Math.min(g.baseChannels() * m, Integer.MAX_VALUE), div);
                        check(channels[c][i] <= SizeLimits.MAX_CHANNELS, s.where(), "width multiplier %s gives %s "
                                + "%,d channels, past the limit of %,d", m, g.members().get(0), channels[c][i],
                                SizeLimits.MAX_CHANNELS);
                    } else {
                        check(gs.size() == 1, s.where(), "explicit channels need a selection of one channel group; "
                                + "'%s' covers %d (use multipliers, or select one layer with per: layer)", e.getKey(),
                                gs.size());
                        int ch = w.channels().get(c);
                        check(ch >= 1 && ch % g.divisor() == 0, s.where(), "%d channels for %s: must be at least 1 "
                                + "and divisible by %d", ch, g.members().get(0), g.divisor());
                        channels[c][i] = ch;
                    }
                }
                labels.add(w.channels().isEmpty() ? trim(w.multipliers().get(c)) : Integer.toString(w.channels().get(c)));
            }
            knobs.add(new Knob("width:" + e.getKey(), labels,
                    new KnobTarget.Width(gs.stream().map(ChannelGroups.Group::id).toList(), channels)));
        }
        return knobs;
    }

    private static List<Knob> kernels(Model model, SpaceSpec.KernelSpec k, Set<String> taken) {
        Selector s = k.select();
        check(!k.sizes().isEmpty(), s.where(), "kernel has no sizes");
        for (int size : k.sizes()) {
            check(size >= 1 && size % 2 == 1, s.where(), "kernel %d: sizes must be odd (1, 3, 5, 7, ...) so that "
                    + "'same' padding is symmetric", size);
        }
        boolean byStage = !s.stages().isEmpty();
        // a stage selection takes the convs that can have a kernel knob; naming a layer that cannot is an error
        Set<String> layers = selectLayers(model, s, n -> n.op() instanceof Conv2d c
                && (!byStage || (c.window().kernelArea() > 1 && sameLike(c.window()))),
                byStage ? "conv with 'same' padding and a kernel above 1x1" : "conv");
        Map<String, List<String>> byKnob = new LinkedHashMap<>();
        for (Node n : model.nodes()) {
            if (!layers.contains(n.name())) {
                continue;
            }
            check(n.op() instanceof Conv2d, s.where(), "kernel selects %s, a %s: only convolutions have a kernel "
                    + "knob", n.name(), n.op().type());
            Window win = ((Conv2d) n.op()).window();
            check(sameLike(win), s.where(), "kernel selects %s, whose padding %s does not keep 'same' output sizes; "
                    + "a kernel knob needs (K - 1) / 2 padding or 'same'", n.name(), win.padding().describe());
            check(taken.add(n.name()), s.where(), "%s already has a kernel knob", n.name());
            byKnob.computeIfAbsent(key(s.per(), n), x -> new ArrayList<>()).add(n.name());
        }
        List<String> labels = k.sizes().stream().map(String::valueOf).toList();
        int[] sizes = k.sizes().stream().mapToInt(Integer::intValue).toArray();
        return byKnob.entrySet().stream().map(e -> new Knob("kernel:" + e.getKey(), labels,
                new KnobTarget.Kernel(e.getValue(), sizes))).toList();
    }

    private static List<Knob> separables(Model model, Map<String, SeparableSites.Site> sites,
                                         SpaceSpec.SeparableSpec sp, Set<String> taken) {
        Selector s = sp.select();
        check(!sp.separable().isEmpty(), s.where(), "separable has no choices (standard, separable)");
        Set<String> layers = selectLayers(model, s, n -> sites.containsKey(n.name()), "conv that can be "
                + "standard or depthwise-separable (a KxK conv, or a depthwise conv followed by a 1x1 conv)");
        Map<String, List<String>> byKnob = new LinkedHashMap<>();
        for (Node n : model.nodes()) {
            if (layers.contains(n.name()) && sites.containsKey(n.name())) {
                check(taken.add(n.name()), s.where(), "%s already has a separable knob", n.name());
                byKnob.computeIfAbsent(key(s.per(), n), x -> new ArrayList<>()).add(n.name());
            }
        }
        check(!byKnob.isEmpty(), s.where(), "separable selects no conv that can be standard or depthwise-separable");
        boolean[] choice = new boolean[sp.separable().size()];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < choice.length; i++) {
            choice[i] = sp.separable().get(i);
            labels.add(choice[i] ? "separable" : "standard");
        }
        return byKnob.entrySet().stream().map(e -> new Knob("separable:" + e.getKey(), labels,
                new KnobTarget.Separable(e.getValue(), choice))).toList();
    }

    /** Layers a selector picks among those {@code eligible} accepts; a part that picks nothing is an error. */
    private static Set<String> selectLayers(Model model, Selector s, java.util.function.Predicate<Node> eligible,
                                            String what) {
        check(s.stages().isEmpty() != s.layers().isEmpty(), s.where(), "give either stages or layers");
        List<String> stages = Stages.ordered(model);
        Set<String> picked = new java.util.LinkedHashSet<>();
        if (!s.stages().isEmpty()) {
            for (String sel : s.stages()) {
                Set<String> chosen = new HashSet<>();
                if (sel.matches("\\d+")) {
                    // n is the stage labelled "stage<n>" when the model names its stages so, else the n-th stage
                    int i = Integer.parseInt(sel);
                    if (stages.contains("stage" + i)) {
                        chosen.add("stage" + i);
                    } else {
                        check(i >= 1 && i <= stages.size(), s.where(), "stage %d: the model has stages 1 to %d (%s)",
                                i, stages.size(), abbreviate(stages));
                        chosen.add(stages.get(i - 1));
                    }
                } else {
                    Pattern p = Stages.glob(sel);
                    stages.stream().filter(st -> p.matcher(st).matches()).forEach(chosen::add);
                }
                int before = picked.size();
                model.nodes().stream().filter(n -> chosen.contains(Stages.of(n)) && eligible.test(n))
                        .forEach(n -> picked.add(n.name()));
                check(!chosen.isEmpty(), s.where(), "stage '%s' matches no stage; the model's stages: %s", sel,
                        abbreviate(stages));
                check(picked.size() > before || sel.equals("*"), s.where(), "stage '%s' has no %s", sel, what);
            }
        } else {
            for (String sel : s.layers()) {
                Pattern p = Stages.glob(sel);
                List<String> matched = model.nodes().stream().filter(n -> p.matcher(n.name()).matches())
                        .map(Node::name).toList();
                check(!matched.isEmpty(), s.where(), "layers '%s' matches no layer; layers are named like %s", sel,
                        abbreviate(model.nodes().stream().map(Node::name).toList()));
                List<String> usable = matched.stream().filter(n -> eligible.test(model.node(n).orElseThrow())).toList();
                check(!usable.isEmpty(), s.where(), "layers '%s' matches %s, none of them a %s", sel,
                        abbreviate(matched), what);
                picked.addAll(usable);
            }
        }
        check(!picked.isEmpty(), s.where(), "the selection has no %s", what);
        return picked;
    }

    private static String key(Granularity per, Node n) {
        return switch (per) {
            case STAGE -> Stages.of(n);
            case LAYER -> n.name();
            case ALL -> "all";
        };
    }

    /** Symmetric (K - 1) / 2 padding (times the dilation) or "same": the output is ceil(input / stride). */
    public static boolean sameLike(Window w) {
        Padding p = w.padding();
        if (p.same()) {
            return true;
        }
        return w.kernelH() % 2 == 1 && w.kernelW() % 2 == 1 && p.top() == p.bottom() && p.left() == p.right()
                && p.top() == w.dilationH() * (w.kernelH() - 1) / 2 && p.left() == w.dilationW() * (w.kernelW() - 1) / 2;
    }

    /** torchvision's _make_divisible: the nearest multiple of the divisor, never 10% below the value. */
    public static int makeDivisible(double value, int divisor) {
        int v = Math.max(divisor, (int) (value + divisor / 2.0) / divisor * divisor);
        if (v < 0.9 * value) {
            v += divisor;
        }
        return v;
    }

    private static String trim(double m) {
        return m == Math.rint(m) ? String.valueOf((long) m) + ".0" : String.valueOf(m);
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 12)) + ", ... (" + names.size() + " in all)";
    }

    /** The least common multiple of two positive divisors. */
    public static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    private static void check(boolean ok, String where, String template, Object... args) {
        if (!ok) {
            throw new BadInputException(where + ": " + String.format(java.util.Locale.ROOT, template, args));
        }
    }
}
