package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards run through the command line and merged: {@code merge} gives exactly what one process would have
 * written, in any order or grouping, and merging a result again with one of its parts changes nothing.
 */
class ShardMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path merge(Path out, Path... parts) {
        String[] args = new String[parts.length + 3];
        args[0] = "merge";
        for (int i = 0; i < parts.length; i++) {
            args[i + 1] = parts[i].toString();
        }
        args[parts.length + 1] = "--out";
        args[parts.length + 2] = out.toString();
        Run run = Run.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    /**
     * Guards docs/batch-format.md: "Merging is associative, commutative and idempotent: merge in any order or
     * grouping, merge a result again with one of its parts, and the result is the same" (shards of one batch).
     */
    @Test
    void batchShardsMergeInAnyOrderOrGroupingAndAgainIntoTheWholeBatch(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("batch.yaml");
        Files.writeString(batch, BatchCommandTest.BASE + "matrix: {precision: [fp16, int8, fp32]}\n");
        Path whole = dir.resolve("whole");
        assertEquals(0, Run.of("batch", batch.toString(), "--out", whole.toString()).exitCode());
        Path[] s = new Path[4];
        for (int i = 1; i <= 3; i++) {
            s[i] = dir.resolve("s" + i);
            Run r = Run.of("batch", batch.toString(), "--out", s[i].toString(), "--shard", i + "/3");
            assertEquals(0, r.exitCode(), r.err());
        }
        var expected = Normalized.tree(whole);
        assertEquals(expected, Normalized.tree(merge(dir.resolve("m312"), s[3], s[1], s[2])), "another order");
        Path m12 = merge(dir.resolve("m12"), s[1], s[2]);
        assertEquals(expected, Normalized.tree(merge(dir.resolve("m12-3"), m12, s[3])), "(1 2) 3");
        Path m32 = merge(dir.resolve("m32"), s[3], s[2]);
        assertEquals(expected, Normalized.tree(merge(dir.resolve("m1-32"), s[1], m32)), "1 (3 2)");
        assertEquals(expected, Normalized.tree(merge(dir.resolve("overlap"), m12, m32)), "(1 2) (3 2): overlapping");
        Path all = dir.resolve("m12-3");
        assertEquals(expected, Normalized.tree(merge(dir.resolve("again"), all, s[2])), "a result with one of its parts");
        assertEquals(expected, Normalized.tree(merge(dir.resolve("twice"), all, all)), "a result with itself");
    }

    /**
     * Guards README.md ("`--shard i/N` ... splits ... `sweep` over points; `merge` joins the shards into exactly
     * what one process would have written") and docs/batch-format.md ("a merged front equals the front of one
     * unsplit run, row for row"), in process rather than only on Slurm (.ci/slurm-test.sh).
     */
    @Test
    void sweepShardsMergedEqualTheUnsplitSweepInAnyGrouping(@TempDir Path dir) throws Exception {
        String job = "configs/jobs/resnet18_t4.yaml";
        Path whole = dir.resolve("whole");
        assertEquals(0, Run.of("sweep", job, "--out", whole.toString()).exitCode());
        Path[] s = new Path[4];
        for (int i = 1; i <= 3; i++) {
            s[i] = dir.resolve("s" + i);
            Run r = Run.of("sweep", job, "--out", s[i].toString(), "--shard", i + "/3");
            assertEquals(0, r.exitCode(), r.err());
        }
        Path flat = merge(dir.resolve("m231"), s[2], s[3], s[1]);
        Path nested = merge(dir.resolve("m1-23"), s[1], merge(dir.resolve("m23"), s[2], s[3]));
        Path again = merge(dir.resolve("again"), flat, s[3]);
        JsonNode one = JSON.readTree(whole.resolve("summary.json").toFile());
        for (Path merged : new Path[] {flat, nested, again}) {
            assertArrayEquals(Files.readAllBytes(whole.resolve("pareto.csv")), Files.readAllBytes(merged.resolve(
                    "pareto.csv")), merged + ": the front, byte for byte");
            JsonNode m = JSON.readTree(merged.resolve("summary.json").toFile());
            for (String field : new String[] {"spaceSize", "pointsEvaluated", "feasiblePoints", "frontSize", "jobHash",
                "shard", "feasible", "front"}) {
                assertEquals(one.get(field), m.get(field), merged + ": summary.json " + field);
            }
            assertEquals(3, m.get("shards").size(), merged + ": the shards it covers " + m.get("shards"));
        }
        // docs/batch-format.md: "shards of different splits (`1/3` with `2/4`)" are refused, as is another job
        Path other = dir.resolve("s2of4");
        assertEquals(0, Run.of("sweep", job, "--out", other.toString(), "--shard", "2/4").exitCode());
        Run split = Run.of("merge", s[1].toString(), other.toString(), "--out", dir.resolve("x").toString())
                .assertCleanBadInput();
        assertTrue(split.err().contains("shards of different splits overlap"), split.err());
        Path otherJob = dir.resolve("other-budget.yaml");
        Files.writeString(otherJob, Files.readString(Path.of(job)).replace("weightBytes: {max: 50%}",
                "weightBytes: {max: 60%}"));
        Path another = dir.resolve("another");
        assertEquals(0, Run.of("sweep", otherJob.toString(), "--out", another.toString(), "--shard", "2/3")
                .exitCode());
        Run job2 = Run.of("merge", s[1].toString(), another.toString(), "--out", dir.resolve("y").toString())
                .assertCleanBadInput();
        assertTrue(job2.err().contains("an output of another job"), job2.err());
        for (String refused : new String[] {"x", "y"}) {
            try (var files = Files.walk(dir.resolve(refused))) {
                assertFalse(files.anyMatch(Files::isRegularFile), "a refused merge writes no file");
            } catch (java.nio.file.NoSuchFileException e) {
                // nor its folder
            }
        }
    }
}
