package dev.ridgeline.core.io;

import com.google.common.hash.Hashing;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.io.onnx.OnnxReader;
import dev.ridgeline.core.io.yaml.ModelYamlReader;
import dev.ridgeline.core.zoo.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns what a user names (a zoo model or a model file) into a {@link Model}. */
public final class ModelLoader {
    private ModelLoader() {
    }

    /**
     * A path to a .yaml/.yml or .onnx model file, or the name of a zoo model. A name that looks like a file but
     * does not exist is reported as a missing file, not as an unknown zoo name.
     */
    public static Model load(String spec) {
        return load(spec, Optional.empty(), false);
    }

    /**
     * As {@link #load(String)}, read at this sample shape (channels first, no batch): an ONNX file's dynamic
     * dimensions need it, and a YAML or zoo model's layers follow it (a linear layer after a flatten takes
     * the new feature count).
     */
    public static Model load(String spec, Optional<Shape> sample) {
        return load(spec, sample, false);
    }

    /** As {@link #load(String, Optional)}; {@code allowUncounted} keeps ONNX ops Ridgeline cannot count, listed. */
    public static Model load(String spec, Optional<Shape> sample, boolean allowUncounted) {
        return load(spec, sample, allowUncounted, Map.of());
    }

    /**
     * As {@link #load(String, Optional, boolean)}, with some of a model file's parameters ({@code params:})
     * set to other values; an ONNX file has none, so any is bad input there.
     */
    public static Model load(String spec, Optional<Shape> sample, boolean allowUncounted, Map<String, String> params) {
        String lower = spec.toLowerCase(Locale.ROOT);
        Path path = Path.of(spec);
        boolean looksLikeFile = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".onnx")
                || spec.contains("/") || spec.contains("\\");
        if (Files.isRegularFile(path) || looksLikeFile) {
            if (!Files.exists(path)) {
                throw new BadInputException(spec + ": no such file");
            }
            if (Files.isDirectory(path)) {
                throw new BadInputException(spec + ": is a directory; give a .yaml, .yml or .onnx model file");
            }
            if (lower.endsWith(".onnx")) {
                if (!params.isEmpty()) {
                    throw new BadInputException(spec + ": an ONNX file has no parameters to set (asked for "
                            + String.join(", ", params.keySet()) + "); parameters belong to YAML model files");
                }
                return OnnxReader.read(path, sample, allowUncounted);
            }
            if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
                throw new BadInputException(spec + ": a model file must end in .yaml, .yml or .onnx");
            }
            return ModelYamlReader.read(path, sample, params);
        }
        return Zoo.load(spec, sample, params);
    }

    /** The parameters a model file or zoo model declares, with their values as written; none for ONNX. */
    public static Map<String, String> params(String spec) {
        Path path = Path.of(spec);
        if (Files.isRegularFile(path)) {
            if (spec.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
                return Map.of();
            }
            try (java.io.Reader r = Files.newBufferedReader(path)) {
                return ModelYamlReader.params(spec, r);
            } catch (java.io.IOException e) {
                throw new BadInputException(spec + ": cannot read: " + e.getMessage());
            }
        }
        return Zoo.params(spec);
    }

    /**
     * SHA-256 (hex) of the bytes {@link #load} reads for {@code spec}: the file, or the zoo model's
     * bundled file, so that a report names exactly what it was computed from.
     */
    public static String sha256(String spec) {
        Path path = Path.of(spec);
        byte[] bytes;
        try {
            bytes = Files.isRegularFile(path) ? Files.readAllBytes(path)
                    : Zoo.bytes(spec).orElseThrow(() -> new BadInputException("unknown model '" + spec + "'"));
        } catch (java.io.IOException e) {
            throw new BadInputException(spec + ": cannot read: " + e.getMessage());
        }
        return Hashing.sha256().hashBytes(bytes).toString();
    }
}
