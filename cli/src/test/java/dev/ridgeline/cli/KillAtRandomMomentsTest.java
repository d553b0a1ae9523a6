package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.store.folder.Manifest;
import dev.ridgeline.store.folder.Trees;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection suite's kills: each writing command runs as a child JVM over a folder holding an earlier
 * result, and is killed with SIGKILL at a moment drawn from a seeded RNG between its start and the end of an
 * uninterrupted run. Each time the folder holds the complete old or the complete new result (compared with
 * {@link Normalized}, which ignores only the timing fields docs/results-on-disk.md lists), and after the next run
 * no temporary file or staging folder is left.
 *
 * <p>{@code -Dridgeline.kills=N} sets the kills per command (default 1, to keep {@code mvn verify} short);
 * {@code -Dridgeline.killSeed=S} the seed. The full suite: {@code mvn -B -pl cli -am test
 * -Dtest=KillAtRandomMomentsTest -Dsurefire.failIfNoSpecifiedTests=false -Dridgeline.kills=20}.
 */
class KillAtRandomMomentsTest {
    private static final int KILLS = Integer.getInteger("ridgeline.kills", 1);
    private static final Random RANDOM = new Random(Long.getLong("ridgeline.killSeed", 18L));

    @TempDir
    Path dir;

    /** A command over --out: how to make the earlier result, and the command that replaces it. */
    private record Scenario(List<String> before, List<String> command) {
    }

    private Path jobB() throws IOException {
        Path job = dir.resolve("small.yaml");
        Files.writeString(job, BatchCommandTest.BASE.replace("base:\n", "").replaceAll("(?m)^  ", ""));
        return job;
    }

    @Test
    void sweepForce() throws Exception {
        Path out = dir.resolve("out");
        check(new Scenario(List.of("sweep", jobB().toString(), "--out", out.toString(), "--threads", "1"),
                List.of("sweep", SweepCommandTest.RESNET18, "--out", out.toString(), "--force", "--threads", "1")),
                out);
    }

    @Test
    void sweepAllPoints() throws Exception {
        Path out = dir.resolve("out");
        check(new Scenario(List.of("sweep", SweepCommandTest.RESNET18, "--out", out.toString(), "--threads", "1"),
                List.of("sweep", SweepCommandTest.RESNET18, "--out", out.toString(), "--all-points", "--threads",
                        "1")), out);
    }

    @Test
    void batch() throws Exception {
        Path batch = dir.resolve("batch.yaml");
        Files.writeString(batch, BatchCommandTest.BASE + "matrix: {precision: [fp16, int8, fp32]}\n");
        Path out = dir.resolve("out");
        check(new Scenario(List.of("batch", batch.toString(), "--out", out.toString(), "--shard", "1/2",
                "--threads", "1"), List.of("batch", batch.toString(), "--out", out.toString(), "--threads", "1")),
                out);
    }

    @Test
    void prune() throws Exception {
        Path out = dir.resolve("out");
        check(new Scenario(List.of("prune", "configs/plans/alexnet_raspberry_pi.yaml", "--out", out.toString()),
                List.of("prune", "configs/plans/resnet18_t4.yaml", "--out", out.toString())), out);
    }

    @Test
    void merge() throws Exception {
        List<String> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String s = dir.resolve("s" + i).toString();
            assertEquals(0, Run.of("sweep", SweepCommandTest.RESNET18, "--out", s, "--shard", i + "/3", "--threads",
                    "1").exitCode());
            shards.add(s);
        }
        Path out = dir.resolve("out");
        check(new Scenario(List.of("merge", shards.get(0), shards.get(1), "--out", out.toString()),
                List.of("merge", shards.get(0), shards.get(1), shards.get(2), "--out", out.toString())), out);
    }

    @Test
    void report() throws Exception {
        String a = dir.resolve("a").toString();
        String b = dir.resolve("b").toString();
        assertEquals(0, Run.of("sweep", jobB().toString(), "--out", a, "--threads", "1").exitCode());
        assertEquals(0, Run.of("sweep", SweepCommandTest.RESNET18, "--out", b, "--threads", "1").exitCode());
        Path out = dir.resolve("out");
        check(new Scenario(List.of("report", a, "--out", out.toString()),
                List.of("report", b, "--out", out.toString())), out);
    }

    private void check(Scenario s, Path out) throws Exception {
        Path old = dir.resolve("old");
        assertEquals(0, child(s.before()).waitFor(), "the earlier result");
        Trees.copy(out, old);
        Map<String, String> before = Normalized.tree(old);

        long start = System.nanoTime();
        Process full = child(s.command());
        assertEquals(0, full.waitFor(), "an uninterrupted run");
        long nanos = System.nanoTime() - start;
        Map<String, String> after = Normalized.tree(out);
        assertTrue(!before.equals(after), "the scenario changes the folder");

        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        for (int k = 0; k < KILLS; k++) {
            Trees.delete(out);
            Trees.copy(old, out);
            long delay = (long) (RANDOM.nextDouble() * nanos);
            Process p = child(s.command());
            boolean killed = !p.waitFor(delay, TimeUnit.NANOSECONDS);
            if (killed) {
                p.destroyForcibly(); // SIGKILL
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            }
            Path aside = out.resolveSibling("." + out.getFileName() + ".ridgeline-old");
            if (Files.isDirectory(out)) {
                Map<String, String> now = Normalized.tree(out);
                assertTrue(now.equals(before) || now.equals(after), "killed after " + delay / 1e6
                        + " ms: neither the old nor the new result: " + now.keySet());
                assertTrue(Manifest.problem(out).isEmpty(), Manifest.problem(out).toString());
                outcomes.merge(!killed ? "finished before its kill" : now.equals(before) ? "old result"
                        : "new result", 1, Integer::sum);
            } else {
                // killed between the swap's two renames: the old result waits aside for the next run
                assertEquals(before, Normalized.tree(aside), "killed mid-swap after " + delay / 1e6 + " ms");
                outcomes.merge("old result aside (mid-swap)", 1, Integer::sum);
            }
            Run next = Run.of(s.command().toArray(String[]::new));
            assertEquals(0, next.exitCode(), next.err());
            assertEquals(after, Normalized.tree(out), "the next run's result");
            assertEquals(List.of(), leftovers(out), "after the next run");
        }
        System.out.printf("%s: %d kills, each left the old or the new result and no leftover after the next run: %s;"
                + " an uninterrupted run took %.1f s%n", String.join(" ", s.command()).replace(dir + "/", ""), KILLS, outcomes,
                nanos / 1e9);
    }

    /** Staging, aside and temp files of a folder, beside it or inside it. */
    private static List<String> leftovers(Path out) throws IOException {
        List<String> left = new ArrayList<>();
        for (String suffix : List.of(".ridgeline-new", ".ridgeline-old")) {
            Path p = out.resolveSibling("." + out.getFileName() + suffix);
            if (Files.exists(p)) {
                left.add(p.toString());
            }
        }
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().equals(".staging")).forEach(p -> left.add(p.toString()));
        }
        return left;
    }

    private Process child(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        File log = dir.resolve("child.log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }
}
