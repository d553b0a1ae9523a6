package dev.ridgeline.search.strategy;

/**
 * Which evaluated points are admissible, for example a latency or memory budget. Strategies deliver only
 * feasible points to their {@link PointSink}; the evolutionary strategy also uses {@link #violation} to
 * steer its population back into the feasible region.
 */
@FunctionalInterface
public interface PointFilter {
    /** Admits every point. */
    PointFilter ACCEPT_ALL = metrics -> true;

    boolean feasible(double[] metrics);

    /**
     * How far a point is from feasible: 0 for a feasible point, more than 0 otherwise, and larger the
     * further out it is. The default only knows feasible (0) or not (1); a budget should override it
     * with, say, the summed relative excess over its limits so that nearer misses rank better.
     */
    default double violation(double[] metrics) {
        return feasible(metrics) ? 0.0 : 1.0;
    }
}
