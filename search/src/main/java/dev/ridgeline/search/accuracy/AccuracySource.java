package dev.ridgeline.search.accuracy;

import dev.ridgeline.search.space.DesignSpace;

/**
 * The measured designs a job, plan or batch names ({@code accuracy: {measured: FILE}}), as read: the file
 * as messages name it, its text, and where the naming file wrote it.
 */
public record AccuracySource(String file, String text, String where) {
    /** Parses the designs against a space and fits the predictor. */
    public AccuracyPredictor fit(DesignSpace space) {
        return AccuracyFit.fit(space, MeasuredDesigns.parse(file, text, space), file);
    }
}
