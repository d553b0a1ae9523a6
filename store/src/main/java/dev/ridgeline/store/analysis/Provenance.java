package dev.ridgeline.store.analysis;

import java.util.Objects;

/**
 * Where a report's numbers come from: the tool, its version, the model as the user named it (a zoo
 * name or a file path) and the SHA-256 of that model's file, so that a figure can be traced back to
 * exactly what produced it.
 */
public record Provenance(String tool, String version, String modelSource, String modelSha256) {
    public static final String TOOL = "ridgeline";

    public Provenance {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(modelSource, "modelSource");
        Objects.requireNonNull(modelSha256, "modelSha256");
    }

    public static Provenance of(String version, String modelSource, String modelSha256) {
        return new Provenance(TOOL, version, modelSource, modelSha256);
    }
}
