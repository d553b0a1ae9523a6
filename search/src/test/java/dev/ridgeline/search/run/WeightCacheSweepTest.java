package dev.ridgeline.search.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.strategy.ProgressListener;
import dev.ridgeline.search.strategy.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime that keeps the first weights on chip makes a layer's time depend on every layer before it, which
 * per-layer tables cannot hold: a sweep on it is refused, saying what to do instead.
 */
class WeightCacheSweepTest {
    @Test
    void aSweepOnTheEdgeTpuIsRefusedWithWhatToDoInstead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("coral.yaml");
        Files.writeString(file, """
                model: mobilenet_v2
                hardware: coral-edge-tpu
                precision: int8
                space:
                  width: {stages: [6, 7], multipliers: [0.5, 1.0], divisor: 8}
                objectives: [{metric: latencySeconds, goal: min}, {metric: macs, goal: max}]
                strategy: exhaustive
                """);
        Job job = JobReader.read(file);
        BadInputException e = assertThrows(BadInputException.class,
                () -> SweepRunner.run(job, Shard.ALL, false, 1, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("keeps the first 8000000 bytes of weights on chip"), e.getMessage());
        assertTrue(e.getMessage().contains("ridgeline analyze --hardware coral-edge-tpu"), e.getMessage());
    }
}
