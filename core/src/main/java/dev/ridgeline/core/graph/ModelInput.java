package dev.ridgeline.core.graph;

/** A named input of a model and its default shape, batch first (batch 1 by default). */
public record ModelInput(String name, Shape shape) {
    public ModelInput {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model input needs a name");
        }
        if (shape == null) {
            throw new IllegalArgumentException("model input '" + name + "' needs a shape");
        }
    }
}
