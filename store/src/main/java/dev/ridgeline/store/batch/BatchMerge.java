package dev.ridgeline.store.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.format.Json;
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

    public static Merged merge(List<Path> dirs) {
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        Map<String, Path> folders = new LinkedHashMap<>();
        String batchSha = null;
        String batch = null;
        Path firstDir = null;
        for (Path dir : dirs) {
            Path file = dir.resolve(BatchIndex.JSON);
            JsonNode index = Json.read(file, "a batch's index.json (from ridgeline batch)");
            String sha = index.path("batchSha256").asText();
            if (batchSha == null) {
                batchSha = sha;
                batch = index.path("batch").asText();
                firstDir = dir;
            } else if (!batchSha.equals(sha)) {
                throw new BadInputException(file + ": the output of another batch file (its SHA-256 differs from "
                        + firstDir.resolve(BatchIndex.JSON) + "'s); merge only the shards of one batch");
            }
            for (JsonNode r : index.path("jobs")) {
                ObjectNode row = (ObjectNode) r;
                String id = row.path("id").asText();
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
