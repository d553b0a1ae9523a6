package dev.ridgeline.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.ReferenceEvaluator;
import dev.ridgeline.search.eval.WholeDesignLatency;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.strategy.ProgressListener;
import dev.ridgeline.search.strategy.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime that keeps the first weights on chip (the Edge TPU) makes a layer's time depend on every layer before
 * it, which per-layer tables cannot hold: a sweep there times each whole design with the cache honoured, as
 * {@code analyze} does, and the exact strategy, which needs additive latency, is refused saying what to use.
 */
class WeightCacheSweepTest {
    /** ResNet-18 at INT8 holds 11.7 MB of weights: over the Edge TPU's 8 MB, so the late layers' weights stream. */
    private static final String JOB = """
            model: resnet18
            hardware: coral-edge-tpu
            precision: int8
            space:
              width: {stages: [layer3, layer4], multipliers: [0.5, 0.75, 1.0]}
            objectives: [{metric: latencySeconds, goal: min}, {metric: macs, goal: max}]
            strategy: %s
            """;

    private static Job job(Path dir, String strategy) throws IOException {
        Path file = dir.resolve("coral.yaml");
        Files.writeString(file, JOB.formatted(strategy));
        return JobReader.read(file);
    }

    @Test
    void everyPointsLatencyIsTheWholeDesignsWithTheWeightCacheHonoured(@TempDir Path dir) throws IOException {
        Job job = job(dir, "exhaustive");
        SweepResult result = SweepRunner.run(job, Shard.ALL, true, 2, ProgressListener.NONE);
        ReferenceEvaluator reference = new ReferenceEvaluator(result.space(), job.setup());
        ReferenceEvaluator withoutCache = new ReferenceEvaluator(result.space(),
                WholeDesignLatency.withoutWeightCache(job.setup()));
        RecordedPoints points = result.points().orElseThrow();
        int knobs = points.knobs();
        assertEquals(9, points.index().length, "3 x 3 points");
        boolean cacheMatters = false;
        for (int p = 0; p < points.index().length; p++) {
            int[] choices = Arrays.copyOfRange(points.choices(), p * knobs, (p + 1) * knobs);
            double[] expected = new double[Metric.COUNT];
            reference.evaluate(choices, expected);
            double latency = points.metrics()[p * Metric.COUNT + Metric.LATENCY_SECONDS.ordinal()];
            assertEquals(expected[Metric.LATENCY_SECONDS.ordinal()], latency, 0, "point " + p);
            assertEquals(expected[Metric.MACS.ordinal()],
                    points.metrics()[p * Metric.COUNT + Metric.MACS.ordinal()], 0, "point " + p);
            double[] plain = new double[Metric.COUNT];
            withoutCache.evaluate(choices, plain);
            cacheMatters |= Math.abs(plain[Metric.LATENCY_SECONDS.ordinal()] - latency) > 1e-9 * latency;
        }
        assertTrue(cacheMatters, "the weight cache changes some point's latency");
        assertFalse(result.front().isEmpty());
        for (ParetoPoint p : result.front()) {
            double[] expected = new double[Metric.COUNT];
            reference.evaluate(p.choices(), expected);
            assertEquals(expected[Metric.LATENCY_SECONDS.ordinal()], p.metric(Metric.LATENCY_SECONDS), 0);
        }
    }

    @Test
    void theLeanWalkAndTheRandomStrategyTimeWholeDesignsToo(@TempDir Path dir) throws IOException {
        Job job = job(dir, "{type: random, count: 20, seed: 3}");
        SweepResult result = SweepRunner.run(job, Shard.ALL, false, 1, ProgressListener.NONE);
        ReferenceEvaluator reference = new ReferenceEvaluator(result.space(), job.setup());
        assertFalse(result.front().isEmpty());
        for (ParetoPoint p : result.front()) {
            double[] expected = new double[Metric.COUNT];
            reference.evaluate(p.choices(), expected);
            assertEquals(expected[Metric.LATENCY_SECONDS.ordinal()], p.metric(Metric.LATENCY_SECONDS), 0);
            assertEquals(expected[Metric.PEAK_ACTIVATION_BYTES.ordinal()], p.metric(Metric.PEAK_ACTIVATION_BYTES), 0,
                    "front points are completed with peak memory");
        }
    }

    @Test
    void theExactStrategyIsRefusedBeforeAnyWorkSayingWhichStrategiesRun(@TempDir Path dir) throws IOException {
        Job job = job(dir, "exact");
        BadInputException e = assertThrows(BadInputException.class,
                () -> SweepRunner.run(job, Shard.ALL, false, 1, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("keeps the first 8000000 bytes of weights on chip"), e.getMessage());
        assertTrue(e.getMessage().contains("use strategy exhaustive, random or evolutionary"), e.getMessage());
        assertTrue(e.getMessage().startsWith(job.source()), e.getMessage());
    }

    @Test
    void compilingPerLayerTablesOnTheEdgeTpuIsStillRefused(@TempDir Path dir) throws IOException {
        Job job = job(dir, "exhaustive");
        BadInputException e = assertThrows(BadInputException.class,
                () -> EvaluatorCompiler.compile(job.resolveSpace(), job.setup()));
        assertTrue(e.getMessage().contains("cannot be compiled layer by layer"), e.getMessage());
    }
}
