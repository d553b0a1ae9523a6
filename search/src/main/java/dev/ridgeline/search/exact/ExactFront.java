package dev.ridgeline.search.exact;

import dev.ridgeline.search.pareto.ParetoPoint;
import java.util.List;

/**
 * What {@link ExactSolver} found: the front (every non-dominated objective vector of the feasible points
 * with the lowest-index design attaining it, best first by the first objective; with an epsilon, a set
 * within a factor 1 + epsilon of every such vector) and how the solve went.
 */
public record ExactFront(List<ParetoPoint> front, Statistics statistics) {
    public ExactFront {
        front = List.copyOf(front);
    }

    /**
     * @param subproblems      separable configurations times resolutions, each solved on its own
     * @param eliminations     knobs eliminated over all subproblems
     * @param largestFront     the most partial vectors kept for one assignment of the remaining knobs
     * @param peakBytes        the most memory partial fronts held at once (estimate from array sizes)
     * @param candidates       complete designs re-evaluated at the end (a superset of the front)
     * @param wallSeconds      time the solve took
     * @param epsilon          the relative tolerance asked for (0: exact)
     * @param provenEpsilon    the tolerance the solve proves: every non-dominated objective vector of the feasible
     *                         points lies within a factor 1 + provenEpsilon of a returned one in every objective
     *                         (at most {@code epsilon} unless a limit was reached; 0: the front is exact)
     * @param limitHit         the limit that made the solve coarsen its front ("time", "memory"), "" for none
     * @param threads          the threads the eliminations were shared over
     */
    public record Statistics(long subproblems, long eliminations, long largestFront, long peakBytes, long candidates,
                             double wallSeconds, double epsilon, double provenEpsilon, String limitHit, int threads) {
        /** Whether the front is exactly the exhaustive one (every front vector, each with its lowest-index design). */
        public boolean exact() {
            return provenEpsilon == 0;
        }
    }
}
