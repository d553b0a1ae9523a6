package dev.ridgeline.store.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.format.JsonLocations;
import dev.ridgeline.store.format.Json;
import dev.ridgeline.store.read.CsvLine;
import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sweep's output folder read back: its summary and its front's rows, each with its exact metrics and its
 * choices (indices into the knob labels summary.json lists) from summary.json's {@code front}, and its
 * pareto.csv line exactly as written (whose latency is rounded for reading).
 */
record SweepOutput(Path dir, ObjectNode summary, String header, List<Row> rows) {
    static final String SUMMARY = "summary.json";
    static final String PARETO = "pareto.csv";

    /** One front row. */
    record Row(double[] metrics, int[] choices, String line) {
    }

    static boolean looksLikeOne(Path dir) {
        return Files.isRegularFile(dir.resolve(SUMMARY));
    }

    static SweepOutput read(Path dir) {
        Path summaryFile = dir.resolve(SUMMARY);
        ObjectNode summary = (ObjectNode) Json.read(summaryFile, "a sweep's summary.json (from ridgeline sweep)");
        for (String field : List.of("jobHash", "space", "objectives", "shard", "pointsEvaluated", "feasiblePoints",
                "front")) {
            if (!summary.has(field)) {
                throw new BadInputException(JsonLocations.of(summaryFile).at("") + ": no field '" + field
                        + "'; expected a sweep's summary.json (from ridgeline sweep)");
            }
        }
        Fields f = new Fields(summaryFile);
        check(f, summary);
        Path paretoFile = dir.resolve(PARETO);
        List<String> lines;
        try {
            lines = Files.readAllLines(paretoFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(paretoFile + ": cannot read (" + e.getMessage() + "); expected the front"
                    + " that ridgeline sweep writes beside summary.json");
        }
        if (lines.isEmpty()) {
            throw new BadInputException(paretoFile + ": empty; expected a header line");
        }
        checkNumbers(paretoFile, lines);
        JsonNode front = summary.get("front");
        if (front.size() != lines.size() - 1) {
            throw new BadInputException(summaryFile + ": its 'front' does not list the " + (lines.size() - 1)
                    + " rows of " + paretoFile + "; were they written by different runs or versions?");
        }
        JsonNode space = summary.get("space");
        List<String> knobNames = new ArrayList<>();
        space.fieldNames().forEachRemaining(knobNames::add);
        int knobs = knobNames.size();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < front.size(); i++) {
            String at = "front[" + i + "]";
            JsonNode point = f.object(front.get(i), at);
            JsonNode metricNode = f.object(point.get("metrics"), at + ".metrics");
            double[] metrics = new double[Metric.COUNT];
            for (Metric m : Metric.values()) {
                metrics[m.ordinal()] = f.number(metricNode.get(m.id()), at + ".metrics." + m.id(), true);
            }
            JsonNode choices = f.array(point, "choices", at + ".choices");
            if (choices.size() != knobs) {
                throw new BadInputException(summaryFile + ": front row " + (i + 1) + " has " + choices.size()
                        + " choices for " + knobs + " knobs");
            }
            int[] c = new int[knobs];
            for (int k = 0; k < knobs; k++) {
                JsonNode v = choices.get(k);
                int labels = space.get(knobNames.get(k)).size();
                if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() >= labels) {
                    throw f.bad(at + ".choices[" + k + "]", "must be a choice of knob " + knobNames.get(k)
                            + " (0.." + (labels - 1) + "), found " + Fields.describe(v));
                }
                c[k] = v.asInt();
            }
            rows.add(new Row(metrics, c, lines.get(i + 1)));
        }
        return new SweepOutput(dir, summary, lines.get(0), rows);
    }

    /** Every field merging reads, for type and range. */
    private static void check(Fields f, ObjectNode summary) {
        f.text(summary, "jobHash", "jobHash");
        JsonNode size = summary.get("spaceSize");
        if (size != null && !(size.isIntegralNumber() && size.bigIntegerValue().signum() > 0)) {
            throw f.bad("spaceSize", "must be a whole number >= 1, found " + Fields.describe(size));
        }
        long evaluated = f.count(summary, "pointsEvaluated", "pointsEvaluated", 0);
        long feasible = f.count(summary, "feasiblePoints", "feasiblePoints", 0);
        if (feasible > evaluated) {
            throw f.bad("feasiblePoints", feasible + " exceeds pointsEvaluated " + evaluated);
        }
        if (summary.has("frontSize")) {
            f.count(summary, "frontSize", "frontSize", 0);
        }
        if (summary.has("wallSeconds")) {
            f.number(summary.get("wallSeconds"), "wallSeconds", false);
        }
        f.shard(summary, "shard", summary.has("shards"));
        JsonNode space = f.object(summary.get("space"), "space");
        space.fields().forEachRemaining(e -> {
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw f.bad("space." + e.getKey(), "must be a non-empty list of choice labels");
            }
        });
        JsonNode objectives = f.array(summary, "objectives", "objectives");
        for (int i = 0; i < objectives.size(); i++) {
            f.object(objectives.get(i), "objectives[" + i + "]");
        }
        f.array(summary, "front", "front");
        JsonNode shards = summary.get("shards");
        if (shards != null && !shards.isNull()) {
            f.array(summary, "shards", "shards");
            for (int i = 0; i < shards.size(); i++) {
                String at = "shards[" + i + "]";
                JsonNode s = f.object(shards.get(i), at);
                f.shard(s, at + ".shard", false);
                long e = f.count(s, "pointsEvaluated", at + ".pointsEvaluated", 0);
                long p = f.count(s, "feasiblePoints", at + ".feasiblePoints", 0);
                if (p > e) {
                    throw f.bad(at + ".feasiblePoints", p + " exceeds pointsEvaluated " + e);
                }
            }
        }
    }

    /** The metric cells of every row are numbers (or empty, as sweep writes a metric it has not). */
    private static void checkNumbers(Path file, List<String> lines) {
        String[] header = CsvLine.split(file, 1, lines.get(0)).toArray(String[]::new);
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = CsvLine.split(file, i + 1, lines.get(i)).toArray(String[]::new);
            if (cells.length != header.length) {
                throw new BadInputException(file + ":" + (i + 1) + ": " + cells.length + " cells for the "
                        + header.length + " columns of the header");
            }
            for (int c = 0; c < header.length; c++) {
                if (Metric.byId(header[c]).isPresent() && !cells[c].isEmpty()) {
                    try {
                        Double.parseDouble(cells[c]);
                    } catch (NumberFormatException e) {
                        throw new BadInputException(file + ":" + (i + 1) + ": column " + header[c] + ": '"
                                + cells[c] + "' is not a number");
                    }
                }
            }
        }
    }

    List<Objective> objectives() {
        List<Objective> out = new ArrayList<>();
        for (JsonNode o : summary.get("objectives")) {
            Metric metric = Metric.byId(o.path("metric").asText()).orElseThrow(() -> new BadInputException(
                    dir.resolve(SUMMARY) + ": unknown objective metric '" + o.path("metric").asText() + "'"));
            Goal goal = Arrays.stream(Goal.values()).filter(g -> g.id().equals(o.path("goal").asText())).findFirst()
                    .orElseThrow(() -> new BadInputException(dir.resolve(SUMMARY) + ": objective goal '"
                            + o.path("goal").asText() + "' is neither min nor max"));
            out.add(new Objective(metric, goal));
        }
        return out;
    }

    /** The index of a knob's label, as the summary lists the labels. */
    static int choice(JsonNode labels, String label, String where, String knob) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).asText().equals(label)) {
                return i;
            }
        }
        throw new BadInputException(where + ": '" + label + "' is not a choice of " + knob
                + " in summary.json's space");
    }
}
