package dev.ridgeline.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.ReferenceEvaluator;
import dev.ridgeline.search.exact.ExactLimitException;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.job.StrategySpec;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.strategy.ProgressListener;
import dev.ridgeline.search.strategy.Shard;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact strategy on the example jobs: the exhaustive sweep's front, point for point. */
class ExactOnExampleJobsTest {

    /**
     * Under both fusion modes (the presets default to engine, where a fused group's head term spans its
     * members' knobs): the same front as the exhaustive walk, point for point, and every front point's
     * metrics those of the reference path (counts to the unit, latency to 1e-12 relative, the snapping grid).
     */
    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({"configs/jobs/mobilenet_v2_orin_nano.yaml, ENGINE", "configs/jobs/mobilenet_v2_orin_nano.yaml, NONE",
        "configs/jobs/resnet18_t4.yaml, ENGINE", "configs/jobs/resnet18_t4.yaml, NONE",
        "configs/jobs/vgg16_jetson_nano.yaml, ENGINE"})
    void exactFrontEqualsTheExhaustiveFrontAndTheReferencePath(String file, Fusion fusion) {
        Job job = JobReader.read(Path.of(file), Optional.of(fusion));
        SweepResult exhaustive = SweepRunner.run(job.withStrategy(new StrategySpec.Exhaustive(1_000_000_000L)),
                Shard.ALL, false, 2, ProgressListener.NONE);
        SweepResult exact = SweepRunner.run(job.withStrategy(new StrategySpec.Exact(0, 0)), Shard.ALL, false, 2,
                ProgressListener.NONE);
        assertFalse(exhaustive.front().isEmpty(), file);
        assertEquals(exhaustive.front(), exact.front(), file);
        assertTrue(exact.statistics().get("guarantee").toString().startsWith("exact"));
        assertTrue(((Number) exact.statistics().get("candidatesEvaluated")).intValue() >= exact.front().size());
        ReferenceEvaluator reference = new ReferenceEvaluator(exact.space(), job.setup());
        double[] expected = new double[Metric.COUNT];
        for (ParetoPoint p : exact.front()) {
            reference.evaluate(p.choices(), expected);
            for (Metric m : Metric.values()) {
                double tolerance = m == Metric.LATENCY_SECONDS ? Math.abs(expected[m.ordinal()]) * 1e-12 : 0;
                assertEquals(expected[m.ordinal()], p.metrics()[m.ordinal()], tolerance, file + " " + m);
            }
        }
    }

    @Test
    void shardAndAllPointsAreRefusedWithAMessage() {
        Job job = JobReader.read(Path.of("configs/jobs/resnet18_t4.yaml")).withStrategy(new StrategySpec.Exact(0, 0));
        BadInputException shard = assertThrows(BadInputException.class,
                () -> SweepRunner.run(job, Shard.parse("1/2"), false, 1, ProgressListener.NONE));
        assertTrue(shard.getMessage().contains("--shard"), shard.getMessage());
        BadInputException all = assertThrows(BadInputException.class,
                () -> SweepRunner.run(job, Shard.ALL, true, 1, ProgressListener.NONE));
        assertTrue(all.getMessage().contains("--all-points"), all.getMessage());
    }

    @Test
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // against a hang only, not a speed
    void aFrontOverItsSizeLimitStopsWithTheMessageOfWhatToChange() {
        Job job = JobReader.read(Path.of("configs/bench/mobilenet_v2_per_layer_exact.yaml"))
                .withStrategy(new StrategySpec.Exact(0, 200));
        ExactLimitException e = assertThrows(ExactLimitException.class,
                () -> SweepRunner.run(job, Shard.ALL, false, 1, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
        assertTrue(e.getMessage().contains("200"), e.getMessage());
    }
}
