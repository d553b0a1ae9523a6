package dev.ridgeline.prune;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.search.space.ChannelGroups;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SeparableSites;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.space.Stages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The design space a plan may use for a set of kinds of change, every knob's choices ascending so that
 * choice 0 is the most a plan may cut and the last choice is the base model: widths of the channel groups
 * no frozen layer belongs to (from the base down to minKeep in steps of the divisor, at most {@code levels}
 * of them), smaller kernels of convs with "same" padding (7 -> 5 -> 3), and depthwise-separable forms of
 * standard convs (one knob per stage: each choice is a graph structure the evaluator compiles).
 */
public final class PruneSpace {
    /** Separable knobs at most (2^8 graph structures, what the compiled evaluator accepts). */
    static final int MAX_SEPARABLE_KNOBS = 8;

    private PruneSpace() {
    }

    public static ResolvedSpace build(PlanFile plan, Set<Change> changes) {
        Model model = plan.model();
        ChannelGroups groups = ChannelGroups.analyze(model);
        Map<String, SeparableSites.Site> sites = SeparableSites.find(model);
        List<Pattern> frozen = plan.frozen().stream().map(Stages::glob).toList();
        List<Knob> knobs = new ArrayList<>();
        if (changes.contains(Change.SEPARABLE)) {
            knobs.addAll(separables(model, sites, frozen));
        }
        if (changes.contains(Change.CHANNELS)) {
            knobs.addAll(widths(plan, model, groups, frozen));
        }
        if (changes.contains(Change.KERNELS)) {
            knobs.addAll(kernels(plan, model, frozen));
        }
        return new ResolvedSpace(model, new DesignSpace(knobs), groups, sites);
    }

    static boolean frozen(Node n, List<Pattern> frozen) {
        return frozen.stream().anyMatch(p -> p.matcher(n.name()).matches()
                || p.matcher(Stages.of(n)).matches());
    }

    /** The widths a group may take, ascending, the base last. */
    static int[] widthLadder(int base, int groupDivisor, PlanFile plan) {
        int d = SpaceBuilder.lcm(plan.divisor(), groupDivisor);
        int lo = Math.max(d, (int) Math.ceil(plan.minKeep() * base / d - 1e-9) * d);
        TreeSet<Integer> all = new TreeSet<>();
        all.add(base);
        for (int w = lo; w < base; w += d) {
            all.add(w);
        }
        List<Integer> desc = new ArrayList<>(all.descendingSet());
        if (desc.size() > plan.levels()) {
            int k = (int) Math.ceil((desc.size() - 1) / (double) (plan.levels() - 1));
            List<Integer> picked = new ArrayList<>();
            for (int i = 0; i < desc.size(); i += k) {
                picked.add(desc.get(i));
            }
            if (!picked.contains(desc.get(desc.size() - 1))) {
                picked.set(picked.size() - 1, desc.get(desc.size() - 1));
            }
            desc = picked;
        }
        return desc.stream().sorted().mapToInt(Integer::intValue).toArray();
    }

    private static List<Knob> widths(PlanFile plan, Model model, ChannelGroups groups, List<Pattern> frozen) {
        Map<String, List<ChannelGroups.Group>> byKnob = new LinkedHashMap<>();
        for (ChannelGroups.Group g : groups.groups()) {
            if (g.fixed() || g.members().isEmpty()
                    || g.members().stream().anyMatch(m -> frozen(model.node(m).orElseThrow(), frozen))
                    || widthLadder(g.baseChannels(), g.divisor(), plan).length < 2) {
                continue;
            }
            Node first = model.node(g.members().get(0)).orElseThrow();
            String key = plan.perStage() ? Stages.of(first) : first.name();
            byKnob.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
        }
        List<Knob> knobs = new ArrayList<>();
        for (Map.Entry<String, List<ChannelGroups.Group>> e : byKnob.entrySet()) {
            List<ChannelGroups.Group> gs = e.getValue();
            int[][] channels;
            List<String> labels = new ArrayList<>();
            if (gs.size() == 1) {
                int[] ladder = widthLadder(gs.get(0).baseChannels(), gs.get(0).divisor(), plan);
                channels = new int[ladder.length][1];
                for (int c = 0; c < ladder.length; c++) {
                    channels[c][0] = ladder[c];
                    labels.add(Integer.toString(ladder[c]));
                }
            } else {
                int levels = plan.levels();
                channels = new int[levels][gs.size()];
                for (int c = 0; c < levels; c++) {
                    double m = plan.minKeep() + (1 - plan.minKeep()) * c / (levels - 1);
                    for (int i = 0; i < gs.size(); i++) {
                        ChannelGroups.Group g = gs.get(i);
                        int[] ladder = widthLadder(g.baseChannels(), g.divisor(), plan);
                        int w = SpaceBuilder.makeDivisible(g.baseChannels() * m,
                                SpaceBuilder.lcm(plan.divisor(), g.divisor()));
                        channels[c][i] = c == levels - 1 ? g.baseChannels()
                                : Math.max(ladder[0], Math.min(g.baseChannels(), w));
                    }
                    labels.add(String.format(java.util.Locale.ROOT, "%.3f", m));
                }
            }
            knobs.add(new Knob("width:" + e.getKey(), labels,
                    new KnobTarget.Width(gs.stream().map(ChannelGroups.Group::id).toList(), channels)));
        }
        return knobs;
    }

    private static List<Knob> kernels(PlanFile plan, Model model, List<Pattern> frozen) {
        Map<String, List<String>> byKnob = new LinkedHashMap<>();
        Map<String, Integer> sizeOf = new LinkedHashMap<>();
        for (Node n : model.nodes()) {
            if (n.op() instanceof Conv2d c && !frozen(n, frozen) && c.window().kernelH() == c.window().kernelW()
                    && c.window().kernelH() >= 5 && SpaceBuilder.sameLike(c.window())) {
                int k = c.window().kernelH();
                String key = (plan.perStage() ? Stages.of(n) : n.name()) + "@" + k;
                byKnob.computeIfAbsent(key, x -> new ArrayList<>()).add(n.name());
                sizeOf.put(key, k);
            }
        }
        List<Knob> knobs = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byKnob.entrySet()) {
            int k = sizeOf.get(e.getKey());
            int[] sizes = new int[(k - 1) / 2];
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = 3 + 2 * i;
                labels.add(Integer.toString(sizes[i]));
            }
            String name = e.getKey().substring(0, e.getKey().lastIndexOf('@'));
            knobs.add(new Knob("kernel:" + name, labels, new KnobTarget.Kernel(e.getValue(), sizes)));
        }
        return knobs;
    }

    /** One knob per stage with standard convs, stages merged in model order when there are too many. */
    private static List<Knob> separables(Model model, Map<String, SeparableSites.Site> sites, List<Pattern> frozen) {
        Map<String, List<String>> byStage = new LinkedHashMap<>();
        for (Node n : model.nodes()) {
            SeparableSites.Site s = sites.get(n.name());
            if (s != null && !s.separable() && !frozen(n, frozen)) {
                byStage.computeIfAbsent(Stages.of(n), x -> new ArrayList<>()).add(n.name());
            }
        }
        List<String> stages = new ArrayList<>(byStage.keySet());
        int per = (int) Math.ceil(stages.size() / (double) MAX_SEPARABLE_KNOBS);
        List<Knob> knobs = new ArrayList<>();
        for (int i = 0; i < stages.size(); i += per) {
            List<String> part = stages.subList(i, Math.min(stages.size(), i + per));
            List<String> convs = part.stream().flatMap(s -> byStage.get(s).stream()).toList();
            String name = part.size() == 1 ? part.get(0) : part.get(0) + ".." + part.get(part.size() - 1);
            knobs.add(new Knob("separable:" + name, List.of("separable", "standard"),
                    new KnobTarget.Separable(convs, new boolean[] {true, false})));
        }
        return knobs;
    }
}
