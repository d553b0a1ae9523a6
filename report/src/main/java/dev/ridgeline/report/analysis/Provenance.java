package dev.ridgeline.report.analysis;

import java.util.Objects;

/**
 * Where a report's numbers come from: the tool, its version and the model as the user named it
 * (a zoo name or a file path), so that a figure can be traced back to what produced it.
 */
public record Provenance(String tool, String version, String modelSource) {
    public static final String TOOL = "ridgeline";

    public Provenance {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(modelSource, "modelSource");
    }

    public static Provenance of(String version, String modelSource) {
        return new Provenance(TOOL, version, modelSource);
    }
}
