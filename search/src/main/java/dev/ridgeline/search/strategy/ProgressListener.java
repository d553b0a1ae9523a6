package dev.ridgeline.search.strategy;

/**
 * Receives a running search's {@link Progress} a few times per second, from whichever worker thread
 * notices the interval has passed (never two calls at once), and once more, complete, at the end.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = progress -> { };

    void progress(Progress progress);
}
