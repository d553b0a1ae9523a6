package dev.ridgeline.core.zoo;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.io.BundledFiles;
import dev.ridgeline.core.io.yaml.ModelYamlReader;
import dev.ridgeline.core.io.yaml.Suggest;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled model zoo: readable YAML models (configs/zoo in the source tree) shipped on the
 * classpath under ridgeline/zoo, addressed by file name without extension.
 */
public final class Zoo {
    private static final BundledFiles FILES = new BundledFiles("ridgeline/zoo");

    private Zoo() {
    }

    /** Names of the bundled models, sorted. */
    public static List<String> names() {
        return FILES.names();
    }

    /** The bytes of a bundled model's file, for provenance hashes; empty when the name is unknown. */
    public static Optional<byte[]> bytes(String name) {
        return FILES.bytes(name);
    }

    /** Loads a bundled model; an unknown name fails with the nearest known name and the whole list. */
    public static Model load(String name) {
        return load(name, Optional.empty());
    }

    /** As {@link #load(String)}, at another sample shape (see {@link ModelYamlReader#read(Path, Optional)}). */
    public static Model load(String name, Optional<Shape> sample) {
        return load(name, sample, Map.of());
    }

    /** As {@link #load(String, Optional)}, with some of the model's parameters set (see ModelYamlReader). */
    public static Model load(String name, Optional<Shape> sample, Map<String, String> params) {
        return ModelYamlReader.read("zoo/" + name + ".yaml", reader(name), sample, params);
    }

    /** The parameters a bundled model declares, with their values (its family's scaling knobs). */
    public static Map<String, String> params(String name) {
        return ModelYamlReader.params("zoo/" + name + ".yaml", reader(name));
    }

    private static java.io.Reader reader(String name) {
        byte[] bytes = FILES.bytes(name).orElseThrow(() -> {
            List<String> known = names();
            String hint = Suggest.hint(name, known);
            return new BadInputException("unknown model '" + name + "'" + hint
                    + ": not a file, and the zoo has: " + String.join(", ", known));
        });
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    }
}
