package dev.ridgeline.store.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.format.Json;
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
                throw new BadInputException(summaryFile + ": no field '" + field
                        + "'; expected a sweep's summary.json (from ridgeline sweep)");
            }
        }
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
        JsonNode front = summary.get("front");
        if (front == null || !front.isArray() || front.size() != lines.size() - 1) {
            throw new BadInputException(summaryFile + ": its 'front' does not list the " + (lines.size() - 1)
                    + " rows of " + paretoFile + "; were they written by different runs or versions?");
        }
        int knobs = summary.get("space").size();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < front.size(); i++) {
            JsonNode point = front.get(i);
            double[] metrics = new double[Metric.COUNT];
            for (Metric m : Metric.values()) {
                JsonNode v = point.path("metrics").get(m.id());
                metrics[m.ordinal()] = v == null || v.isNull() ? Double.NaN : v.asDouble();
            }
            JsonNode choices = point.path("choices");
            if (choices.size() != knobs) {
                throw new BadInputException(summaryFile + ": front row " + (i + 1) + " has " + choices.size()
                        + " choices for " + knobs + " knobs");
            }
            int[] c = new int[knobs];
            for (int k = 0; k < knobs; k++) {
                c[k] = choices.get(k).asInt();
            }
            rows.add(new Row(metrics, c, lines.get(i + 1)));
        }
        return new SweepOutput(dir, summary, lines.get(0), rows);
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
