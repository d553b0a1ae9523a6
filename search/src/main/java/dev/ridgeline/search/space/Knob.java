package dev.ridgeline.search.space;

import java.util.List;

/**
 * One dimension of a design space: a name (used as a CSV column), the labels of its choices ("0.75", "5",
 * "separable", or "0.75|1.0" for tied choices merged into one) and what it changes in the model.
 * {@code written} holds, per choice, the choices as the job wrote them that it stands for: one each, or
 * several where choices that give the same network were merged (see {@link TiedChoices}).
 */
public record Knob(String name, List<String> labels, KnobTarget target, List<List<String>> written) {
    public Knob {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("knob " + name + " has no choices");
        }
        labels = List.copyOf(labels);
        written = written.stream().map(List::copyOf).toList();
        if (written.size() != labels.size()) {
            throw new IllegalArgumentException("knob " + name + ": " + written.size() + " written choices for "
                    + labels.size() + " labels");
        }
    }

    /** A knob whose every choice is one choice as written. */
    public Knob(String name, List<String> labels, KnobTarget target) {
        this(name, labels, target, labels.stream().map(List::of).toList());
    }

    public int choices() {
        return labels.size();
    }

    /** The choices that stand for more than one written choice, as those written choices. */
    public List<List<String>> merged() {
        return written.stream().filter(w -> w.size() > 1).toList();
    }

    /**
     * The choice a written label denotes: its own label ("0.75|1.0") or any choice written in the job that
     * it stands for ("0.75"); -1 if none.
     */
    public int choiceOf(String label) {
        int at = labels.indexOf(label);
        if (at >= 0) {
            return at;
        }
        for (int c = 0; c < written.size(); c++) {
            if (written.get(c).contains(label)) {
                return c;
            }
        }
        return -1;
    }
}
