package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch killed with SIGKILL midway, then resumed, ends with the same files as a run never interrupted,
 * and while it runs no job folder is ever visible under its final name before it is complete (the jobs are
 * staged beside the folder, which keeps its previous result until the batch commits).
 */
class BatchResumeTest {
    @Test
    void killedMidwayThenResumedGivesTheBytesOfAnUninterruptedRun(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("batch.yaml");
        Files.writeString(batch, """
                base: %s
                matrix:
                  precision: [fp16, int8]
                  batch: [1, 2, 4, 8]
                """.formatted(Path.of("configs/jobs/resnet18_t4.yaml").toAbsolutePath()));
        Path killed = dir.resolve("killed");
        Process process = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "batch", batch.toString(), "--out", killed.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (process.isAlive() && System.nanoTime() < deadline) {
            List<String> complete = checkNoPartialFolder(staging(killed));
            if (complete.size() >= 2) {
                seen = complete;
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(process.isAlive(), "the batch ended before it could be killed midway: "
                + Files.readString(dir.resolve("killed.log")));
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        List<String> after = checkNoPartialFolder(staging(killed));
        assertTrue(after.size() >= seen.size() && after.size() < 8, "killed midway: " + after);
        assertTrue(!Files.exists(killed), "the folder keeps its previous result (none) until the batch ends");

        Run resumed = Run.of("batch", batch.toString(), "--out", killed.toString(), "--resume", "--threads", "1");
        assertEquals(0, resumed.exitCode(), resumed.err());
        long kept = resumed.err().lines().filter(l -> l.endsWith("done earlier (kept)")).count();
        assertEquals(after.size(), kept, resumed.err());

        Path whole = dir.resolve("whole");
        assertEquals(0, Run.of("batch", batch.toString(), "--out", whole.toString(), "--threads", "1").exitCode());
        assertEquals(Normalized.tree(whole), Normalized.tree(killed));
        assertEquals(Files.readString(whole.resolve(after.get(0)).resolve("pareto.csv")),
                Files.readString(killed.resolve(after.get(0)).resolve("pareto.csv")));
    }

    /** The job folders under their final names, each checked to be complete. */
    private static List<String> checkNoPartialFolder(Path out) throws IOException {
        List<String> complete = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return complete;
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(out)) {
            folders = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
        }
        for (Path f : folders) {
            List<String> names = BatchCommandTest.names(f);
            assertEquals(List.of("job.yaml", "manifest.json", "pareto.csv", "summary.json"), names,
                    "a partial folder: " + f);
            assertTrue(Files.readString(f.resolve("summary.json")).endsWith("}\n"), "a partial summary in " + f);
            complete.add(f.getFileName().toString());
        }
        return complete;
    }

    /** Where a batch into {@code out} stages its jobs until it commits (see docs/results-on-disk.md). */
    static Path staging(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".ridgeline-new");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
