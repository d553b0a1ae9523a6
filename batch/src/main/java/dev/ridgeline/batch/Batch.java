package dev.ridgeline.batch;

import dev.ridgeline.store.batch.BatchJob;

import java.util.List;

/**
 * A batch file, expanded: every job it names, in order.
 *
 * @param source the batch file as given
 * @param sha256 the SHA-256 of the batch file's bytes
 */
public record Batch(String source, String sha256, List<BatchJob> jobs) {
    public Batch {
        jobs = List.copyOf(jobs);
    }
}
