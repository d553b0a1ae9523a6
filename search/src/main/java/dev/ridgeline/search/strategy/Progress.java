package dev.ridgeline.search.strategy;

/**
 * How far a running search is: points evaluated so far out of the points it will evaluate (for the exact
 * strategy: knobs eliminated out of knobs to eliminate), and a short note on what else is worth showing
 * (empty when there is none).
 */
public record Progress(long done, long total, double elapsedSeconds, String note) {
    public Progress(long done, long total, double elapsedSeconds) {
        this(done, total, elapsedSeconds, "");
    }

    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }

    /** Evaluation rate so far, or 0 before any time has passed. */
    public double pointsPerSecond() {
        return elapsedSeconds > 0 ? done / elapsedSeconds : 0.0;
    }

    /** Seconds left at the rate so far: 0 when done, NaN while the rate is unknown. */
    public double etaSeconds() {
        if (done >= total) {
            return 0.0;
        }
        double rate = pointsPerSecond();
        return rate > 0 ? (total - done) / rate : Double.NaN;
    }
}
