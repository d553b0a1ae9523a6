package dev.ridgeline.search.strategy;

/**
 * Where a strategy delivers the feasible points it evaluates, for example a Pareto archive. A sink is
 * used by one thread at a time; parallel strategies give each worker its own sink and merge them at
 * the end. The arrays are the strategy's reused buffers: copy what you keep and change neither.
 */
@FunctionalInterface
public interface PointSink {
    /**
     * @param index the point's number in {@link dev.ridgeline.search.space.DesignSpace} order, or -1 when
     *     the space is too large to number with a long
     * @param choices one choice index per knob
     * @param metrics every metric, indexed by {@link dev.ridgeline.search.eval.Metric#ordinal()}
     */
    void accept(long index, int[] choices, double[] metrics);

    /**
     * An evaluated point that is not feasible, for sinks that keep track of the nearest miss; the
     * exhaustive and random strategies call it, the default ignores it.
     */
    default void reject(long index, int[] choices, double[] metrics) {
    }
}
