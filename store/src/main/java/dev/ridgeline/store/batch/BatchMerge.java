package dev.ridgeline.store.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.folder.Names;
import dev.ridgeline.store.format.Json;
import dev.ridgeline.store.format.JsonLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the output folders of one batch's shards: the union of their jobs. A job met twice must be the
 * same resolved job; a completed run wins over a failed one. Associative, commutative and idempotent.
 */
public final class BatchMerge {
    private BatchMerge() {
    }

    /** The merged index, and for each job the folder its outputs come from. */
    public record Merged(ObjectNode index, Map<String, Path> jobFolders) {
    }

    public static boolean isBatchOutput(Path dir) {
        return Files.isRegularFile(dir.resolve(BatchIndex.JSON));
    }

    private static final java.util.Set<String> STATUSES = java.util.Set.of("done", "failed", "skipped");

    /** A row of index.json, checked for what merging reads: an object, a safe id, a known status, a job hash. */
    private static ObjectNode checkRow(Path file, int i, JsonNode r) {
        String at = "jobs[" + i + "]";
        if (r == null || !r.isObject()) {
            throw bad(file, at, " must be a job row (an object), found " + r);
        }
        JsonNode id = r.get("id");
        if (id == null || !id.isTextual()) {
            throw bad(file, at + ".id", " must be the job's folder name, found " + id);
        }
        try {
            Names.check(id.asText(), at + ".id");
        } catch (BadInputException e) {
            throw new BadInputException(JsonLocations.of(file).at(at + ".id") + ": " + e.getMessage(), e);
        }
        JsonNode status = r.get("status");
        if (status == null || !STATUSES.contains(status.asText()) || !status.isTextual()) {
            throw bad(file, at + ".status", " must be one of done, failed, skipped; found " + status);
        }
        JsonNode hash = r.get("jobHash");
        if (hash == null || !hash.isTextual() || hash.asText().isEmpty()) {
            throw bad(file, at + ".jobHash", " must be the job's SHA-256, found " + hash);
        }
        return (ObjectNode) r;
    }

    /** A wrong field of an index, named by file:line:column and its path. */
    private static BadInputException bad(Path file, String path, String what) {
        return new BadInputException(JsonLocations.of(file).at(path) + ": " + path + what);
    }

    public static Merged merge(List<Path> dirs) {
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        Map<String, Path> folders = new LinkedHashMap<>();
        String batchSha = null;
        String batch = null;
        Path firstDir = null;
        for (Path dir : dirs) {
            Path file = dir.resolve(BatchIndex.JSON);
            JsonNode index = Json.read(file, "a batch's index.json (from ridgeline batch)");
            JsonNode sha256 = index.get("batchSha256");
            if (sha256 == null || !sha256.isTextual() || sha256.asText().isEmpty()) {
                throw bad(file, "batchSha256", " must be the batch file's SHA-256, found " + sha256);
            }
            JsonNode jobs = index.get("jobs");
            if (jobs == null || !jobs.isArray()) {
                throw bad(file, "jobs", " must be a list of job rows, found " + jobs);
            }
            String sha = sha256.asText();
            if (batchSha == null) {
                batchSha = sha;
                batch = index.path("batch").asText();
                firstDir = dir;
            } else if (!batchSha.equals(sha)) {
                throw new BadInputException(file + ": the output of another batch file (its SHA-256 differs from "
                        + firstDir.resolve(BatchIndex.JSON) + "'s); merge only the shards of one batch");
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < jobs.size(); i++) {
                ObjectNode row = checkRow(file, i, jobs.get(i));
                String id = row.path("id").asText();
                if (!ids.add(id)) {
                    throw bad(file, "jobs[" + i + "].id", " '" + id + "' occurs twice");
                }
                ObjectNode known = rows.get(id);
                if (known != null && !known.path("jobHash").equals(row.path("jobHash"))) {
                    throw new BadInputException(file + ": job " + id + " differs from the one in " + folders.get(id)
                            + " (another job hash)");
                }
                boolean better = known == null || ("done".equals(row.path("status").asText())
                        && !"done".equals(known.path("status").asText()));
                if (better) {
                    rows.put(id, row);
                    folders.put(id, dir.resolve(id));
                }
            }
        }
        List<ObjectNode> ordered = new ArrayList<>(rows.values());
        return new Merged(BatchIndex.tree(batch, batchSha, ordered), folders);
    }
}
