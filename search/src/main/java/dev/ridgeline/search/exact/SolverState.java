package dev.ridgeline.search.exact;

import dev.ridgeline.search.strategy.Progress;
import dev.ridgeline.search.strategy.ProgressListener;
import java.util.Locale;

/** What a solve has used so far (memory, front sizes, eliminations), its limits and its progress reports. */
final class SolverState {
    private static final long INTERVAL_NANOS = 250_000_000L;

    private final long maxBytes;
    private final long maxFront;
    private final ProgressListener progress;
    private final long startNanos = System.nanoTime();
    private long nextReport = startNanos + INTERVAL_NANOS;
    private long storedBytes;
    private long peakBytes;
    long largestFront;
    long eliminations;
    long totalEliminations;
    long candidates;

    SolverState(long maxBytes, long maxFront, ProgressListener progress) {
        this.maxBytes = maxBytes;
        this.maxFront = maxFront;
        this.progress = progress;
    }

    void stored(long bytes) {
        storedBytes += bytes;
        peakBytes = Math.max(peakBytes, storedBytes);
        checkMemory(0);
    }

    /** Forgets the factors of a finished subproblem. */
    void release() {
        storedBytes = 0;
    }

    long peakBytes() {
        return peakBytes;
    }

    void checkMemory(long transientBytes) {
        long used = storedBytes + transientBytes;
        peakBytes = Math.max(peakBytes, used);
        if (used > maxBytes) {
            throw new ExactLimitException(String.format(Locale.ROOT,
                    "the exact front outgrew its memory limit: the partial fronts need %,d MB, the limit is %,d MB "
                            + "(after %d of %d knob eliminations; the largest front for one assignment of the "
                            + "remaining knobs had %,d vectors). Set 'epsilon' in the strategy (for example "
                            + "strategy: {type: exact, epsilon: 0.01}) for a front within 1%% of the exact one, add a "
                            + "budget, narrow the space, raise the heap (-Xmx), or use the evolutionary strategy",
                    used >> 20, maxBytes >> 20, eliminations, totalEliminations, largestFront));
        }
    }

    void noteFront(long size) {
        largestFront = Math.max(largestFront, size);
        if (size > maxFront) {
            throw new ExactLimitException(String.format(Locale.ROOT,
                    "the exact front outgrew its size limit: one partial front has %,d vectors, the limit is %,d "
                            + "(after %d of %d knob eliminations). Set 'epsilon' in the strategy (for example "
                            + "strategy: {type: exact, epsilon: 0.01}), add a budget, narrow the space, or use the "
                            + "evolutionary strategy", size, maxFront, eliminations, totalEliminations));
        }
        report(false);
    }

    void eliminated() {
        eliminations++;
        report(false);
    }

    void report(boolean force) {
        if (progress == ProgressListener.NONE) {
            return;
        }
        long now = System.nanoTime();
        if (force || now - nextReport >= 0) {
            nextReport = now + INTERVAL_NANOS;
            progress.progress(new Progress(Math.min(eliminations, totalEliminations), totalEliminations,
                    (now - startNanos) / 1e9, String.format(Locale.ROOT, "largest front %,d, %,d MB",
                            largestFront, storedBytes >> 20)));
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
