package dev.ridgeline.search.job;

/** How a job explores its space. */
public sealed interface StrategySpec {
    /** The default and largest point counts a job may ask for. */
    long DEFAULT_EXHAUSTIVE_LIMIT = 1_000_000_000L;
    long MAX_SAMPLED_POINTS = 1_000_000_000L;

    /**
     * Every point, refusing spaces larger than {@code limit}; {@code where} is the limit's file:line:column
     * in the job, or empty for the default.
     */
    record Exhaustive(long limit, String where) implements StrategySpec {
        public Exhaustive(long limit) {
            this(limit, "");
        }
    }

    /** {@code count} points drawn uniformly with a seed. */
    record Random(long count, long seed) implements StrategySpec {
    }

    /**
     * The exact front by elimination over the knobs ({@code epsilon} 0), or a front within a factor
     * 1 + epsilon of it; {@code maxFront} caps the vectors one partial front may hold (0: no cap but memory);
     * {@code timeLimitSeconds} and {@code memoryLimitBytes} (0: none) make the solve anytime: on reaching
     * one it coarsens its front and ends with the epsilon it proves.
     */
    record Exact(double epsilon, long maxFront, double timeLimitSeconds, long memoryLimitBytes)
            implements StrategySpec {
        public Exact(double epsilon, long maxFront) {
            this(epsilon, maxFront, 0, 0);
        }
    }

    /** NSGA-II with a population, an evaluation budget and a seed. */
    record Evolutionary(int population, long evaluations, long seed) implements StrategySpec {
    }
}
