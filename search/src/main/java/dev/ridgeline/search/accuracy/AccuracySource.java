package dev.ridgeline.search.accuracy;

import dev.ridgeline.search.space.DesignSpace;

/**
 * The measured designs a job, plan or batch names ({@code accuracy: {measured: FILE}}), as read: the file
 * as messages name it, its text, and where the naming file wrote it.
 */
public record AccuracySource(String file, String text, String where) {
    /** The SHA-256 of the file's text (UTF-8), for provenance: the job's hash does not cover it. */
    public String sha256() {
        return com.google.common.hash.Hashing.sha256().hashString(text, java.nio.charset.StandardCharsets.UTF_8)
                .toString();
    }

    /** Parses the designs against a resolved space and fits the predictor. */
    public AccuracyPredictor fit(dev.ridgeline.search.space.ResolvedSpace space) {
        java.nio.file.Path folder = java.nio.file.Path.of(file).toAbsolutePath().getParent();
        return AccuracyFit.fit(space.space(), MeasuredDesigns.parse(file, text, space, folder), file);
    }

    /** Parses the designs against a space and fits the predictor (designs named by knob columns only). */
    public AccuracyPredictor fit(DesignSpace space) {
        return AccuracyFit.fit(space, MeasuredDesigns.parse(file, text, space), file);
    }
}
