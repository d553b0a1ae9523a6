package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ridgeline.search.strategy.Shard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The cluster files in configs/cluster: their structure, and commands the real CLI accepts. */
class ClusterFilesTest {
    @Test
    void theKubernetesManifestIsAnIndexedJobThenAMergeWithRealOptions() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(Path.of("configs/cluster/k8s-indexed-job.yaml").toFile())) {
            it.forEachRemaining(docs::add);
        }
        assertEquals(2, docs.size());
        JsonNode batch = docs.get(0);
        assertEquals("batch/v1", batch.get("apiVersion").asText());
        assertEquals("Job", batch.get("kind").asText());
        JsonNode spec = batch.get("spec");
        assertEquals("Indexed", spec.get("completionMode").asText());
        int completions = spec.get("completions").asInt();
        assertTrue(completions > 1);
        assertEquals("Never", spec.at("/template/spec/restartPolicy").asText());
        JsonNode container = spec.at("/template/spec/containers/0");
        String completionsEnv = null;
        for (JsonNode e : container.get("env")) {
            if (e.get("name").asText().equals("JOB_COMPLETIONS")) {
                completionsEnv = e.get("value").asText();
            }
        }
        assertEquals(Integer.toString(completions), completionsEnv, "JOB_COMPLETIONS must equal completions");
        // the shard a pod takes is the one --shard auto reads from that environment
        assertEquals(new Shard(2, completions),
                Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "2", "JOB_COMPLETIONS", completionsEnv)));
        List<String> args = new ArrayList<>();
        container.get("args").forEach(a -> args.add(a.asText()));
        assertEquals("batch", args.get(0));
        assertTrue(args.contains("--shard") && args.get(args.indexOf("--shard") + 1).equals("auto"), args.toString());
        assertTrue(Files.isRegularFile(Path.of(args.get(1).replaceFirst("^/work/", ""))), "the batch file exists");
        assertParses(args);
        String volume = container.at("/volumeMounts/0/name").asText();
        assertEquals(volume, spec.at("/template/spec/volumes/0/name").asText());

        JsonNode merge = docs.get(1);
        assertEquals("Job", merge.get("kind").asText());
        String line = merge.at("/spec/template/spec/containers/0/args/0").asText();
        Matcher m = Pattern.compile("java -jar \\S+ (merge .*)$").matcher(line);
        assertTrue(m.find(), line);
        assertTrue(line.contains("-ge " + completions + " ]"), "the merge waits for every shard: " + line);
        assertParses(List.of(m.group(1).split(" ")));
        assertTrue(line.contains(args.get(args.indexOf("--out") + 1).replace("$(JOB_COMPLETION_INDEX)", "*")),
                "the merge reads the shards the batch writes: " + line);
    }

    @Test
    void theSlurmScriptRunsRealCommandsAndSubmitsADependentMerge() throws Exception {
        String script = Files.readString(Path.of("configs/cluster/slurm-array.sbatch"));
        assertTrue(script.startsWith("#!/bin/bash"));
        assertTrue(script.contains("#SBATCH --array="));
        assertTrue(script.contains("--dependency=\"afterany:${SLURM_ARRAY_JOB_ID}\""));
        assertParses(List.of("batch", "b.yaml", "--out", "o/shards/0", "--shard", "auto", "--threads", "2"));
        assertParses(List.of("sweep", "j.yaml", "--out", "o/shards/0", "--shard", "auto", "--threads", "2"));
        assertTrue(script.contains("\"$kind\" \"$RIDGELINE_INPUT\" --out \"$RIDGELINE_OUT/shards/$SLURM_ARRAY_TASK_ID\""
                + " --shard auto"), "the task's command is the one checked above");
        assertTrue(script.contains("merge $RIDGELINE_OUT/shards/* --out $RIDGELINE_OUT/merged"));
        assertEquals(new Shard(1, 4), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "6",
                "SLURM_ARRAY_TASK_MIN", "5", "SLURM_ARRAY_TASK_COUNT", "4")));
    }

    private static void assertParses(List<String> args) {
        assertDoesNotThrow(() -> new CommandLine(new Main()).parseArgs(args.toArray(String[]::new)),
                "the CLI accepts " + args);
    }
}
