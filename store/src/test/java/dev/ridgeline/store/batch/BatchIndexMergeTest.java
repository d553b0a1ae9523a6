package dev.ridgeline.store.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch's index (docs/batch-format.md: "`DIR/index.json` and `DIR/index.csv` ... list every job of the run in
 * batch order ... the key figures of its summary ... `wallSeconds`, `jobHash` and `message`") and the merge of
 * shards' indexes ("the union of their job folders and one index"; "a completed run wins" when a job meets
 * itself; another batch file or another job under one id is refused).
 */
class BatchIndexMergeTest {
    private static BatchJob job(int order, String id, String hash) {
        return new BatchJob(order, BatchJob.Kind.SWEEP, id, hash, "model: resnet18\n", Path.of("."), "b.yaml:1:1",
                Map.of("precision", "fp16", "batch", "2"), "resnet18", "t4", "fp16", Optional.empty());
    }

    private static ObjectNode row(Path dir, JobOutcome outcome) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(outcome.job().id()));
        if (outcome.status() == JobOutcome.Status.DONE) {
            Files.writeString(folder.resolve("summary.json"), "{\"spaceSize\": 81, \"pointsEvaluated\": 81, "
                    + "\"feasiblePoints\": 40, \"frontSize\": 7, \"feasible\": true, \"other\": 1}\n");
        }
        return BatchIndex.row(outcome, folder);
    }

    /** Writes a shard's folder: index.json of the given rows. */
    private static Path shard(Path dir, String sha, ObjectNode... rows) throws Exception {
        Files.createDirectories(dir);
        StringWriter json = new StringWriter();
        BatchIndex.writeJson(BatchIndex.tree("b.yaml", sha, List.of(rows)), json);
        Files.writeString(dir.resolve(BatchIndex.JSON), json.toString());
        return dir;
    }

    @Test
    void aRowCarriesTheJobAndTheFiguresOfItsSummaryAndTheCsvIsPlain(@TempDir Path dir) throws Exception {
        ObjectNode done = row(dir, new JobOutcome(job(1, "b-fp16", "ab".repeat(32)), JobOutcome.Status.DONE, "",
                false, 1.23456789));
        assertEquals(1, done.get("order").asInt());
        assertEquals("sweep", done.get("kind").asText());
        assertEquals("done", done.get("status").asText());
        assertEquals(81, done.get("spaceSize").asInt());
        assertEquals(7, done.get("frontSize").asInt());
        assertTrue(done.get("feasible").asBoolean());
        assertFalse(done.has("other"), "only the key figures");
        assertEquals("{\"batch\":\"2\",\"precision\":\"fp16\"}", done.get("varied").toString(), "sorted by field");
        ObjectNode failed = row(dir, new JobOutcome(job(0, "a-int8", "cd".repeat(32)), JobOutcome.Status.FAILED,
                "a.yaml:1:1: boom", false, 0.5));
        assertFalse(failed.has("spaceSize"));
        ObjectNode tree = BatchIndex.tree("b.yaml", "f".repeat(64), List.of(done, failed));
        assertEquals(List.of("a-int8", "b-fp16"), List.of(tree.get("jobs").get(0).get("id").asText(),
                tree.get("jobs").get(1).get("id").asText()), "batch order");
        StringWriter csv = new StringWriter();
        BatchIndex.writeCsv(tree, csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals("order,id,kind,status,model,hardware,precision,spaceSize,pointsEvaluated,feasiblePoints,"
                + "frontSize,feasible,wallSeconds,jobHash,message", lines.get(0));
        assertEquals("0,a-int8,sweep,failed,resnet18,t4,fp16,,,,,,0.5," + "cd".repeat(32) + ",a.yaml:1:1: boom",
                lines.get(1));
        assertEquals("1,b-fp16,sweep,done,resnet18,t4,fp16,81,81,40,7,true,1.23457," + "ab".repeat(32) + ",",
                lines.get(2), "seconds to six significant digits, plain");
        assertEquals(3, lines.size());
    }

    @Test
    void mergeTakesTheUnionInBatchOrderAndADoneRunOverAFailedOne(@TempDir Path dir) throws Exception {
        String sha = "f".repeat(64);
        BatchJob a = job(0, "a", "aa".repeat(32));
        BatchJob b = job(1, "b", "bb".repeat(32));
        BatchJob c = job(2, "c", "cc".repeat(32));
        Path s1 = shard(dir.resolve("s1"), sha, row(dir.resolve("s1"), new JobOutcome(c, JobOutcome.Status.DONE, "",
                false, 1)), row(dir.resolve("s1"), new JobOutcome(a, JobOutcome.Status.FAILED, "boom", false, 1)));
        Path s2 = shard(dir.resolve("s2"), sha, row(dir.resolve("s2"), new JobOutcome(a, JobOutcome.Status.DONE, "",
                false, 1)), row(dir.resolve("s2"), new JobOutcome(b, JobOutcome.Status.DONE, "", false, 1)));
        assertTrue(BatchMerge.isBatchOutput(s1));
        assertFalse(BatchMerge.isBatchOutput(dir));
        for (List<Path> order : List.of(List.of(s1, s2), List.of(s2, s1), List.of(s1, s2, s1))) {
            BatchMerge.Merged m = BatchMerge.merge(order);
            List<String> ids = new ArrayList<>();
            List<String> status = new ArrayList<>();
            for (JsonNode r : m.index().get("jobs")) {
                ids.add(r.get("id").asText());
                status.add(r.get("status").asText());
            }
            assertEquals(List.of("a", "b", "c"), ids, order.toString());
            assertEquals(List.of("done", "done", "done"), status, "the done run of a wins: " + order);
            assertEquals(s2.resolve("a"), m.jobFolders().get("a"));
            assertEquals(s1.resolve("c"), m.jobFolders().get("c"));
            assertEquals(sha, m.index().get("batchSha256").asText());
            assertEquals("b.yaml", m.index().get("batch").asText());
        }
        Path another = shard(dir.resolve("s3"), "e".repeat(64), row(dir.resolve("s3"), new JobOutcome(b,
                JobOutcome.Status.DONE, "", false, 1)));
        String m = assertThrows(BadInputException.class, () -> BatchMerge.merge(List.of(s1, another))).getMessage();
        assertTrue(m.contains("the output of another batch file"), m);
        Path changed = shard(dir.resolve("s4"), sha, row(dir.resolve("s4"), new JobOutcome(job(1, "b",
                "dd".repeat(32)), JobOutcome.Status.DONE, "", false, 1)));
        String h = assertThrows(BadInputException.class, () -> BatchMerge.merge(List.of(s2, changed))).getMessage();
        assertTrue(h.contains("job b differs") && h.contains("another job hash"), h);
    }

    @Test
    void aPlansRowCarriesWhetherItMetItsBudgetsOnlyWhenItRan(@TempDir Path dir) throws Exception {
        BatchJob plan = new BatchJob(0, BatchJob.Kind.PLAN, "p", "ab".repeat(32), "model: resnet18\n", Path.of("."),
                "b.yaml:1:1", Map.of(), "resnet18", "t4", "fp16", Optional.empty());
        Path folder = Files.createDirectories(dir.resolve("p"));
        Files.writeString(folder.resolve("plan.json"), "{\"feasible\": true, \"stage\": [\"width\"]}\n");
        ObjectNode done = BatchIndex.row(new JobOutcome(plan, JobOutcome.Status.DONE, "", false, 2), folder);
        assertEquals("prune", done.get("kind").asText());
        assertTrue(done.get("feasible").asBoolean());
        assertEquals("[\"width\"]", done.get("planStage").toString());
        assertFalse(done.has("frontSize"), "a plan has no front");
        ObjectNode failed = BatchIndex.row(new JobOutcome(plan, JobOutcome.Status.FAILED, "boom", false, 2), folder);
        assertFalse(failed.has("feasible"), "a failed run's files are not its figures");
        assertFalse(failed.has("planStage"));
        Files.writeString(folder.resolve("summary.json"), "{\"frontSize\": 7}\n");
        ObjectNode failedSweep = BatchIndex.row(new JobOutcome(plan, JobOutcome.Status.FAILED, "boom", false, 2),
                folder);
        assertFalse(failedSweep.has("frontSize"), "nor is a failed run's summary.json");
        // index.csv is flushed whole into a writer that is never closed
        java.io.StringWriter text = new java.io.StringWriter();
        BatchIndex.writeCsv(BatchIndex.tree("b.yaml", "f".repeat(64), List.of(done)),
                new java.io.BufferedWriter(text, 1 << 16));
        assertEquals("order,id,kind,status,model,hardware,precision,spaceSize,pointsEvaluated,feasiblePoints,frontSize,"
                + "feasible,wallSeconds,jobHash,message\n0,p,prune,done,resnet18,t4,fp16,,,,,true,2,"
                + "ab".repeat(32) + ",\n", text.toString());
    }
}
