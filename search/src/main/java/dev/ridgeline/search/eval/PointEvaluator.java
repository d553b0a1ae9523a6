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
}
