package dev.ridgeline.search.eval;

import dev.ridgeline.search.space.DesignSpace;

/**
 * Measures design points of a space. Implementations are immutable after construction and safe to
 * call from many threads, each with its own arrays; {@link #evaluate} allocates nothing.
 */
public interface PointEvaluator {
    DesignSpace space();

    /**
     * Writes every metric of the point into {@code metrics}, indexed by {@link Metric#ordinal()}.
     *
     * @param choices one choice index per knob of {@link #space()}
     */
    void evaluate(int[] choices, double[] metrics);

    /**
     * An evaluator for one thread visiting points in order, which may reuse what the previous point
     * computed. The default re-evaluates every point.
     */
    default Sequential sequential() {
        return (choices, changedFrom, metrics) -> evaluate(choices, metrics);
    }

    /** Stateful evaluation of a sequence of points; not thread-safe, one per thread. */
    interface Sequential {
        /**
         * @param changedFrom the lowest knob whose choice differs from the previous call's point (as
         *                    {@link dev.ridgeline.search.space.DesignSpace#next} returns it); 0 when unknown
         */
        void evaluate(int[] choices, int changedFrom, double[] metrics);
    }
}
