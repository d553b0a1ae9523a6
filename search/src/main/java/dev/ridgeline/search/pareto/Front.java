package dev.ridgeline.search.pareto;

import java.util.function.BiConsumer;

/**
 * The non-dominated set behind a {@link ParetoArchive}, in oriented space (every objective minimized).
 * Implementations keep exactly one point per objective vector: the one with the lexicographically
 * smallest choices ({@link java.util.Arrays#compare(int[], int[])}); on equal choices the first stays.
 */
sealed interface Front permits Front2D, FrontND {
    /**
     * Adds the point unless a kept point weakly dominates it (ties broken by the duplicate rule), and
     * drops the kept points it dominates. Allocates nothing when the point is rejected.
     *
     * @param oriented the point's objective values, smaller is better; read, never kept
     * @param copy whether to keep copies of {@code metrics} and {@code choices} (false: keep the arrays,
     *     which the caller then never changes)
     * @return whether the point is now on the front
     */
    boolean offer(double[] oriented, double[] metrics, int[] choices, boolean copy);

    int size();

    /** Passes the kept arrays of every point, in no particular order; the visitor must not change them. */
    void forEach(BiConsumer<double[], int[]> visitor);
}
