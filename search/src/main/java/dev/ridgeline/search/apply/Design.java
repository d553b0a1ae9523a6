package dev.ridgeline.search.apply;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A design chosen on some knobs of a space, the others keeping the base model's value: the space of
 * the chosen knobs alone and a choice for each, so that {@link DesignApplier} and every evaluator take it
 * as a point. A choice on every knob is a point of the whole space.
 */
public record Design(ResolvedSpace space, int[] choices) {
    public Design {
        choices = choices.clone();
    }

    @Override
    public int[] choices() {
        return choices.clone();
    }

    /**
     * @param chosen choice per knob index of {@code full}; knobs left out keep the base model's value
     * @throws IllegalArgumentException for a knob index or choice outside the space
     */
    public static Design of(ResolvedSpace full, Map<Integer, Integer> chosen) {
        DesignSpace space = full.space();
        SortedMap<Integer, Integer> inOrder = new TreeMap<>(chosen);
        List<Knob> knobs = new ArrayList<>();
        int[] choices = new int[inOrder.size()];
        int i = 0;
        for (Map.Entry<Integer, Integer> e : inOrder.entrySet()) {
            int k = e.getKey();
            if (k < 0 || k >= space.knobCount() || e.getValue() < 0 || e.getValue() >= space.choices(k)) {
                throw new IllegalArgumentException("choice " + e.getValue() + " of knob " + k + " outside the space");
            }
            knobs.add(space.knobs().get(k));
            choices[i++] = e.getValue();
        }
        ResolvedSpace sub = new ResolvedSpace(full.base(), new DesignSpace(knobs), full.groups(), full.sites(),
                full.family());
        return new Design(sub, choices);
    }

    /** The model the design denotes. */
    public Model model() {
        return new DesignApplier(space).apply(choices);
    }

    /** "width:stage5=0.75, kernel:stage3=5", or "the base model" when no knob is chosen. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < choices.length; k++) {
            Knob knob = space.space().knobs().get(k);
            parts.add(knob.name() + "=" + knob.labels().get(choices[k]));
        }
        return parts.isEmpty() ? "the base model" : String.join(", ", parts);
    }
}
