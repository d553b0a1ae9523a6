package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a long run, as a person at a terminal gives it: a child JVM runs a sweep or batch that would take an
 * hour, gets SIGINT once the run is under way (its progress line or its "running" line has appeared), exits with
 * 130, says what to run to carry on, and leaves the --out folder's earlier result byte for byte as it was. The
 * batch's resume command is then run as printed and keeps the jobs the interrupted run finished.
 */
class CtrlCTest {
    /** A random sweep of 10^9 MobileNetV2 designs: about an hour on one core, so it is always interrupted. */
    private static final String LONG_JOB = """
            model: mobilenet_v2
            hardware: jetson-orin-nano-8gb
            precision: fp16
            space:
              width:  {stages: "*", multipliers: [0.5, 0.75, 1.0], divisor: 8}
              kernel: {layers: "*.depthwise", choices: [3, 5, 7]}
            objectives: [{metric: latencySeconds, goal: min}, {metric: macs, goal: max}]
            strategy: {type: random, count: 1000000000, seed: 1}
            """;

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void ctrlCOnALongSweepExits130AndPrintsTheCommandThatRunsItAgain() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, Run.of("sweep", SweepCommandTest.RESNET18, "--out", out.toString(), "--threads", "1")
                .exitCode());
        Map<String, String> before = exactTree(out);
        Path job = Files.writeString(dir.resolve("long.yaml"), LONG_JOB);
        Path log = dir.resolve("sweep.log");

        Process p = child(log, "sweep", job.toString(), "--out", out.toString(), "--force", "--threads", "1");
        // a progress line is printed from inside the sweep, so the interrupt hook is in place by then
        awaitLine(p, log, line -> line.startsWith("sweep: ") && line.contains(" of 1,000,000,000 points"));
        String text = interrupt(p, log);

        assertEquals(130, p.exitValue(), text);
        assertTrue(text.contains("ridgeline: interrupted; " + out + " keeps its previous result"), text);
        assertTrue(text.contains("ridgeline: interrupted; nothing was written to " + out + " (a sweep writes its "
                + "files at the end); run it again with:\n  ridgeline sweep " + job + " --out " + out + " --force\n"),
                text);
        assertFalse(text.contains("--shard 1/4"), "a random sweep cannot be split by --shard: " + text);
        assertFalse(text.contains("Exception"), text);
        assertEquals(before, exactTree(out), "the earlier result, byte for byte");
    }

    @Test
    void ctrlCOnABatchExits130AndItsResumeCommandKeepsTheFinishedJobs() throws Exception {
        Path batch = Files.writeString(dir.resolve("batch.yaml"), BatchCommandTest.BASE + """
                matrix: {precision: [fp16, int8]}
                jobs:
                  - {name: long, job: long.yaml}
                """);
        Files.writeString(dir.resolve("long.yaml"), LONG_JOB);
        Path out = dir.resolve("out");
        assertEquals(0, Run.of("batch", batch.toString(), "--out", out.toString(), "--shard", "1/3", "--threads", "1")
                .exitCode(), "the earlier result: the first job alone");
        Map<String, String> before = exactTree(out);

        Path log = dir.resolve("batch.log");
        Process p = child(log, "batch", batch.toString(), "--out", out.toString(), "--threads", "1");
        awaitLine(p, log, line -> line.startsWith("[3/3] long-") && line.endsWith(": running"));
        String text = interrupt(p, log);

        assertEquals(130, p.exitValue(), text);
        String resume = "ridgeline batch " + batch + " --out " + out + " --resume";
        assertTrue(text.contains("ridgeline: interrupted; 2 of 3 jobs finished and are kept; resume with:\n  "
                + resume + "\n"), text);
        assertTrue(text.contains("ridgeline: interrupted; " + out + " keeps its previous result"), text);
        assertEquals(before, exactTree(out), "the earlier result, byte for byte");

        // the printed command, run: both finished jobs are kept (the second only ever existed in the staging)
        Path again = dir.resolve("resume.log");
        List<String> args = new ArrayList<>(List.of(resume.substring("ridgeline ".length()).split(" ")));
        args.addAll(List.of("--threads", "1"));
        Process q = child(again, args.toArray(String[]::new));
        awaitLine(q, again, line -> line.startsWith("[3/3] long-") && line.endsWith(": running"));
        String resumed = interrupt(q, again);
        assertEquals(130, q.exitValue(), resumed);
        assertEquals(2, resumed.lines().filter(l -> l.endsWith(": done earlier (kept)")).count(), resumed);
        assertEquals(before, exactTree(out), "still the earlier result");
    }

    /** Sends SIGINT as Ctrl-C does and waits for the child to end; returns what it printed. */
    private static String interrupt(Process p, Path log) throws Exception {
        assertTrue(p.isAlive(), "ended before it could be interrupted:\n" + Files.readString(log));
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -INT");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running after SIGINT:\n" + Files.readString(log));
        return Files.readString(log);
    }

    /** Waits until the child prints a line matching {@code line}; fails if it ends first. */
    private static void awaitLine(Process p, Path log, Predicate<String> line) throws Exception {
        while (Files.readString(log).lines().noneMatch(line)) {
            assertTrue(p.isAlive(), "ended before the awaited line:\n" + Files.readString(log));
            Thread.sleep(20); // polling the log for the state, not a timed guess
        }
    }

    /**
     * A child JVM running the command line, stdout and stderr into {@code log}. {@code env --default-signal=INT}
     * undoes an inherited "ignore SIGINT" (a shell gives it to background jobs), with which the JVM would never
     * see the signal.
     */
    private Process child(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        return p;
    }

    /** Every file under {@code root} and the SHA-256 of its bytes. */
    private static Map<String, String> exactTree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(f).toString(), sha256(Files.readAllBytes(f)));
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
