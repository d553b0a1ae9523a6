package dev.ridgeline.search.accuracy;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.search.apply.Design;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which design of a space a model file is: for a measured design named by its model file ({@code model}
 * column) rather than by its knob choices. A model is compared by its features, every node's operator and
 * attributes (channels, kernel, groups, ...) and inputs and the input's shape. Each knob's choice is the one whose
 * model (the base model with that knob alone changed) agrees with the file on the features that knob moves;
 * the design so found must then equal the file on every feature, or the file is no design of the space.
 */
final class ModelDesigns {
    /** Rounds of refining a first guess, one knob at a time, before a model is called no design of the space. */
    private static final int MAX_ROUNDS = 4;
    private final ResolvedSpace space;
    /** {@code features[k][c]}: the base model with knob k at choice c. */
    private final List<List<Map<String, String>>> features = new ArrayList<>();
    /** {@code moved[k]}: the features knob k changes. */
    private final List<Set<String>> moved = new ArrayList<>();

    ModelDesigns(ResolvedSpace space) {
        this.space = space;
        DesignSpace s = space.space();
        for (int k = 0; k < s.knobCount(); k++) {
            List<Map<String, String>> perChoice = new ArrayList<>();
            for (int c = 0; c < s.choices(k); c++) {
                perChoice.add(features(Design.of(space, Map.of(k, c)).model()));
            }
            Set<String> keys = new HashSet<>();
            perChoice.forEach(f -> keys.addAll(f.keySet()));
            Set<String> changed = new HashSet<>();
            for (String key : keys) {
                String first = perChoice.get(0).get(key);
                if (perChoice.stream().anyMatch(f -> !Objects.equals(first, f.get(key)))) {
                    changed.add(key);
                }
            }
            features.add(perChoice);
            moved.add(changed);
        }
    }

    /**
     * The point of the space the model is.
     *
     * @throws IllegalArgumentException when it is none, saying where it differs from the nearest design
     */
    int[] match(Model model) {
        Map<String, String> file = features(model);
        DesignSpace s = space.space();
        int[] choices = new int[s.knobCount()];
        for (int k = 0; k < choices.length; k++) {
            int best = s.choices(k) - 1;
            int fewest = Integer.MAX_VALUE;
            for (int c = s.choices(k) - 1; c >= 0; c--) {
                Map<String, String> f = features.get(k).get(c);
                int misses = 0;
                for (String key : moved.get(k)) {
                    misses += Objects.equals(file.get(key), f.get(key)) ? 0 : 1;
                }
                if (misses < fewest) {
                    fewest = misses;
                    best = c;
                }
            }
            choices[k] = best;
        }
        Map<String, String> design = refine(file, choices);
        if (!design.equals(file)) {
            Set<String> keys = new java.util.TreeSet<>(design.keySet());
            keys.addAll(file.keySet());
            String at = keys.stream().filter(key -> !Objects.equals(design.get(key), file.get(key))).findFirst()
                    .orElseThrow();
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "it differs from the nearest "
                    + "design of the space (%s) at %s: the file has %s, the design %s", describe(choices), at,
                    shown(file.get(at)), shown(design.get(at))));
        }
        return choices;
    }

    /**
     * Where knobs interact (a kernel knob moves the depthwise conv of a separable site), the first guess can
     * miss: then each knob in turn takes the choice whose whole design differs from the file least, the others
     * at their current guess, until nothing changes. Returns the features of the final guess.
     */
    private Map<String, String> refine(Map<String, String> file, int[] choices) {
        DesignApplier applier = new DesignApplier(space);
        Map<String, String> design = features(applier.apply(choices));
        int current = differences(file, design);
        for (int round = 0; round < MAX_ROUNDS && current > 0; round++) {
            boolean changed = false;
            for (int k = 0; k < choices.length && current > 0; k++) {
                int was = choices[k];
                for (int c = 0; c < space.space().choices(k); c++) {
                    if (c == was) {
                        continue;
                    }
                    choices[k] = c;
                    Map<String, String> f = features(applier.apply(choices));
                    int d = differences(file, f);
                    if (d < current) {
                        current = d;
                        design = f;
                        was = c;
                        changed = true;
                    }
                }
                choices[k] = was;
            }
            if (!changed) {
                break;
            }
        }
        return design;
    }

    private static int differences(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        int n = 0;
        for (String key : keys) {
            n += Objects.equals(a.get(key), b.get(key)) ? 0 : 1;
        }
        return n;
    }

    private String describe(int[] choices) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < choices.length; k++) {
            parts.add(space.space().knobs().get(k).name() + "=" + space.space().knobs().get(k).labels().get(choices[k]));
        }
        return String.join(", ", parts);
    }

    private static String shown(String v) {
        return v == null ? "nothing" : v;
    }

    /** "node 'layer1.0.conv1' outChannels" -> "48", "input shape" -> "3x224x224", one per feature. */
    static Map<String, String> features(Model model) {
        Map<String, String> f = new LinkedHashMap<>();
        Shape in = model.inputs().get(0).shape();
        int[] dims = in.toArray();
        f.put("the input shape", String.join("x", Arrays.stream(dims, 1, dims.length).mapToObj(String::valueOf)
                .toList()));
        for (Node n : model.nodes()) {
            String node = "node '" + n.name() + "' ";
            f.put(node + "op", n.op().kind().toString());
            f.put(node + "inputs", String.join(",", n.inputs()));
            n.op().attributes().forEach((name, value) -> f.put(node + name, text(value)));
        }
        return f;
    }

    private static String text(Object v) {
        if (v instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof long[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof double[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        return String.valueOf(v);
    }
}
