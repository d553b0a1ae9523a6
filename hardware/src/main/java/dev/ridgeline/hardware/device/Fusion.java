package dev.ridgeline.hardware.device;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How layers are grouped into kernels before timing. {@code NONE}: every layer is its own kernel with its own
 * traffic and overhead. {@code ENGINE}: what inference engines (ONNX Runtime, TensorRT) do: batch norm folds into
 * the conv or linear before it, and element-wise activations and residual adds run inside their producer's
 * kernel; see {@code FusedGroups} for the rules.
 */
public enum Fusion {
    NONE, ENGINE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Fusion> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** "none, engine". */
    public static String knownIds() {
        return Arrays.stream(values()).map(Fusion::id).collect(Collectors.joining(", "));
    }
}
