package dev.ridgeline.search.space;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import java.util.Map;
import java.util.Optional;

/**
 * The models a job's model file makes as its parameters ({@code params:} in the file) change: the
 * parameters it declares with their defaults, and a way to read it with some of them set, at a sample
 * shape. A zoo family's member ({@code mobilenet_v2} at {@code width_mult: 0.5}) is one of them.
 *
 * @param name   the model as the job names it, for messages
 * @param params the parameters the file declares, with their values as written, in file order
 */
public record ModelFamily(String name, Map<String, String> params, Loader loader) {
    /** Reads the model file with these parameters set (the rest at their defaults), at a sample shape. */
    @FunctionalInterface
    public interface Loader {
        Model load(Map<String, String> params, Optional<Shape> sample);
    }

    public ModelFamily {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** A model without parameters (an ONNX file, a model built in code): only itself. */
    public static ModelFamily fixed(Model model) {
        return new ModelFamily(model.name(), Map.of(), (params, sample) -> {
            if (!params.isEmpty()) {
                throw new BadInputException("model '" + model.name() + "' has no parameters to set (asked for "
                        + String.join(", ", params.keySet()) + ")");
            }
            if (sample.isPresent()) {
                throw new IllegalStateException("a fixed model is not read again at another shape");
            }
            return model;
        });
    }

    /** The member with these parameters, at a sample shape (channels first, no batch) or the file's own. */
    public Model at(Map<String, String> values, Optional<Shape> sample) {
        return loader.load(values, sample);
    }
}
