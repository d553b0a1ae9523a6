package dev.ridgeline.search.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the choices of a knob that give the same network, so that a space never holds two labels for
 * one network. Width multipliers that round to the same channel counts tie (on a 16-channel layer 0.75
 * and 1.0 both give 16 at divisor 8); for a knob that moves several channel groups, two choices tie only
 * when every group gets the same count. A kernel size, separable form or resolution written twice ties
 * with itself. The merged choice keeps the first one's place and is labelled with every distinct label
 * it stands for, joined by '|' in the order written ("0.75|1.0").
 */
public final class TiedChoices {
    /** Joins the labels of tied choices. */
    public static final String SEPARATOR = "|";

    private TiedChoices() {
    }

    public static Knob merge(Knob knob) {
        Map<String, List<Integer>> byNetwork = new LinkedHashMap<>();
        for (int c = 0; c < knob.choices(); c++) {
            byNetwork.computeIfAbsent(key(knob.target(), knob.labels().get(c), c), k -> new ArrayList<>()).add(c);
        }
        if (byNetwork.size() == knob.choices()) {
            return knob;
        }
        List<String> labels = new ArrayList<>();
        List<List<String>> written = new ArrayList<>();
        int[] kept = new int[byNetwork.size()];
        int i = 0;
        for (List<Integer> tied : byNetwork.values()) {
            kept[i++] = tied.get(0);
            List<String> sources = new ArrayList<>();
            tied.forEach(c -> sources.addAll(knob.written().get(c)));
            written.add(sources);
            labels.add(String.join(SEPARATOR, sources.stream().distinct().toList()));
        }
        return new Knob(knob.name(), labels, keep(knob.target(), kept), written);
    }

    /** What a choice does to the model, as a string: equal strings, equal networks. */
    private static String key(KnobTarget target, String label, int c) {
        if (target instanceof KnobTarget.Width w) {
            return Arrays.toString(w.channels()[c]);
        } else if (target instanceof KnobTarget.Kernel k) {
            return Integer.toString(k.sizes()[c]);
        } else if (target instanceof KnobTarget.Separable s) {
            return Boolean.toString(s.separable()[c]);
        } else if (target instanceof KnobTarget.Resolution r) {
            return r.heights()[c] + "x" + r.widths()[c];
        } else if (target instanceof KnobTarget.Param p) {
            return p.values().get(c);
        }
        return label;
    }

    /** The target restricted to the choices {@code kept}, in that order. */
    private static KnobTarget keep(KnobTarget target, int[] kept) {
        if (target instanceof KnobTarget.Width w) {
            int[][] channels = Arrays.stream(kept).mapToObj(c -> w.channels()[c].clone()).toArray(int[][]::new);
            return new KnobTarget.Width(w.groups(), channels);
        } else if (target instanceof KnobTarget.Kernel k) {
            return new KnobTarget.Kernel(k.layers(), Arrays.stream(kept).map(c -> k.sizes()[c]).toArray());
        } else if (target instanceof KnobTarget.Separable s) {
            boolean[] separable = new boolean[kept.length];
            for (int i = 0; i < kept.length; i++) {
                separable[i] = s.separable()[kept[i]];
            }
            return new KnobTarget.Separable(s.sites(), separable);
        } else if (target instanceof KnobTarget.Resolution r) {
            return new KnobTarget.Resolution(Arrays.stream(kept).map(c -> r.heights()[c]).toArray(),
                    Arrays.stream(kept).map(c -> r.widths()[c]).toArray());
        } else if (target instanceof KnobTarget.Param p) {
            return new KnobTarget.Param(p.name(), Arrays.stream(kept).mapToObj(c -> p.values().get(c)).toList());
        }
        return target;
    }
}
