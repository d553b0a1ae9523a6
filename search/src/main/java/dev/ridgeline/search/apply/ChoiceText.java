package dev.ridgeline.search.apply;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a design written as text, {@code width:stage5=0.75,kernel:stage3=5}: knob names as a sweep's
 * CSV columns name them, each with one of its choices, by its label ({@code 0.75|1.0}) or by any choice the
 * job wrote that it stands for ({@code 1.0}). Knobs left out keep the base model's value.
 */
public final class ChoiceText {
    private ChoiceText() {
    }

    /**
     * @param what how messages name the text ("--choices")
     * @return choice per knob index, in the order written
     * @throws BadInputException for an empty text, an item without '=', an unknown knob or choice, a knob named twice
     */
    public static Map<Integer, Integer> parse(String text, DesignSpace space, String what) {
        Map<Integer, Integer> chosen = new LinkedHashMap<>();
        List<String> names = space.knobs().stream().map(Knob::name).toList();
        BadInputException.check(!text.isBlank(), "%s is empty; give knob=choice pairs separated by commas, e.g. %s=%s",
                what, names.get(0), space.knobs().get(0).labels().get(0));
        for (String item : text.split(",")) {
            String pair = item.trim();
            int eq = pair.lastIndexOf('=');
            BadInputException.check(eq > 0 && eq < pair.length() - 1, "%s: '%s' is not knob=choice (e.g. %s=%s)", what,
                    pair, names.get(0), space.knobs().get(0).labels().get(0));
            String name = pair.substring(0, eq).trim();
            String label = pair.substring(eq + 1).trim();
            int k = names.indexOf(name);
            BadInputException.check(k >= 0, "%s: unknown knob '%s'; the job's knobs: %s", what, name,
                    String.join(", ", names));
            Knob knob = space.knobs().get(k);
            int c = knob.choiceOf(label);
            BadInputException.check(c >= 0, "%s: knob %s has no choice '%s'; its choices: %s", what, name, label,
                    String.join(", ", knob.labels()));
            BadInputException.check(chosen.put(k, c) == null, "%s: knob %s is given twice", what, name);
        }
        return chosen;
    }
}
