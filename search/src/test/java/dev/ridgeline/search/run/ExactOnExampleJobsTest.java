package dev.ridgeline.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.exact.ExactLimitException;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.job.StrategySpec;
import dev.ridgeline.search.strategy.ProgressListener;
import dev.ridgeline.search.strategy.Shard;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact strategy on the example jobs: the exhaustive sweep's front, point for point. */
class ExactOnExampleJobsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"configs/jobs/mobilenet_v2_orin_nano.yaml", "configs/jobs/resnet18_t4.yaml",
        "configs/jobs/vgg16_jetson_nano.yaml"})
    void exactFrontEqualsTheExhaustiveFront(String file) {
        Job job = JobReader.read(Path.of(file));
        SweepResult exhaustive = SweepRunner.run(job.withStrategy(new StrategySpec.Exhaustive(1_000_000_000L)),
                Shard.ALL, false, 2, ProgressListener.NONE);
        SweepResult exact = SweepRunner.run(job.withStrategy(new StrategySpec.Exact(0, 0)), Shard.ALL, false, 2,
                ProgressListener.NONE);
        assertFalse(exhaustive.front().isEmpty(), file);
        assertEquals(exhaustive.front(), exact.front(), file);
        assertTrue(exact.statistics().get("guarantee").toString().startsWith("exact"));
        assertTrue(((Number) exact.statistics().get("candidatesEvaluated")).intValue() >= exact.front().size());
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
    void aFrontOverItsSizeLimitStopsWithTheMessageOfWhatToChange() {
        Job job = JobReader.read(Path.of("configs/bench/mobilenet_v2_per_layer_exact.yaml"))
                .withStrategy(new StrategySpec.Exact(0, 200));
        long start = System.nanoTime();
        ExactLimitException e = assertThrows(ExactLimitException.class,
                () -> SweepRunner.run(job, Shard.ALL, false, 1, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
        assertTrue(e.getMessage().contains("200"), e.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 60);
    }
}
