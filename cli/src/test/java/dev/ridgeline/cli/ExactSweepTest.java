package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ridgeline sweep} with {@code strategy: exact}: the exhaustive sweep's files, its limits, exit codes. */
class ExactSweepTest {

    private static Path withStrategy(Path dir, String source, String strategy) throws Exception {
        String text = Files.readString(Path.of(source)).replaceAll("(?m)^strategy:.*$", "strategy: " + strategy);
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, text);
        return job;
    }

    @Test
    void writesTheSamePointsAsTheExhaustiveSweepAndItsStatistics(@TempDir Path dir) throws Exception {
        Path exhaustive = dir.resolve("exhaustive");
        Path exact = dir.resolve("exact");
        Run a = Run.of("sweep", SweepCommandTest.RESNET18, "--out", exhaustive.toString());
        assertEquals(0, a.exitCode(), a.err());
        Run b = Run.of("sweep", withStrategy(dir, SweepCommandTest.RESNET18, "exact").toString(), "--out",
                exact.toString());
        assertEquals(0, b.exitCode(), b.err());
        assertEquals(Files.readString(exhaustive.resolve("pareto.csv")), Files.readString(exact.resolve("pareto.csv")));
        JsonNode summary = new ObjectMapper().readTree(exact.resolve("summary.json").toFile());
        JsonNode stats = summary.get("strategyStatistics");
        assertTrue(stats.get("guarantee").asText().startsWith("exact"), stats.toString());
        assertTrue(stats.get("eliminations").asLong() > 0, stats.toString());
        assertTrue(stats.get("largestIntermediateFront").asLong() >= summary.get("frontSize").asLong());
        assertTrue(summary.get("strategy").asText().startsWith("exact:"), summary.toString());
    }

    @Test
    void aFrontOverItsLimitExitsTwoWithWhatToChangeAndWritesNothing(@TempDir Path dir) throws Exception {
        Path job = withStrategy(dir, "configs/bench/mobilenet_v2_per_layer_exact.yaml", "{type: exact, maxFront: 100}");
        Path out = dir.resolve("out");
        Run run = Run.of("sweep", job.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("epsilon") && run.err().contains("100"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void shardsAndBadEpsilonsAreBadInput(@TempDir Path dir) throws Exception {
        Path job = withStrategy(dir, SweepCommandTest.RESNET18, "exact");
        Run shard = Run.of("sweep", job.toString(), "--out", dir.resolve("a").toString(), "--shard", "1/2");
        assertEquals(2, shard.exitCode(), shard.err());
        assertTrue(shard.err().contains("--shard"), shard.err());
        Path bad = withStrategy(dir, SweepCommandTest.RESNET18, "{type: exact, epsilon: 2}");
        Run epsilon = Run.of("sweep", bad.toString(), "--out", dir.resolve("b").toString());
        assertEquals(2, epsilon.exitCode(), epsilon.err());
        assertTrue(epsilon.err().contains("epsilon") && epsilon.err().contains("job.yaml:"), epsilon.err());
    }

    @Test
    void progressNamesTheKnobsEliminatedAndTheFrontSizes() {
        String line = SweepProgress.line(new dev.ridgeline.search.strategy.Progress(3, 10, 1.0,
                "largest front 5, 1 MB"));
        assertTrue(line.startsWith("sweep: 3 of 10 knobs eliminated") && line.endsWith("largest front 5, 1 MB"), line);
    }
}
