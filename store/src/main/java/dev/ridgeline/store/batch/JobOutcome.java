package dev.ridgeline.store.batch;

import dev.ridgeline.store.batch.BatchJob;

/**
 * What became of one job of a batch.
 *
 * @param message     for a failed job its error, for a skipped one the reason; else empty
 * @param resumed     true when an earlier run's complete outputs were kept (--resume)
 * @param wallSeconds the time this run spent on the job (0 when skipped or resumed)
 */
public record JobOutcome(BatchJob job, Status status, String message, boolean resumed, double wallSeconds) {
    /** A job's state in the index. */
    public enum Status {
        DONE("done"), FAILED("failed"), SKIPPED("skipped");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
