package dev.ridgeline.report.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.report.format.Csv;
import dev.ridgeline.report.format.Json;
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
 * A sweep's output folder read back: its summary and its front's rows, each row with its metrics and its
 * choices (indices into the knob labels that summary.json lists) and the line exactly as written.
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
        for (String field : List.of("jobHash", "space", "objectives", "shard", "pointsEvaluated", "feasiblePoints")) {
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
        List<String> header = Csv.parse(lines.get(0));
        int[] metricColumns = new int[Metric.COUNT];
        for (Metric m : Metric.values()) {
            metricColumns[m.ordinal()] = column(header, m.id(), paretoFile);
        }
        JsonNode space = summary.get("space");
        List<String> knobs = new ArrayList<>();
        space.fieldNames().forEachRemaining(knobs::add);
        int[] knobColumns = knobs.stream().mapToInt(k -> column(header, k, paretoFile)).toArray();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = Csv.parse(lines.get(i));
            String where = paretoFile + ":" + (i + 1);
            if (cells.size() != header.size()) {
                throw new BadInputException(where + ": " + cells.size() + " cells, the header has " + header.size());
            }
            double[] metrics = new double[Metric.COUNT];
            for (int m = 0; m < metrics.length; m++) {
                String cell = cells.get(metricColumns[m]);
                try {
                    metrics[m] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new BadInputException(where + ": " + header.get(metricColumns[m]) + " '" + cell
                            + "' is not a number");
                }
            }
            int[] choices = new int[knobs.size()];
            for (int k = 0; k < choices.length; k++) {
                choices[k] = choice(space.get(knobs.get(k)), cells.get(knobColumns[k]), where, knobs.get(k));
            }
            rows.add(new Row(metrics, choices, lines.get(i)));
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

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new BadInputException(file + ": no column '" + name + "' in its header");
        }
        return i;
    }
}
