package dev.ridgeline.search.strategy;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.space.DesignSpace;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * Evaluates {@code count} points drawn uniformly, with replacement, from a space of any size: each knob's
 * choice is drawn independently, so a point can come up more than once (about count^2 / (2 * size)
 * repeats; the sink sees each draw). The draws are cut into {@value #CHUNK_POINTS}-point chunks, and
 * chunk c draws from its own {@link SplittableRandom} seeded from (seed, c), so the multiset of points
 * depends on the seed and count only, never on the number of threads.
 */
public final class RandomSampling {
    static final int CHUNK_POINTS = 4096;

    private final long count;
    private final long seed;
    private final int threads;
    private final ProgressListener progress;

    private RandomSampling(long count, long seed, int threads, ProgressListener progress) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.count = count;
        this.seed = seed;
        this.threads = threads;
        this.progress = progress;
    }

    /** {@code count} draws from {@code seed} on all cores. */
    public static RandomSampling of(long count, long seed) {
        return new RandomSampling(count, seed, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    public RandomSampling withThreads(int threads) {
        return new RandomSampling(count, seed, threads, progress);
    }

    public RandomSampling withProgress(ProgressListener progress) {
        return new RandomSampling(count, seed, threads, progress);
    }

    public long count() {
        return count;
    }

    public long seed() {
        return seed;
    }

    /**
     * Draws and evaluates the points and delivers the feasible ones.
     *
     * @param sinks makes one sink per worker thread
     * @param merge folds two workers' sinks into one (it may return either, filled with both)
     */
    public <S extends PointSink> SearchOutcome<S> run(PointEvaluator evaluator, PointFilter filter,
            Supplier<S> sinks, BinaryOperator<S> merge) {
        ProgressMeter meter = new ProgressMeter(progress, count);
        ChunkedRunner.Merged<S> merged = ChunkedRunner.run(count, CHUNK_POINTS, threads, sinks, merge,
                sink -> new Worker(evaluator, filter, sink, seed), meter);
        meter.finish();
        String provenance = String.format(Locale.ROOT,
                "random: %d uniform draws with replacement, seed %d, %d threads", count, seed, threads);
        return new SearchOutcome<>(merged.sink(), meter.done(), merged.feasible(), meter.elapsedSeconds(),
                provenance);
    }

    /** The seed of chunk {@code chunk}'s generator: SplitMix64's finalizer over seed and chunk. */
    static long chunkSeed(long seed, long chunk) {
        long z = seed + (chunk + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Worker implements ChunkedRunner.ChunkWork {
        private final PointEvaluator evaluator;
        private final PointFilter filter;
        private final PointSink sink;
        private final DesignSpace space;
        private final long seed;
        private final int[] choices;
        private final double[] metrics = new double[Metric.COUNT];

        Worker(PointEvaluator evaluator, PointFilter filter, PointSink sink, long seed) {
            this.evaluator = evaluator;
            this.filter = filter;
            this.sink = sink;
            this.space = evaluator.space();
            this.seed = seed;
            this.choices = new int[space.knobCount()];
        }

        @Override
        public long process(long chunk, long from, long to) {
            SplittableRandom random = new SplittableRandom(chunkSeed(seed, chunk));
            boolean indexable = space.indexable();
            int knobs = choices.length;
            long feasible = 0;
            for (long i = from; i < to; i++) {
                for (int k = 0; k < knobs; k++) {
                    choices[k] = random.nextInt(space.choices(k));
                }
                evaluator.evaluate(choices, metrics);
                if (filter.feasible(metrics)) {
                    sink.accept(indexable ? space.encode(choices) : -1, choices, metrics);
                    feasible++;
                } else {
                    sink.reject(indexable ? space.encode(choices) : -1, choices, metrics);
                }
            }
            return feasible;
        }
    }
}
