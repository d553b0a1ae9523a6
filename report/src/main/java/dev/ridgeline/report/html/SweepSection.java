package dev.ridgeline.report.html;

import dev.ridgeline.report.chart.MetricLabels;
import dev.ridgeline.report.html.HtmlTable.Cell;
import dev.ridgeline.store.read.MetricTable;
import dev.ridgeline.store.read.SweepRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The question and tables of a sweep: its counts, the base model's metrics and the front, as the files have them. */
final class SweepSection {
    /** Front rows shown in the page; pareto.csv has them all. */
    static final int FRONT_ROWS = 300;

    private SweepSection() {
    }

    static void question(Html html, SweepRun run) {
        html.open("dl", "class=\"question\"");
        html.entry("model", run.model());
        html.entry("device", run.hardware().isEmpty() ? "none: latency not measured" : run.hardware());
        html.entry("precision", run.precision() + ", batch " + run.batch());
        html.entry("budgets", run.budgets().isEmpty() ? "none" : run.budgets().stream().map(SweepSection::budget)
                .collect(Collectors.joining("; ")));
        html.entry("objectives", run.objectives().stream().map(o -> (o.minimize() ? "minimise " : "maximise ")
                + o.metric()).collect(Collectors.joining(", ")));
        html.entry("convention", run.convention());
        html.entry("space", run.spaceSize() + " points" + (run.space().isEmpty() ? "" : ": " + run.space()
                .entrySet().stream().map(e -> e.getKey() + " in {" + String.join(", ", e.getValue()) + "}")
                .collect(Collectors.joining("; "))));
        html.entry("strategy", strategy(run.strategy()));
        run.accuracy().ifPresent(a -> html.entry("accuracy", String.format(Locale.ROOT, "predicted: %s; %s",
                a.predictor(), a.extrapolatedRows().isEmpty() ? "no front design lies outside the measured range"
                        : "front rows " + a.extrapolatedRows().stream().map(r -> Integer.toString(r + 1))
                        .collect(Collectors.joining(", ")) + " lie outside the measured range (extrapolated)")));
        html.close("dl");
    }

    /** What searched the space, without how the work was cut up (shard, indices, threads, chunks). */
    static String strategy(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return text;
        }
        List<String> kept = new ArrayList<>();
        for (String part : topLevelParts(text.substring(colon + 1))) {
            String p = part.strip();
            if (!p.matches("shard .*|indices .*|\\d+ threads?|\\d+-point chunks")) {
                kept.add(p);
            }
        }
        return text.substring(0, colon) + (kept.isEmpty() ? "" : ": " + String.join(", ", kept));
    }

    /** The comma-separated parts of a strategy's details, an interval such as "[0, 9)" kept whole. */
    private static List<String> topLevelParts(String details) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < details.length(); i++) {
            char c = details.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(details.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(details.substring(start));
        return parts;
    }

    static String budget(SweepRun.BudgetBound b) {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(b.min())) {
            parts.add(b.metric() + " >= " + MetricLabels.human(b.metric(), b.min()));
        }
        if (!Double.isNaN(b.max())) {
            parts.add(b.metric() + " <= " + MetricLabels.human(b.metric(), b.max()));
        }
        return String.join(", ", parts);
    }

    static void tables(Html html, SweepRun run) {
        HtmlTable counts = new HtmlTable("The sweep", "summary.json", List.of("figure", "value"));
        counts.row(List.of(Cell.text("spaceSize"), Cell.number(run.spaceSize())));
        counts.row(List.of(Cell.text("pointsEvaluated"), Cell.number(Long.toString(run.pointsEvaluated()))));
        counts.row(List.of(Cell.text("feasiblePoints"), Cell.number(Long.toString(run.feasiblePoints()))));
        counts.row(List.of(Cell.text("frontSize"), Cell.number(Long.toString(run.frontSize()))));
        counts.row(List.of(Cell.text("wallSeconds"), Cell.shown(String.format(Locale.ROOT, "%.3f s",
                run.wallSeconds()), Double.toString(run.wallSeconds()))));
        counts.writeTo(html);

        HtmlTable base = new HtmlTable("The base model", "summary.json#base", List.of("metric", "value", "in units"));
        run.base().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> base.row(List.of(
                Cell.text(e.getKey()), Cell.number(HtmlTable.figure(e.getValue())),
                Cell.number(MetricLabels.human(e.getKey(), e.getValue())))));
        base.writeTo(html);

        MetricTable front = run.pareto();
        int shown = Math.min(FRONT_ROWS, front.rows().size());
        HtmlTable t = new HtmlTable("The front: " + (shown < front.rows().size() ? "the first " + shown + " of " : "")
                + front.rows().size() + " designs, as in pareto.csv", "pareto.csv", front.header());
        for (List<String> row : front.rows().subList(0, shown)) {
            List<Cell> cells = new ArrayList<>();
            for (String cell : row) {
                cells.add(isNumber(cell) ? Cell.number(cell) : Cell.text(cell));
            }
            t.row(cells);
        }
        t.writeTo(html);
    }

    static void provenance(Html html, SweepRun run) {
        html.entry("sweep folder", run.source().toString());
        html.entry("job file", run.job().isEmpty() ? "not recorded" : run.job());
        html.entry("job SHA-256", run.jobHash().isEmpty() ? "not recorded" : run.jobHash());
        html.entry("model", run.model());
        html.entry("model SHA-256", run.modelSha256().isEmpty() ? "not recorded" : run.modelSha256());
        if (!run.hardware().isEmpty()) {
            html.entry("device", run.hardware());
            html.entry("device source", run.hardwareSource().isEmpty() ? "not recorded" : run.hardwareSource());
            run.baseModel().flatMap(b -> b.roofs()).ifPresent(r -> html.entry("device figures", r.figureStatuses()));
        }
        html.entry("swept with", "ridgeline " + (run.toolVersion().isEmpty() ? "(version not recorded)"
                : run.toolVersion()));
    }

    private static boolean isNumber(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
