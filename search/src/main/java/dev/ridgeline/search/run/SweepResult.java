package dev.ridgeline.search.run;

import dev.ridgeline.search.accuracy.AccuracyPredictor;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.strategy.Shard;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sweep found: the front of its feasible points, counts, timing, and, when no point met the
 * budgets, the point that came closest.
 *
 * @param points     every evaluated point in index order, when the sweep recorded them (--all-points)
 * @param closest    the point with the smallest budget excess, when no point was feasible
 * @param baseMetrics the base model's metrics, for reading relative figures
 * @param statistics what the strategy reports about its own run, by name (the exact strategy's
 *     eliminations, largest intermediate front, guarantee); empty for the others
 * @param accuracy   the accuracy predictor the points were measured with, when the job measured designs
 */
public record SweepResult(Job job, ResolvedSpace space, Shard shard, long evaluated, long feasible,
                          List<ParetoPoint> front, double wallSeconds, Optional<ParetoPoint> closest,
                          Optional<RecordedPoints> points, String strategy, double[] baseMetrics,
                          Map<String, Object> statistics, Optional<AccuracyPredictor> accuracy) {
    public SweepResult {
        front = List.copyOf(front);
        statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
    }

    /** A result without an accuracy predictor. */
    public SweepResult(Job job, ResolvedSpace space, Shard shard, long evaluated, long feasible,
                       List<ParetoPoint> front, double wallSeconds, Optional<ParetoPoint> closest,
                       Optional<RecordedPoints> points, String strategy, double[] baseMetrics,
                       Map<String, Object> statistics) {
        this(job, space, shard, evaluated, feasible, front, wallSeconds, closest, points, strategy, baseMetrics,
                statistics, Optional.empty());
    }

    /** A result without strategy statistics. */
    public SweepResult(Job job, ResolvedSpace space, Shard shard, long evaluated, long feasible,
                       List<ParetoPoint> front, double wallSeconds, Optional<ParetoPoint> closest,
                       Optional<RecordedPoints> points, String strategy, double[] baseMetrics) {
        this(job, space, shard, evaluated, feasible, front, wallSeconds, closest, points, strategy, baseMetrics,
                Map.of());
    }

    public BigInteger spaceSize() {
        return space.space().size();
    }

    public double pointsPerSecond() {
        return wallSeconds > 0 ? evaluated / wallSeconds : 0;
    }
}
