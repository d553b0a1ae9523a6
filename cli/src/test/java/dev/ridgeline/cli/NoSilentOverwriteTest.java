package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command silently replaces what it did not write: export, prune, report and measure refuse such an --out
 * unless --force, checked before the work; a second writer of a folder stops at once naming the first.
 */
class NoSilentOverwriteTest {
    @TempDir
    Path dir;

    @Test
    void pruneIntoAnotherPlansFolderKeepsNoneOfThatPlansFiles() throws Exception {
        Path out = dir.resolve("plan");
        Run onnx = Run.of("prune", "configs/plans/mobilenet_v2_onnx_orin_nano.yaml", "--out", out.toString());
        assertEquals(0, onnx.exitCode(), onnx.err());
        assertTrue(Files.exists(out.resolve("pruned.onnx")));
        Run yaml = Run.of("prune", "configs/plans/alexnet_raspberry_pi.yaml", "--out", out.toString());
        assertEquals(0, yaml.exitCode(), yaml.err());
        assertFalse(Files.exists(out.resolve("pruned.onnx")), "the other plan's pruned.onnx is gone");
    }

    @Test
    void pruneAndReportRefuseAFolderOfForeignFilesBeforeTheWorkUnlessForced() throws Exception {
        Path out = dir.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "mine");
        Run prune = Run.of("prune", "configs/plans/alexnet_raspberry_pi.yaml", "--out", out.toString())
                .assertCleanBadInput();
        assertTrue(prune.err().contains("thesis.tex") && prune.err().contains("--force"), prune.err());
        assertFalse(prune.out().contains("planning"), "refused before planning: " + prune.out());
        assertEquals(List.of("thesis.tex"), BatchCommandTest.names(out));
        Path sweep = dir.resolve("sweep");
        assertEquals(0, Run.of("sweep", SweepCommandTest.RESNET18, "--out", sweep.toString()).exitCode());
        Run report = Run.of("report", sweep.toString(), "--out", out.toString()).assertCleanBadInput();
        assertTrue(report.err().contains("thesis.tex"), report.err());
        assertEquals(List.of("thesis.tex"), BatchCommandTest.names(out));
        Run forced = Run.of("report", sweep.toString(), "--out", out.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals("mine", Files.readString(out.resolve("thesis.tex")));
        // a report into a sweep's own folder is fine: ridgeline wrote everything there
        Run own = Run.of("report", sweep.toString(), "--out", sweep.toString());
        assertEquals(0, own.exitCode(), own.err());
    }

    @Test
    void exportNeverWritesOverItsJobsModelAndAnExistingFileOnlyWithForce() throws Exception {
        Path model = dir.resolve("net.yaml");
        Files.copy(Path.of("configs/zoo/alexnet.yaml"), model);
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, "model: net.yaml\nhardware: t4\nprecision: fp16\nspace:\n"
                + "  resolution: {choices: [192, 224]}\n");
        byte[] before = Files.readAllBytes(model);
        Run over = Run.of("export", job.toString(), "--choices", "resolution=192", "--out", model.toString(),
                "--force").assertCleanBadInput();
        assertTrue(over.err().contains("a file this command reads"), over.err());
        assertArrayEquals(before, Files.readAllBytes(model));
        Path design = dir.resolve("design.yaml");
        Files.writeString(design, "notes");
        Run exists = Run.of("export", job.toString(), "--choices", "resolution=192", "--out", design.toString())
                .assertCleanBadInput();
        assertTrue(exists.err().contains("--force"), exists.err());
        assertEquals("notes", Files.readString(design));
        Run forced = Run.of("export", job.toString(), "--choices", "resolution=192", "--out", design.toString(),
                "--force");
        assertEquals(0, forced.exitCode(), forced.err());
    }

    @Test
    void aSecondWriterOfAFolderStopsAtOnceNamingTheFirst() throws Exception {
        Path batch = dir.resolve("batch.yaml");
        Files.writeString(batch, BatchCommandTest.BASE + "matrix: {precision: [fp16, int8, fp32]}\n");
        Path out = dir.resolve("out");
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "batch", batch.toString(), "--out",
                out.toString(), "--threads", "1").redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile()).start();
        Path staging = out.resolveSibling(".out.ridgeline-new");
        while (first.isAlive() && !Files.exists(staging)) {
            Thread.sleep(5); // the first run holds the lock once its staging folder is there
        }
        assertTrue(first.isAlive(), "the first batch ended too soon: " + Files.readString(dir.resolve("first.log")));
        Run second = Run.of("sweep", SweepCommandTest.RESNET18, "--out", out.toString(), "--force")
                .assertCleanBadInput();
        assertTrue(second.err().contains("being written by another ridgeline process (pid " + first.pid()),
                second.err());
        assertTrue(first.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), Files.readString(dir.resolve("first.log")));
        assertTrue(Files.exists(out.resolve("index.json")), "the first run's result is whole");
        assertFalse(Files.exists(out.resolve("summary.json")), "the second wrote nothing");
    }
}
