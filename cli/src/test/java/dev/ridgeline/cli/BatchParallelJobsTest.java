package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards docs/batch-format.md: "`--jobs K` runs K jobs at once, each with `--threads / K` threads." The batch
 * runs in process while the test watches the live threads: the batch's job threads ({@code batch-job}) and each
 * sweep's worker pool ({@code ridgeline-search-POOL-WORKER}, one pool per sweep).
 */
class BatchParallelJobsTest {
    private static final Pattern WORKER = Pattern.compile("ridgeline-search-(\\d+)-(\\d+)");

    /** The jobs' space: about a million points each, so that every sweep's pool lives long enough to be seen. */
    private static final String BATCH = """
            base:
              model: resnet18
              hardware: t4
              precision: fp16
              space:
                width: {stages: ["conv1", "layer*"], multipliers: [0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0]}
                kernel: {stages: ["layer*"], choices: [3, 5]}
                separable: {stages: [layer3, layer4]}
              objectives: [{metric: latencySeconds, goal: min}, {metric: macs, goal: max}]
            matrix:
              precision: [fp16, int8]
              batch: [1, 2]
            """;

    @Test
    void twoJobsAtOnceEachWithHalfTheThreads(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("batch.yaml");
        Files.writeString(batch, BATCH);
        Watch watch = run(batch, dir.resolve("out"), "--jobs", "2", "--threads", "4");
        assertTrue(watch.maxJobThreads <= 2, "at most 2 jobs at once: " + watch.maxJobThreads);
        assertTrue(watch.maxLivePools <= 2, "at most 2 sweeps at once: " + watch.maxLivePools);
        assertTrue(watch.workersPerPool.size() >= 2, "pools seen: " + watch.workersPerPool);
        for (Set<Integer> workers : watch.workersPerPool.values()) {
            assertTrue(workers.stream().allMatch(w -> w <= 2), "4 / 2 = 2 threads a sweep: " + watch.workersPerPool);
        }
        assertTrue(watch.workersPerPool.values().stream().anyMatch(w -> w.contains(2)),
                "a sweep used its 2 threads: " + watch.workersPerPool);
    }

    @Test
    void oneJobAtATimeGetsAllTheThreads(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("batch.yaml");
        Files.writeString(batch, BATCH);
        Watch watch = run(batch, dir.resolve("out"), "--jobs", "1", "--threads", "3");
        assertTrue(watch.maxLivePools <= 1, "one sweep at a time: " + watch.maxLivePools);
        assertTrue(watch.workersPerPool.values().stream().anyMatch(w -> w.contains(3)),
                "a sweep used all 3 threads: " + watch.workersPerPool);
        for (Set<Integer> workers : watch.workersPerPool.values()) {
            assertTrue(workers.stream().allMatch(w -> w <= 3), watch.workersPerPool.toString());
        }
    }

    /** What the watcher saw of the live threads while the batch ran. */
    private static final class Watch {
        int maxJobThreads;
        int maxLivePools;
        final Map<Integer, Set<Integer>> workersPerPool = new TreeMap<>();
    }

    private static Watch run(Path batch, Path out, String... options) throws Exception {
        String[] args = new String[4 + options.length];
        args[0] = "batch";
        args[1] = batch.toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        Set<Integer> poolsBefore = livePools().keySet();
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> Run.of(args));
        Watch watch = new Watch();
        while (!running.isDone()) {
            int jobThreads = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                jobThreads += t.getName().equals("batch-job") && t.isAlive() ? 1 : 0;
            }
            watch.maxJobThreads = Math.max(watch.maxJobThreads, jobThreads);
            Map<Integer, Set<Integer>> pools = livePools();
            pools.keySet().removeAll(poolsBefore);
            watch.maxLivePools = Math.max(watch.maxLivePools, pools.size());
            pools.forEach((pool, workers) -> watch.workersPerPool.computeIfAbsent(pool, p -> new TreeSet<>())
                    .addAll(workers));
            Thread.sleep(1);
        }
        Run run = running.get(10, TimeUnit.SECONDS);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("4 done, 0 failed, 0 skipped"), run.out());
        return watch;
    }

    /** The search worker threads alive now, by pool. */
    private static Map<Integer, Set<Integer>> livePools() {
        Map<Integer, Set<Integer>> pools = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            Matcher m = WORKER.matcher(t.getName());
            if (m.matches() && t.isAlive()) {
                pools.computeIfAbsent(Integer.parseInt(m.group(1)), p -> new TreeSet<>())
                        .add(Integer.parseInt(m.group(2)));
            }
        }
        return pools;
    }
}
