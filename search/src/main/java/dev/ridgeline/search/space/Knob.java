package dev.ridgeline.search.space;

import java.util.List;

/**
 * One dimension of a design space: a name (used as a CSV column) and the labels of its choices
 * ("0.75", "5", "separable"), with what it changes in the model.
 */
public record Knob(String name, List<String> labels, KnobTarget target) {
    public Knob {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("knob " + name + " has no choices");
        }
        labels = List.copyOf(labels);
    }

    public int choices() {
        return labels.size();
    }
}
