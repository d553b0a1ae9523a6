package dev.ridgeline.report.html;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.report.html.HtmlTable.Cell;
import dev.ridgeline.store.read.AnalysisRun;
import dev.ridgeline.store.read.LayerRow;
import dev.ridgeline.store.read.Roofs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables of an analysis: totals, latency summary and every layer, with the JSON's own figures. */
final class AnalysisSection {
    private AnalysisSection() {
    }

    static void question(Html html, AnalysisRun run) {
        html.open("dl", "class=\"question\"");
        html.entry("model", run.model() + (run.modelSource().equals(run.model()) ? "" : " (" + run.modelSource() + ")"));
        html.entry("input", run.input() + ", batch " + run.batch());
        html.entry("device", run.roofs().map(r -> r.deviceName() + " (" + r.deviceId() + ", " + r.engine()
                + " engine)").orElse("none: counts only, no latency"));
        html.entry("precision", run.precision() + " (" + run.elementBytes() + " bytes per element)");
        html.entry("budgets", "none (an analysis)");
        html.entry("convention", run.convention());
        html.close("dl");
    }

    static void tables(Html html, AnalysisRun run, String sourceName) {
        HtmlTable totals = new HtmlTable("Totals", sourceName + "#totals", List.of("figure", "value", "in units"));
        for (Map.Entry<String, Long> e : run.totals().entrySet()) {
            String unit = e.getKey().endsWith("Bytes") ? Quantities.bytes(e.getValue())
                    : Quantities.human(e.getValue());
            totals.row(List.of(Cell.text(e.getKey()), Cell.number(Long.toString(e.getValue())), Cell.number(unit)));
        }
        totals.writeTo(html);
        run.roofs().ifPresent(r -> latency(html, r, sourceName));
        topLayers(html, run, sourceName);
        layers(html, run, sourceName);
    }

    /** The ten largest layers by latency (when timed), MACs, params and activation bytes, side by side. */
    private static void topLayers(Html html, AnalysisRun run, String sourceName) {
        List<String> header = new ArrayList<>(List.of("rank"));
        List<List<LayerRow>> columns = new ArrayList<>();
        List<java.util.function.Function<LayerRow, Cell>> values = new ArrayList<>();
        if (run.roofs().isPresent()) {
            header.addAll(List.of("by latency", "seconds"));
            columns.add(top(run, LayerRow::seconds));
            values.add(l -> Cell.shown(Quantities.seconds(l.seconds()), exact(l.seconds())));
        }
        header.addAll(List.of("by MACs", "macs", "by params", "params", "by activation bytes", "writeBytes"));
        columns.add(top(run, l -> l.macs()));
        values.add(l -> Cell.number(Long.toString(l.macs())));
        columns.add(top(run, l -> l.params()));
        values.add(l -> Cell.number(Long.toString(l.params())));
        columns.add(top(run, l -> l.activationBytes()));
        values.add(l -> Cell.number(Long.toString(l.activationBytes())));
        HtmlTable t = new HtmlTable("The largest layers", sourceName + "#layers (top " + TOP + ")", header);
        for (int r = 0; r < TOP; r++) {
            List<Cell> row = new ArrayList<>(List.of(Cell.number(Integer.toString(r + 1))));
            for (int c = 0; c < columns.size(); c++) {
                List<LayerRow> column = columns.get(c);
                row.add(Cell.text(r < column.size() ? column.get(r).name() : ""));
                row.add(r < column.size() ? values.get(c).apply(column.get(r)) : Cell.text(""));
            }
            t.row(row);
        }
        t.writeTo(html);
    }

    static final int TOP = 10;

    private static List<LayerRow> top(AnalysisRun run, java.util.function.ToDoubleFunction<LayerRow> measure) {
        return run.layers().stream().filter(l -> measure.applyAsDouble(l) > 0)
                .sorted(java.util.Comparator.comparingDouble(measure).reversed()).limit(TOP).toList();
    }

    private static void latency(Html html, Roofs r, String sourceName) {
        HtmlTable t = new HtmlTable("Latency on " + r.deviceName(), sourceName + "#latency",
                List.of("figure", "value", "in units"));
        t.row(List.of(Cell.text("totalSeconds"), Cell.shown(exact(r.totalSeconds()), exact(r.totalSeconds())),
                Cell.number(Quantities.seconds(r.totalSeconds()))));
        t.row(List.of(Cell.text("memoryBoundShare"), Cell.shown(exact(r.memoryBoundShare()),
                exact(r.memoryBoundShare())), Cell.number(Quantities.percent(r.memoryBoundShare(), 1.0))));
        t.row(List.of(Cell.text("peakOpsPerSecond"), Cell.shown(exact(r.peakOpsPerSecond()),
                exact(r.peakOpsPerSecond())), Cell.number(Quantities.decimal(r.peakOpsPerSecond(), "op/s", "P"))));
        t.row(List.of(Cell.text("bandwidthBytesPerSecond"), Cell.shown(exact(r.bandwidthBytesPerSecond()),
                exact(r.bandwidthBytesPerSecond())), Cell.number(Quantities.decimal(r.bandwidthBytesPerSecond(),
                "B/s", "T"))));
        t.row(List.of(Cell.text("ridgeOpsPerByte"), Cell.shown(exact(r.ridgeOpsPerByte()),
                exact(r.ridgeOpsPerByte())), Cell.number(String.format(Locale.ROOT, "%.1f op/B",
                r.ridgeOpsPerByte()))));
        t.writeTo(html);
    }

    private static void layers(Html html, AnalysisRun run, String sourceName) {
        boolean timed = run.roofs().isPresent();
        List<String> header = new ArrayList<>(List.of("#", "name", "op", "stage", "params", "macs", "flops",
                "readBytes", "writeBytes"));
        if (timed) {
            header.addAll(List.of("seconds", "bound", "intensity (op/B)"));
        }
        HtmlTable t = new HtmlTable("Every layer (" + run.layers().size() + ")", sourceName + "#layers", header);
        int i = 0;
        for (LayerRow l : run.layers()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.number(Integer.toString(i++)), Cell.text(l.name()),
                    Cell.text(l.op()), Cell.text(l.stage()), Cell.number(Long.toString(l.params())),
                    Cell.number(Long.toString(l.macs())), Cell.number(Long.toString(l.flops())),
                    Cell.number(Long.toString(l.readBytes())), Cell.number(Long.toString(l.writeBytes()))));
            if (timed) {
                row.add(l.timed() ? Cell.shown(Quantities.seconds(l.seconds()), exact(l.seconds())) : Cell.text("-"));
                row.add(Cell.text(l.bound()));
                row.add(Double.isFinite(l.arithmeticIntensity()) ? Cell.shown(String.format(Locale.ROOT, "%.2f",
                        l.arithmeticIntensity()), exact(l.arithmeticIntensity())) : Cell.text("-"));
            }
            t.row(row);
        }
        t.writeTo(html);
    }

    static void provenance(Html html, AnalysisRun run) {
        html.entry("analysis file", run.source().toString());
        html.entry("model", run.modelSource());
        html.entry("model SHA-256", run.modelSha256().isEmpty() ? "not recorded" : run.modelSha256());
        run.roofs().ifPresent(r -> {
            html.entry("device", r.deviceName() + " (" + r.deviceId() + ")");
            html.entry("device source", r.source().isEmpty() ? "not recorded" : r.source());
            html.entry("device figures", r.figureStatuses());
        });
        html.entry("analysed with", "ridgeline " + (run.toolVersion().isEmpty() ? "(version not recorded)"
                : run.toolVersion()));
    }

    /** A double as JSON writes it. */
    static String exact(double v) {
        return Double.toString(v);
    }
}
