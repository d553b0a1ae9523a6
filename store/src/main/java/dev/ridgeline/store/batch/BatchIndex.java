package dev.ridgeline.store.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.store.format.Csv;
import dev.ridgeline.store.format.Json;
import dev.ridgeline.store.batch.JobOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The index of a batch's output folder: one row per job with its status, what it varied, its key figures
 * (read from the job's own summary.json, so a resumed job reads as a fresh one) and its timing. Written as
 * index.json and index.csv.
 */
public final class BatchIndex {
    public static final String JSON = "index.json";
    public static final String CSV = "index.csv";
    /** The figures a row copies from a sweep's summary.json. */
    private static final List<String> FIGURES = List.of("spaceSize", "pointsEvaluated", "feasiblePoints",
            "frontSize", "feasible");
    private static final List<String> COLUMNS = List.of("order", "id", "kind", "status", "model", "hardware",
            "precision",
            "spaceSize", "pointsEvaluated", "feasiblePoints", "frontSize", "feasible", "wallSeconds", "jobHash",
            "message");

    private BatchIndex() {
    }

    /** A job's row; {@code jobFolder} holds its outputs when it ran. */
    public static ObjectNode row(JobOutcome outcome, Path jobFolder) {
        ObjectNode row = Json.object();
        row.put("order", outcome.job().order());
        row.put("id", outcome.job().id());
        row.put("kind", outcome.job().kind().id());
        row.put("status", outcome.status().id());
        row.put("model", outcome.job().model());
        row.put("hardware", outcome.job().hardware());
        row.put("precision", outcome.job().precision());
        ObjectNode varied = row.putObject("varied");
        outcome.job().varied().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> varied.put(e.getKey(), e.getValue()));
        Path summary = jobFolder.resolve("summary.json");
        Path plan = jobFolder.resolve("plan.json");
        if (outcome.status() == JobOutcome.Status.DONE && Files.isRegularFile(summary)) {
            JsonNode s = Json.read(summary, "a sweep's summary.json");
            for (String f : FIGURES) {
                row.set(f, s.get(f));
            }
        } else if (outcome.status() == JobOutcome.Status.DONE && Files.isRegularFile(plan)) {
            // a plan's figures are in plan.json: whether it met the budgets, and with which kind of change
            JsonNode p = Json.read(plan, "a pruning plan's plan.json");
            row.set("feasible", p.get("feasible"));
            row.set("planStage", p.get("stage"));
        }
        row.put("wallSeconds", outcome.wallSeconds());
        row.put("jobHash", outcome.job().hash());
        row.put("message", outcome.message());
        return row;
    }

    /** index.json: the batch and its rows, in batch order. */
    public static ObjectNode tree(String batchSource, String batchSha256, List<ObjectNode> rows) {
        ObjectNode root = Json.object();
        root.put("batch", batchSource);
        root.put("batchSha256", batchSha256);
        ArrayNode jobs = root.putArray("jobs");
        rows.stream().sorted(java.util.Comparator.comparingInt(r -> r.path("order").asInt())).forEach(jobs::add);
        return root;
    }

    public static void writeJson(ObjectNode tree, Writer out) {
        Json.writeDocument(tree, out);
    }

    public static void writeCsv(ObjectNode tree, Writer out) {
        try {
            Csv.line(out, COLUMNS);
            for (JsonNode row : tree.path("jobs")) {
                List<String> cells = new ArrayList<>();
                for (String c : COLUMNS) {
                    JsonNode v = row.get(c);
                    cells.add(v == null || v.isNull() ? "" : v.isDouble() ? plain(v.asDouble()) : v.asText());
                }
                Csv.line(out, cells);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
