package dev.ridgeline.search.strategy;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.space.DesignSpace;
import java.math.BigInteger;
import java.util.Locale;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * Evaluates every point of a space, or of one {@link Shard} of it, on a fixed pool of threads. The
 * index range is cut into chunks of {@link #chunkPoints()} points; worker w of T takes chunks w, w+T, ...
 * and steps through each with {@link DesignSpace#next}, delivering feasible points to its own sink in
 * index order. Which points a worker sees depends only on T, so a run is repeatable, and with a sink
 * whose merge is order-free (a Pareto front with deterministic ties) the result is the same for any T.
 * A run over more than {@link #maxPoints()} points is refused with a {@link SpaceTooLargeException}.
 */
public final class Exhaustive {
    public static final long DEFAULT_MAX_POINTS = 1_000_000_000L;
    public static final int DEFAULT_CHUNK_POINTS = 4096;

    private final int threads;
    private final long maxPoints;
    private final int chunkPoints;
    private final ProgressListener progress;

    private Exhaustive(int threads, long maxPoints, int chunkPoints, ProgressListener progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (maxPoints < 0) {
            throw new IllegalArgumentException("maxPoints must not be negative, got " + maxPoints);
        }
        if (chunkPoints < 1) {
            throw new IllegalArgumentException("chunkPoints must be at least 1, got " + chunkPoints);
        }
        this.threads = threads;
        this.maxPoints = maxPoints;
        this.chunkPoints = chunkPoints;
        this.progress = progress;
    }

    /** All cores, a limit of {@value #DEFAULT_MAX_POINTS} points, {@value #DEFAULT_CHUNK_POINTS}-point chunks. */
    public static Exhaustive withDefaults() {
        return new Exhaustive(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_POINTS,
                DEFAULT_CHUNK_POINTS, ProgressListener.NONE);
    }

    public Exhaustive withThreads(int threads) {
        return new Exhaustive(threads, maxPoints, chunkPoints, progress);
    }

    public Exhaustive withMaxPoints(long maxPoints) {
        return new Exhaustive(threads, maxPoints, chunkPoints, progress);
    }

    public Exhaustive withChunkPoints(int chunkPoints) {
        return new Exhaustive(threads, maxPoints, chunkPoints, progress);
    }

    public Exhaustive withProgress(ProgressListener progress) {
        return new Exhaustive(threads, maxPoints, chunkPoints, progress);
    }

    public int threads() {
        return threads;
    }

    public long maxPoints() {
        return maxPoints;
    }

    public int chunkPoints() {
        return chunkPoints;
    }

    /**
     * The number of points a run over {@code shard} of {@code space} would evaluate.
     *
     * @throws SpaceTooLargeException when that is more than {@link #maxPoints()}
     */
    public long checkSize(DesignSpace space, Shard shard) {
        BigInteger points = shard.points(space.size());
        if (!space.indexable() || points.compareTo(BigInteger.valueOf(maxPoints)) > 0) {
            throw new SpaceTooLargeException(space.size(), points, shard, maxPoints);
        }
        return points.longValueExact();
    }

    /**
     * Evaluates every point of {@code shard} and delivers the feasible ones.
     *
     * @param sinks makes one sink per worker thread
     * @param merge folds two workers' sinks into one (it may return either, filled with both)
     */
    public <S extends PointSink> SearchOutcome<S> run(PointEvaluator evaluator, PointFilter filter, Shard shard,
            Supplier<S> sinks, BinaryOperator<S> merge) {
        DesignSpace space = evaluator.space();
        long points = checkSize(space, shard);
        long size = space.size().longValueExact();
        long start = shard.start(size);
        ProgressMeter meter = new ProgressMeter(progress, points);
        ChunkedRunner.Merged<S> merged = ChunkedRunner.run(points, chunkPoints, threads, sinks, merge,
                sink -> new Worker(evaluator, filter, sink, start), meter);
        meter.finish();
        String provenance = String.format(Locale.ROOT,
                "exhaustive: shard %s, indices [%d, %d) of %d, %d threads, %d-point chunks",
                shard, start, start + points, size, threads, chunkPoints);
        return new SearchOutcome<>(merged.sink(), meter.done(), merged.feasible(), meter.elapsedSeconds(),
                provenance);
    }

    /** One worker's buffers; the hot loop allocates nothing. */
    private static final class Worker implements ChunkedRunner.ChunkWork {
        private final PointEvaluator.Sequential evaluator;
        private final PointFilter filter;
        private final PointSink sink;
        private final DesignSpace space;
        private final long start;
        private final int[] choices;
        private final double[] metrics = new double[Metric.COUNT];

        Worker(PointEvaluator evaluator, PointFilter filter, PointSink sink, long start) {
            this.evaluator = evaluator.sequential();
            this.filter = filter;
            this.sink = sink;
            this.space = evaluator.space();
            this.start = start;
            this.choices = new int[space.knobCount()];
        }

        @Override
        public long process(long chunk, long from, long to) {
            long feasible = 0;
            long index = start + from;
            long end = start + to;
            space.decode(index, choices);
            // the first point of a chunk follows no point this worker evaluated: everything may differ
            int changed = 0;
            for (; index < end; index++) {
                evaluator.evaluate(choices, changed, metrics);
                if (filter.feasible(metrics)) {
                    sink.accept(index, choices, metrics);
                    feasible++;
                } else {
                    sink.reject(index, choices, metrics);
                }
                changed = space.next(choices);
            }
            return feasible;
        }
    }
}
