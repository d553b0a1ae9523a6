package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --out folder of a sweep is checked before the work, and another job's results are never mixed in. */
class SweepFolderTest {
    static final String JOB = """
            model: resnet18
            hardware: t4
            precision: fp16
            space:
              width: {stages: ["layer*"], multipliers: [0.5, 1.0]}
            """;

    @TempDir
    Path dir;

    private Path job(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aFolderHoldingAnotherJobsResultsIsRefusedUnlessForced() throws Exception {
        Path out = dir.resolve("out");
        Path first = job("first.yaml", JOB);
        Path second = job("second.yaml", JOB + "batch: 2\n");
        assertEquals(0, Run.of("sweep", first.toString(), "--out", out.toString(), "--all-points").exitCode());
        String firstSummary = Files.readString(out.resolve("summary.json"));

        Run refused = Run.of("sweep", second.toString(), "--out", out.toString()).assertCleanBadInput();
        assertTrue(refused.err().contains("--out " + out + " holds the results of another job (jobHash "),
                refused.err());
        assertTrue(refused.err().contains("give another folder, or --force to replace them"), refused.err());
        assertEquals(firstSummary, Files.readString(out.resolve("summary.json")), "untouched");
        assertTrue(Files.exists(out.resolve("points.csv")), "nothing thinned");

        Run forced = Run.of("sweep", second.toString(), "--out", out.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"batch\": 2"));
    }

    @Test
    void theSameJobMayWriteItsFolderAgain() throws Exception {
        Path out = dir.resolve("out");
        Path file = job("job.yaml", JOB);
        assertEquals(0, Run.of("sweep", file.toString(), "--out", out.toString()).exitCode());
        Run again = Run.of("sweep", file.toString(), "--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
    }

    @Test
    void aSummaryRidgelineDidNotWriteIsNotOverwritten() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("summary.json"), "my notes\n");
        Run run = Run.of("sweep", job("job.yaml", JOB).toString(), "--out", out.toString()).assertCleanBadInput();
        assertTrue(run.err().contains("holds the results of something else"), run.err());
        assertEquals("my notes\n", Files.readString(out.resolve("summary.json")));
    }

    @Test
    void anUnwritableTargetIsFoundBeforeTheSweepStarts() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("pareto.csv"));
        Run run = Run.of("sweep", job("job.yaml", JOB).toString(), "--out", out.toString()).assertCleanBadInput();
        assertTrue(run.err().contains("pareto.csv: it is a directory"), run.err());
    }
}
