package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ridgeline batch} end to end: isolated failures, skips, indexes, and bad batch files. */
class BatchCommandTest {
    static final String BASE = """
            base:
              model: resnet18
              hardware: t4
              precision: fp16
              space:
                width: {stages: "*", multipliers: [0.5, 0.75, 1.0], per: all}
                resolution: {choices: [160, 224]}
            """;

    @Test
    void brokenJobsFailAloneWithTheirFileLineAndFieldAndTheOthersComplete(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("batch.yaml");
        Files.writeString(batch, BASE + """
                matrix:
                  hardware: [t4, t44, jetson-nano]
                  precision: [fp16, int8]
                jobs:
                  - {name: typo, job: {model: resnet18, space: {widht: {stages: "*", multipliers: [0.5, 1.0]}}}}
                  - {name: missing, job: {model: nets/missing.yaml, space: {resolution: {choices: [160, 224]}}}}
                """);
        Path out = dir.resolve("out");
        Run run = Run.of("batch", batch.toString(), "--out", out.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode index = new ObjectMapper().readTree(out.resolve("index.json").toFile());
        Map<String, String> status = new TreeMap<>();
        Map<String, String> message = new TreeMap<>();
        for (JsonNode j : index.get("jobs")) {
            String key = j.get("id").asText().replaceAll("-[0-9a-f]{8}$", "");
            status.put(key, j.get("status").asText());
            message.put(key, j.get("message").asText());
        }
        assertEquals(Map.of("t4-fp16", "done", "t4-int8", "done", "t44-fp16", "failed", "t44-int8", "failed",
                "jetson-nano-fp16", "done", "jetson-nano-int8", "skipped", "typo", "failed", "missing", "failed"),
                status);
        assertTrue(message.get("t44-fp16").matches(".*/job\\.yaml:2:11: .*unknown hardware 't44'.*batch\\.yaml:8:1 \\(matrix: hardware=t44, precision=fp16\\)\\)"),
                message.get("t44-fp16"));
        assertTrue(message.get("typo").matches(".*/job\\.yaml:3:3: unknown field 'widht'.*\\(job from .*batch\\.yaml:12:5.*"),
                message.get("typo"));
        assertTrue(message.get("missing").matches(".*/job\\.yaml:1:8: .*nets/missing\\.yaml.*"), message.get("missing"));
        assertTrue(message.get("jetson-nano-int8").contains("has no int8 figures"), message.get("jetson-nano-int8"));
        // a failed job's folder holds its job and its error; a done job's its outputs; a skipped job has none
        Path failed = out.resolve(id(index, "typo"));
        assertEquals(List.of("error.txt", "job.yaml", "manifest.json"), names(failed));
        assertEquals(List.of("job.yaml", "manifest.json", "pareto.csv", "summary.json"),
                names(out.resolve(id(index, "t4-fp16"))));
        assertFalse(Files.exists(out.resolve(id(index, "jetson-nano-int8"))));
        List<String> csv = Files.readAllLines(out.resolve("index.csv"));
        assertEquals(9, csv.size());
        assertTrue(csv.get(0).startsWith("order,id,kind,status,model,hardware,precision,spaceSize,"), csv.get(0));
        assertTrue(run.out().contains("3 done, 4 failed, 1 skipped"), run.out());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aBadBatchFileIsBadInputAndWritesNothing(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("batch.yaml");
        Files.writeString(batch, BASE + "matrix: {hradware: [t4]}\n");
        Path out = dir.resolve("out");
        Run run = Run.of("batch", batch.toString(), "--out", out.toString()).assertCleanBadInput();
        assertTrue(run.err().contains(batch + ":8:10: 'hradware' is not a job field"), run.err());
        assertFalse(Files.exists(out.resolve("index.json")));
        Run.of("batch", dir.toString(), "--out", out.toString()).assertCleanBadInput();
        Run.of("batch", dir.resolve("none.yaml").toString(), "--out", out.toString()).assertCleanBadInput();
        Run.of("batch", batch.toString(), "--out", out.toString(), "--shard", "auto").assertCleanBadInput();
    }

    @Test
    void shardsSplitTheJobsAndMergeIntoTheWholeBatch(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("batch.yaml");
        Files.writeString(batch, BASE + "matrix: {precision: [fp16, int8, fp32]}\n");
        Path whole = dir.resolve("whole");
        assertEquals(0, Run.of("batch", batch.toString(), "--out", whole.toString()).exitCode());
        for (int i = 1; i <= 2; i++) {
            Run r = Run.of("batch", batch.toString(), "--out", dir.resolve("s" + i).toString(), "--shard", i + "/2");
            assertEquals(0, r.exitCode(), r.err());
        }
        assertEquals(2, names(dir.resolve("s1")).stream().filter(n -> Files.exists(dir.resolve("s1").resolve(n).resolve("job.yaml"))).count());
        Path merged = dir.resolve("merged");
        Run m = Run.of("merge", dir.resolve("s2").toString(), dir.resolve("s1").toString(), "--out", merged.toString());
        assertEquals(0, m.exitCode(), m.err());
        assertEquals(Normalized.tree(whole), Normalized.tree(merged));
        // refuses another batch's output
        Files.writeString(batch, BASE + "matrix: {precision: [fp16]}\n");
        assertEquals(0, Run.of("batch", batch.toString(), "--out", dir.resolve("other").toString()).exitCode());
        Run refused = Run.of("merge", merged.toString(), dir.resolve("other").toString(), "--out",
                dir.resolve("x").toString()).assertCleanBadInput();
        assertTrue(refused.err().contains("the output of another batch file"), refused.err());
    }

    static String id(JsonNode index, String prefix) {
        for (JsonNode j : index.get("jobs")) {
            if (j.get("id").asText().replaceAll("-[0-9a-f]{8}$", "").equals(prefix)) {
                return j.get("id").asText();
            }
        }
        throw new AssertionError("no job " + prefix);
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
