package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection suite's full disk: a small tmpfs (mounted as root; the test skips, saying why, where it
 * cannot mount) holds a complete earlier result; the disk is then filled up to a random few bytes and each writing
 * command run again over the folder. Each exits 1 with one line naming the disk and the file, and leaves the earlier
 * result byte for byte.
 */
class FullDiskTest {
    private static final Random RANDOM = new Random(Long.getLong("ridgeline.diskSeed", 18L));
    @TempDir
    Path dir;
    Path disk;

    @BeforeEach
    void mount() throws Exception {
        disk = dir.resolve("disk");
        Files.createDirectories(disk);
        boolean root = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(root, "mounting a small tmpfs needs root");
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor() == 0, "cannot mount a tmpfs here: " + out);
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
        }
    }

    /** Fills the disk, then frees a random few bytes (less than a page: nothing of a result fits). */
    private void fill() throws IOException {
        Path filler = disk.resolve("filler");
        byte[] chunk = new byte[1 << 16];
        try (OutputStream o = Files.newOutputStream(filler)) {
            while (true) {
                o.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full
        }
        try (FileChannel c = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            c.truncate(Math.max(0, c.size() - RANDOM.nextInt(4096)));
        }
    }

    private static Map<String, String> bytes(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    out.put(folder.relativize(p).toString(), Arrays.toString(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private void check(Path out, List<String> before, List<String> again) throws Exception {
        Run first = Run.of(before.toArray(String[]::new));
        assertEquals(0, first.exitCode(), first.err());
        Map<String, String> earlier = bytes(out);
        fill();
        Run full = Run.of(again.toArray(String[]::new));
        assertEquals(1, full.exitCode(), full.err());
        assertTrue(full.err().contains(disk.toString()) && full.err().contains("is full")
                && full.err().contains(out + " keeps its previous result") && !full.err().contains("ridgeline-new"),
                full.err());
        assertEquals(1, full.err().lines().count(), "one line: " + full.err());
        assertEquals(earlier, bytes(out), "the earlier result, byte for byte");
    }

    @Test
    void sweep() throws Exception {
        Path out = disk.resolve("out");
        check(out, List.of("sweep", SweepCommandTest.RESNET18, "--out", out.toString(), "--threads", "1"),
                List.of("sweep", SweepCommandTest.RESNET18, "--out", out.toString(), "--all-points", "--force",
                        "--threads", "1"));
    }

    @Test
    void prune() throws Exception {
        Path out = disk.resolve("out");
        check(out, List.of("prune", "configs/plans/resnet18_t4.yaml", "--out", out.toString()),
                List.of("prune", "configs/plans/resnet18_t4.yaml", "--out", out.toString()));
    }

    @Test
    void batchAndMerge() throws Exception {
        Path batch = dir.resolve("batch.yaml");
        Files.writeString(batch, BatchCommandTest.BASE + "matrix: {precision: [fp16, int8]}\n");
        Path out = disk.resolve("out");
        Path merged = disk.resolve("merged");
        Run first = Run.of("merge", runBatch(batch, out).toString(), "--out", merged.toString());
        assertEquals(0, first.exitCode(), first.err());
        Map<String, String> earlierMerge = bytes(merged);
        check(out, List.of("batch", batch.toString(), "--out", out.toString(), "--threads", "1"),
                List.of("batch", batch.toString(), "--out", out.toString(), "--threads", "1"));
        Run again = Run.of("merge", out.toString(), "--out", merged.toString());
        assertEquals(1, again.exitCode(), again.err());
        assertTrue(again.err().contains(disk.toString()), again.err());
        assertEquals(earlierMerge, bytes(merged));
    }

    private Path runBatch(Path batch, Path out) {
        Run r = Run.of("batch", batch.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    @Test
    void reportAndExport() throws Exception {
        Path sweep = dir.resolve("sweep");
        assertEquals(0, Run.of("sweep", SweepCommandTest.RESNET18, "--out", sweep.toString(), "--threads", "1")
                .exitCode());
        Path out = disk.resolve("report");
        Path design = disk.resolve("design.yaml");
        Run e = Run.of("export", SweepCommandTest.RESNET18, "--row", "1", "--from", sweep.toString(), "--out",
                design.toString());
        assertEquals(0, e.exitCode(), e.err());
        byte[] earlierDesign = Files.readAllBytes(design);
        check(out, List.of("report", sweep.toString(), "--out", out.toString()),
                List.of("report", sweep.toString(), "--out", out.toString()));
        Run again = Run.of("export", SweepCommandTest.RESNET18, "--row", "2", "--from", sweep.toString(), "--out",
                design.toString(), "--force");
        assertEquals(1, again.exitCode(), again.err());
        assertTrue(again.err().contains(disk.toString()), again.err());
        assertTrue(Arrays.equals(earlierDesign, Files.readAllBytes(design)));
        List<String> left = new ArrayList<>();
        try (Stream<Path> s = Files.list(disk)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.endsWith("-new"))
                    .forEach(left::add);
        }
        assertEquals(List.of(), left);
    }

    /** A single-file --out (or one of a command's single files): exit 1, one line naming the disk, the file kept. */
    private void checkFiles(List<Path> files, List<String> again) throws Exception {
        List<byte[]> earlier = new ArrayList<>();
        for (Path f : files) {
            earlier.add(Files.readAllBytes(f));
        }
        fill();
        Run full = Run.of(again.toArray(String[]::new));
        assertEquals(1, full.exitCode(), full.err());
        assertTrue(full.err().contains(disk.toString()) && full.err().contains("is full"), full.err());
        assertEquals(1, full.err().lines().filter(l -> l.startsWith("ridgeline:")).count(), "one line: " + full.err());
        assertTrue(!full.err().contains("Exception") && !full.err().contains("\tat "), full.err());
        for (int i = 0; i < files.size(); i++) {
            assertTrue(Arrays.equals(earlier.get(i), Files.readAllBytes(files.get(i))), files.get(i) + " byte for byte");
        }
        List<String> left = new ArrayList<>();
        try (Stream<Path> s = Files.list(disk)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.endsWith("-new"))
                    .forEach(left::add);
        }
        assertEquals(List.of(), left, "no temporary file left");
    }

    @Test
    void analyzeOut() throws Exception {
        Path out = disk.resolve("resnet18.json");
        Run first = Run.of("analyze", "resnet18", "--format", "json", "--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        checkFiles(List.of(out), List.of("analyze", "resnet50", "--format", "csv", "--out", out.toString()));
    }

    @Test
    void analyzeReport() throws Exception {
        Path out = disk.resolve("review");
        check(out, List.of("analyze", "resnet18", "--hardware", "t4", "--report", out.toString()),
                List.of("analyze", "mobilenet_v2", "--hardware", "t4", "--report", out.toString()));
    }

    @Test
    void measureOut() throws Exception {
        Path model = dir.resolve("tiny.yaml");
        Files.writeString(model, "name: tiny\ninput: [3, 16, 16]\nlayers:\n  - conv: {name: conv1, out: 8, kernel: 3,"
                + " padding: 1}\n  - relu: {name: relu1}\n");
        Path out = disk.resolve("run.json");
        List<String> measure = List.of("measure", model.toString(), "--runs", "3", "--warmup", "0", "--no-profile",
                "--format", "json", "--out", out.toString(), "--force");
        Run first = Run.of(measure.toArray(String[]::new));
        assertEquals(0, first.exitCode(), first.err());
        checkFiles(List.of(out), measure);
    }

    /** calibrate's device file and residuals, then validate's folder (ONNX Runtime, kept small: 3 runs, 3 designs). */
    @Test
    void calibrateAndValidate() throws Exception {
        String job = "configs/jobs/mobilenet_v2_orin_nano.yaml";
        Path device = dir.resolve("my-cpu.yaml");
        Run calibrate = Run.of("hardware", "calibrate", "--out", device.toString(), "--runs", "3", "--jobs", job);
        assertEquals(0, calibrate.exitCode(), calibrate.err());
        Path onDisk = disk.resolve("my-cpu.yaml");
        Path residuals = disk.resolve("my-cpu.residuals.csv");
        Files.copy(device, onDisk);
        Files.copy(dir.resolve("my-cpu.residuals.csv"), residuals);
        Path val = disk.resolve("val");
        List<String> validate = List.of("hardware", "validate", device.toString(), "--designs", "3", "--jobs", job,
                "--runs", "3", "--out", val.toString());
        Run first = Run.of(validate.toArray(String[]::new));
        assertEquals(0, first.exitCode(), first.err());
        Map<String, String> earlierValidation = bytes(val);
        assertTrue(earlierValidation.containsKey("manifest.json") && earlierValidation.containsKey("validation.png"),
                earlierValidation.keySet().toString());

        checkFiles(List.of(onDisk, residuals), List.of("hardware", "calibrate", "--out", onDisk.toString(), "--runs",
                "3", "--jobs", job));
        Run again = Run.of(validate.toArray(String[]::new));
        assertEquals(1, again.exitCode(), again.err());
        assertTrue(again.err().contains(disk.toString()) && again.err().contains(val + " keeps its previous result"),
                again.err());
        assertEquals(earlierValidation, bytes(val), "the earlier validation, byte for byte");
    }
}
