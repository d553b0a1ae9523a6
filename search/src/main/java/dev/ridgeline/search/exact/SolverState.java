package dev.ridgeline.search.exact;

import dev.ridgeline.search.strategy.Progress;
import dev.ridgeline.search.strategy.ProgressListener;
import java.util.Locale;

/**
 * What a solve has used so far (memory, front sizes, eliminations, work), its limits and its progress
 * reports, shared by the threads of one solve. With a time or memory limit (anytime), reaching it does
 * not stop the solve: the error the pruning passes may allow from then on grows (by half, from at least
 * 0.5%: past the time limit at most once per tenth of the limit, past three quarters of the memory limit once
 * per elimination and again for each sixteenth of the limit the partial fronts grow since), so the fronts shrink and the solve ends with a front whose error is proven by
 * the entries' own bookkeeping. Without a limit, outgrowing the memory stops the solve.
 */
final class SolverState {
    private static final long INTERVAL_NANOS = 250_000_000L;
    /** The error target past which coarsening is pointless: the memory limit then stops the solve. */
    private static final double MAX_EPSILON = 1.0;

    private final long maxBytes;
    private final long maxFront;
    private final long deadlineNanos;
    private final boolean anytime;
    private final ProgressListener progress;
    private final long startNanos = System.nanoTime();
    private final long[] transientBytes;
    private long nextReport = startNanos + INTERVAL_NANOS;
    private long storedBytes;
    private long peakBytes;
    private volatile double epsilon;
    /** The error target the solve started from (0: exact). */
    private final double startEpsilon;
    private final long timeLimitNanos;
    private long escalatedAt = -1;
    private long escalatedBytes;
    private long escalatedNanos;
    private String limitHit = "";
    long largestFront;
    long eliminations;
    long totalEliminations;
    long candidates;
    double workDone;
    double totalWork;

    /**
     * @param epsilon     the error target to start from
     * @param maxBytes    the memory partial fronts may hold
     * @param timeLimitNanos 0 for none
     * @param anytime     whether reaching a limit coarsens the front instead of stopping the solve
     */
    SolverState(double epsilon, long maxBytes, long maxFront, long timeLimitNanos, boolean anytime, int threads,
            ProgressListener progress) {
        this.epsilon = epsilon;
        this.startEpsilon = epsilon;
        this.maxBytes = maxBytes;
        this.maxFront = maxFront;
        this.deadlineNanos = timeLimitNanos > 0 ? startNanos + timeLimitNanos : 0;
        this.timeLimitNanos = timeLimitNanos;
        this.anytime = anytime;
        this.transientBytes = new long[threads];
        this.progress = progress;
    }

    /**
     * The most a kept vector may fall short of a vector it stands for, relative to its own value, so that
     * the front is within a factor 1 + epsilon: e / (1 + e), a hair less for rounding (0: exact).
     */
    double deficitCap() {
        double e = epsilon;
        return e == 0 ? 0 : e / (1 + e) * (1 - 1e-9);
    }

    /** The limit that made the solve coarsen its front ("time", "memory"), or "" when none did. */
    synchronized String limitHit() {
        return limitHit;
    }

    synchronized void stored(long bytes) {
        storedBytes += bytes;
        peakBytes = Math.max(peakBytes, storedBytes);
        checkMemory(0, 0);
    }

    synchronized void freed(long bytes) {
        storedBytes -= bytes;
    }

    /** Forgets the factors of a finished subproblem. */
    synchronized void release() {
        storedBytes = 0;
    }

    synchronized long peakBytes() {
        return peakBytes;
    }

    synchronized void clearTransient() {
        java.util.Arrays.fill(transientBytes, 0);
    }

    /** Notes what worker {@code worker} holds besides the stored factors, and checks the limits. */
    synchronized void checkMemory(int worker, long bytes) {
        transientBytes[worker] = bytes;
        long used = storedBytes;
        for (long b : transientBytes) {
            used += b;
        }
        peakBytes = Math.max(peakBytes, used);
        if (anytime && used > maxBytes / 4 * 3
                && (escalatedAt != eliminations || used > escalatedBytes + maxBytes / 16)) {
            escalatedAt = eliminations;
            escalatedBytes = used;
            escalate("memory");
        }
        if (used > maxBytes) {
            throw new ExactLimitException(String.format(Locale.ROOT,
                    "the exact front outgrew its memory limit: the partial fronts need %,d MB, the limit is %,d MB "
                            + "(after %d of %d knob eliminations; the largest front for one assignment of the "
                            + "remaining knobs had %,d vectors). %s",
                    used >> 20, maxBytes >> 20, eliminations, totalEliminations, largestFront, memoryAdvice()));
        }
        checkTime();
    }

    /**
     * What to change after the memory limit stopped the solve: only the settings not already in use (with
     * both an epsilon and a limit set, the coarsening has already been tried and gone as far as it could).
     */
    private String memoryAdvice() {
        String rest = "add a budget, narrow the space, raise the heap (-Xmx) or 'memoryLimit', or use the "
                + "evolutionary strategy";
        if (startEpsilon == 0 && !anytime) {
            return "Set 'epsilon' in the strategy (for example strategy: {type: exact, epsilon: 0.01}) for a front "
                    + "within 1% of the exact one, or 'timeLimit' for the best front reached in that time, " + rest;
        }
        if (startEpsilon == 0) {
            return "Set 'epsilon' in the strategy (for example strategy: {type: exact, epsilon: 0.01}) for a front "
                    + "within 1% of the exact one, " + rest;
        }
        if (!anytime) {
            return "Raise 'epsilon', or set 'timeLimit' or 'memoryLimit' in the strategy so that reaching the limit "
                    + "coarsens the front (a larger proven epsilon) instead of stopping the solve; or " + rest;
        }
        return String.format(Locale.ROOT, "Coarsening the front from epsilon %s to %s did not keep it within the "
                + "limit: %s", startEpsilon, epsilon, rest);
    }

    private void checkTime() {
        long now = System.nanoTime();
        if (deadlineNanos != 0 && now - deadlineNanos >= 0 && now - escalatedNanos >= timeLimitNanos / 10) {
            escalatedNanos = now;
            escalate("time");
        }
    }

    private void escalate(String reason) {
        if (epsilon >= MAX_EPSILON) {
            return;
        }
        epsilon = Math.min(MAX_EPSILON, Math.max(0.005, 1.5 * epsilon));
        if (limitHit.isEmpty()) {
            limitHit = reason;
        }
    }

    synchronized void noteFront(long size) {
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

    synchronized void eliminated(double work) {
        eliminations++;
        workDone += work;
        checkTime();
        report(false);
    }

    synchronized void report(boolean force) {
        if (progress == ProgressListener.NONE) {
            return;
        }
        long now = System.nanoTime();
        if (force || now - nextReport >= 0) {
            nextReport = now + INTERVAL_NANOS;
            double elapsed = (now - startNanos) / 1e9;
            String left = workDone <= 0 || workDone >= totalWork ? "time left unknown"
                    : String.format(Locale.ROOT, "about %.0f s left", elapsed * (totalWork - workDone) / workDone);
            progress.progress(new Progress(Math.min(eliminations, totalEliminations), totalEliminations, elapsed,
                    String.format(Locale.ROOT, "largest front %,d, %,d MB, %s%s", largestFront, storedBytes >> 20,
                            left, limitHit.isEmpty() ? "" : String.format(Locale.ROOT,
                                    ", %s limit reached: coarsening to epsilon %s", limitHit, epsilon))));
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
