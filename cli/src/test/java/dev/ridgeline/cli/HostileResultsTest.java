package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.store.folder.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merge and resume read back folders an adversary may have written: every id, field and file is checked, a
 * failure is exit 2 naming the file, and nothing outside --out (nor --out itself) is changed. Edited files get a
 * fresh manifest here, so that what is tested is the field check, not the manifest.
 */
class HostileResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path shared;
    static Path[] shards = new Path[3];
    static Path batchOut;

    @BeforeAll
    static void sweepThreeShardsAndABatch() throws Exception {
        for (int i = 1; i <= 3; i++) {
            shards[i - 1] = shared.resolve("s" + i);
            Run r = Run.of("sweep", SweepCommandTest.RESNET18, "--out", shards[i - 1].toString(), "--shard", i + "/3",
                    "--threads", "2");
            assertEquals(0, r.exitCode(), r.err());
        }
        Path batch = shared.resolve("batch.yaml");
        Files.writeString(batch, BatchCommandTest.BASE + "matrix: {precision: [fp16, int8]}\n");
        batchOut = shared.resolve("batch");
        Run b = Run.of("batch", batch.toString(), "--out", batchOut.toString(), "--threads", "2");
        assertEquals(0, b.exitCode(), b.err());
    }

    /** A copy of a folder, edited, with a manifest that matches the edit. */
    private static Path edited(Path from, Path to, String file, Consumer<ObjectNode> edit) throws IOException {
        dev.ridgeline.store.folder.Trees.copy(from, to);
        ObjectNode tree = (ObjectNode) JSON.readTree(to.resolve(file).toFile());
        edit.accept(tree);
        Files.writeString(to.resolve(file), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        Manifest.of(to).write(to);
        return to;
    }

    private static void refused(Path out, String expected, Path... inputs) {
        String[] args = new String[inputs.length + 3];
        args[0] = "merge";
        for (int i = 0; i < inputs.length; i++) {
            args[i + 1] = inputs[i].toString();
        }
        args[inputs.length + 1] = "--out";
        args[inputs.length + 2] = out.toString();
        Run r = Run.of(args).assertCleanBadInput();
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void aJobIdThatClimbsOutOfTheFolderIsRefusedAndTouchesNothing(@TempDir Path dir) throws Exception {
        Path victim = dir.resolve("victim");
        Files.createDirectories(victim);
        Files.writeString(victim.resolve("precious.txt"), "keep me");
        Path out = dir.resolve("a/b/out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("earlier.txt"), "earlier");
        Path hostile = edited(batchOut, dir.resolve("hostile"), "index.json",
                t -> ((ObjectNode) t.get("jobs").get(0)).put("id", "../../victim"));
        refused(out, "not a plain folder name", hostile);
        assertEquals("keep me", Files.readString(victim.resolve("precious.txt")));
        assertEquals("earlier", Files.readString(out.resolve("earlier.txt")));
        Path noId = edited(batchOut, dir.resolve("noid"), "index.json",
                t -> ((ObjectNode) t.get("jobs").get(0)).remove("id"));
        refused(out, "jobs[0].id", noId);
        assertEquals("earlier", Files.readString(out.resolve("earlier.txt")));
        Path numbers = edited(batchOut, dir.resolve("numbers"), "index.json",
                t -> t.putArray("jobs").add(1).add(2).add(3));
        refused(out, "jobs[0] must be a job row", numbers);
    }

    @Test
    void everyFieldOfAShardIsCheckedForTypeAndRange(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Map<String, Consumer<ObjectNode>> edits = Map.of(
                "'7/3' is neither", t -> t.put("shard", "7/3"),
                "field 'pointsEvaluated' must be a whole number >= 0", t -> t.put("pointsEvaluated", -5),
                "front[0].choices[0]' must be a choice", t -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                        t.get("front").get(0).get("choices")).set(0, JSON.getNodeFactory().numberNode(99)),
                "front[0].metrics.params' must be a number", t -> ((ObjectNode) t.get("front").get(0).get("metrics"))
                        .put("params", "zzz"),
                "field 'modelSha256'", t -> t.put("modelSha256", "0".repeat(64)));
        int n = 0;
        for (Map.Entry<String, Consumer<ObjectNode>> e : edits.entrySet()) {
            Path bad = edited(shards[1], dir.resolve("bad" + n++), "summary.json", e.getValue());
            refused(out, e.getKey(), shards[0], bad, shards[2]);
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void anInputWithoutAManifestIsRefusedSayingToRunItAgain(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("old");
        dev.ridgeline.store.folder.Trees.copy(shards[1], old);
        Files.delete(old.resolve(Manifest.FILE)); // as a sweep from before manifests left it
        Path out = dir.resolve("out");
        refused(out, old + ": no manifest.json, so its files cannot be checked", shards[0], old, shards[2]);
        refused(out, "run its sweep again with this version", shards[0], old, shards[2]);
        assertFalse(Files.exists(out));
        Path oldBatch = dir.resolve("oldBatch");
        dev.ridgeline.store.folder.Trees.copy(batchOut, oldBatch);
        Files.delete(oldBatch.resolve(Manifest.FILE));
        refused(out, "run its batch again with this version", oldBatch);
    }

    @Test
    void aWrongFieldIsNamedByFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = edited(shards[1], dir.resolve("bad"), "summary.json", t -> ((com.fasterxml.jackson.databind.node
                .ArrayNode) t.get("front").get(1).get("choices")).set(2, JSON.getNodeFactory().numberNode(99)));
        Run r = Run.of("merge", shards[0].toString(), bad.toString(), "--out", dir.resolve("o").toString())
                .assertCleanBadInput();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(
                bad.resolve("summary.json").toString()) + ":(\\d+):(\\d+): field 'front\\[1\\]\\.choices\\[2\\]'")
                .matcher(r.err());
        assertTrue(m.find(), r.err());
        String line = Files.readAllLines(bad.resolve("summary.json")).get(Integer.parseInt(m.group(1)) - 1);
        assertTrue(line.substring(Integer.parseInt(m.group(2)) - 1).startsWith("99"), "line " + m.group(1) + ", column "
                + m.group(2) + " is where the 99 is: " + line);
        Path noRow = edited(batchOut, dir.resolve("norow"), "index.json",
                t -> ((ObjectNode) t.get("jobs").get(1)).put("status", "maybe"));
        Run b = Run.of("merge", noRow.toString(), "--out", dir.resolve("o2").toString()).assertCleanBadInput();
        assertTrue(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(noRow.resolve("index.json")
                .toString()) + ":\\d+:\\d+: jobs\\[1\\]\\.status must be one of").matcher(b.err()).find(), b.err());
    }

    @Test
    void aDamagedShardIsBlamedNotAnIntactOne(@TempDir Path dir) throws Exception {
        Path damaged = dir.resolve("damaged");
        dev.ridgeline.store.folder.Trees.copy(shards[2], damaged);
        String text = Files.readString(damaged.resolve("summary.json"));
        Files.writeString(damaged.resolve("summary.json"), text.replace("\"pointsEvaluated\" : ",
                "\"pointsEvaluated\" : 1").replace("\"pointsEvaluated\": ", "\"pointsEvaluated\": 1"));
        Run r = Run.of("merge", shards[0].toString(), damaged.toString(), "--out", dir.resolve("o").toString())
                .assertCleanBadInput();
        assertTrue(r.err().contains(damaged.resolve("summary.json").toString()), r.err());
        assertFalse(r.err().contains(shards[0].toString() + "/"), r.err());
    }

    @Test
    void aMergedSummaryDescribesTheWholeAsTheOneProcessRunDoes(@TempDir Path dir) throws Exception {
        Path merged = dir.resolve("merged");
        Run r = Run.of("merge", shards[2].toString(), shards[0].toString(), shards[1].toString(), "--out",
                merged.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode s = JSON.readTree(merged.resolve("summary.json").toFile());
        assertTrue(s.get("strategy").asText().contains("shard 1/1, indices [0, 15552) of 15552"),
                s.get("strategy").asText());
        assertTrue(Manifest.problem(merged).isEmpty());
    }

    @Test
    void aMergeOfAJobFolderThatWasEditedNamesTheFile(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("copy");
        dev.ridgeline.store.folder.Trees.copy(batchOut, copy);
        JsonNode index = JSON.readTree(copy.resolve("index.json").toFile());
        String id = index.get("jobs").get(0).get("id").asText();
        Path pareto = copy.resolve(id).resolve("pareto.csv");
        Files.writeString(pareto, Files.readString(pareto).substring(0, 20));
        // the folder's own manifest names it first: it lists the job's files too
        Run r = Run.of("merge", copy.toString(), "--out", dir.resolve("o").toString()).assertCleanBadInput();
        assertTrue(r.err().contains(id + "/pareto.csv"), r.err());
    }

    @Test
    void resumeRerunsAJobWhoseFilesWereTruncatedOrDeleted(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        dev.ridgeline.store.folder.Trees.copy(batchOut, out);
        JsonNode index = JSON.readTree(out.resolve("index.json").toFile());
        String truncated = index.get("jobs").get(0).get("id").asText();
        String deleted = index.get("jobs").get(1).get("id").asText();
        Path summary = out.resolve(truncated).resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).substring(0, 100));
        Files.delete(out.resolve(deleted).resolve("pareto.csv"));
        Run r = Run.of("batch", shared.resolve("batch.yaml").toString(), "--out", out.toString(), "--resume",
                "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("kept"), r.err());
        assertTrue(Manifest.problem(out).isEmpty(), Manifest.problem(out).toString());
        assertEquals(Normalized.tree(batchOut), Normalized.tree(out));
    }
}
