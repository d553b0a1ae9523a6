package dev.ridgeline.report.analysis;

import dev.ridgeline.store.analysis.UncountedOps;

import dev.ridgeline.store.analysis.ReportInputs;

import dev.ridgeline.store.format.Quantities;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.Cost;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.hardware.roofline.Bound;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.hardware.roofline.LayerTiming;
import dev.ridgeline.report.analysis.TextTable.Align;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes a {@link CostReport} for people: a title line (model, input, batch, convention and its unit,
 * element size), one aligned row per layer (name, op, output shape, params, MACs, FLOPs and the layer's
 * share of the FLOPs), then a totals block with exact counts and human units, a note on which figures cover
 * the whole batch and the ops the convention does not count. A report timed on a device shows each layer's
 * roofline time, its share of the total time and its bound in place of the FLOPs share, and ends with the
 * {@link LatencySummary}. Fits about 120 columns: long layer names are shortened in the middle.
 */
public final class AnalysisTable {
    /** Widest layer name before it is shortened. */
    static final int NAME_WIDTH = 32;
    static final int OP_WIDTH = 16;
    static final int SHAPE_WIDTH = 18;
    /** Where notes below the table wrap. */
    static final int LINE_WIDTH = 100;

    private AnalysisTable() {
    }

    public static void write(CostReport report, Writer out) {
        write(report, Optional.empty(), out);
    }

    public static void write(CostReport report, Optional<LatencyReport> latency, Writer out) {
        try {
            out.write(render(report, latency));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String render(CostReport report) {
        return render(report, Optional.empty());
    }

    public static String render(CostReport report, Optional<LatencyReport> latency) {
        StringBuilder text = new StringBuilder();
        Convention convention = report.convention();
        text.append(String.format(Locale.ROOT, "%s  |  input %s  |  batch %d  |  convention %s (%s)  |  %d bytes"
                        + " per element\n", report.modelName(), ReportInputs.sampleText(ReportInputs.primary(report)),
                report.batch(), convention.id(), convention.unit(), report.elementBytes()));
        text.append(String.format(Locale.ROOT, "%s: %s\n\n", convention.id(), convention.description()));
        text.append(latency.map(l -> layers(report, l)).orElseGet(() -> layers(report))).append('\n');
        text.append(totals(report));
        if (report.batch() > 1) {
            text.append('\n').append(TextTable.wrap(String.format(Locale.ROOT, "per batch: MACs, FLOPs, activations,"
                    + " peak activation memory and memory traffic cover all %d samples; params and weights are per"
                    + " model.", report.batch()), LINE_WIDTH, "  "));
        }
        if (!report.notCounted().isEmpty()) {
            text.append('\n').append(TextTable.wrap(String.format(Locale.ROOT,
                    "not counted by the %s convention (FLOPs shown as -): %s", convention.id(),
                    notCounted(report.notCounted())), LINE_WIDTH, "  "));
        }
        Map<String, Long> fixed = report.layers().stream().filter(l -> l.precision().isPresent())
                .collect(java.util.stream.Collectors.groupingBy(l -> l.precision().orElseThrow().id(),
                        java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        if (!fixed.isEmpty()) {
            text.append('\n').append(TextTable.wrap(String.format(Locale.ROOT, "precision fixed by the model: %s; "
                    + "their bytes (and latency) are at that precision, the other layers' at %d bytes per element",
                    fixed.entrySet().stream().map(e -> e.getValue() + " layers " + e.getKey())
                            .collect(java.util.stream.Collectors.joining(", ")), report.elementBytes()),
                    LINE_WIDTH, "  "));
        }
        Map<String, Integer> uncounted = UncountedOps.of(report);
        if (!uncounted.isEmpty()) {
            text.append('\n').append(TextTable.wrap(String.format(Locale.ROOT,
                    "uncounted (no counting rule; their arithmetic is in no total): %s",
                    UncountedOps.describe(uncounted)), LINE_WIDTH, "  "));
        }
        latency.ifPresent(l -> text.append('\n').append(LatencySummary.render(l)));
        return text.toString();
    }

    private static String layers(CostReport report) {
        TextTable table = new TextTable()
                .column("name", Align.LEFT, NAME_WIDTH)
                .column("op", Align.LEFT, OP_WIDTH)
                .column("output shape", Align.LEFT, SHAPE_WIDTH)
                .column("params", Align.RIGHT)
                .column("MACs", Align.RIGHT)
                .column("FLOPs", Align.RIGHT)
                .column("% FLOPs", Align.RIGHT);
        long totalFlops = report.totals().flops();
        for (LayerCost layer : report.layers()) {
            Cost c = layer.cost();
            boolean counted = layer.countedByConvention();
            table.row(layer.node().name(), layer.node().op().type(), layer.outputShape().toString(),
                    Quantities.grouped(c.params()), Quantities.grouped(c.macs()),
                    counted ? Quantities.grouped(c.flops()) : "-",
                    counted ? Quantities.percent(c.flops(), totalFlops) : "-");
        }
        return table.render();
    }

    /**
     * With latency: the FLOPs share gives way to time, share of the time and bound ("-" for a layer that does not
     * run).
     */
    private static String layers(CostReport report, LatencyReport latency) {
        List<LayerTiming> timings = latency.layers();
        if (timings.size() != report.layers().size()) {
            throw new IllegalArgumentException("latency of " + timings.size() + " layers for a report of "
                    + report.layers().size());
        }
        TextTable table = new TextTable()
                .column("name", Align.LEFT, NAME_WIDTH)
                .column("op", Align.LEFT, OP_WIDTH)
                .column("output shape", Align.LEFT, SHAPE_WIDTH)
                .column("params", Align.RIGHT)
                .column("MACs", Align.RIGHT)
                .column("FLOPs", Align.RIGHT)
                .column("time", Align.RIGHT)
                .column("% time", Align.RIGHT)
                .column("bound", Align.LEFT);
        double total = latency.totalSeconds();
        for (int i = 0; i < timings.size(); i++) {
            LayerCost layer = report.layers().get(i);
            LayerTiming t = timings.get(i);
            Cost c = layer.cost();
            boolean runs = t.ops() > 0 || t.bytes() > 0;
            table.row(layer.node().name(), layer.node().op().type(), layer.outputShape().toString(),
                    Quantities.grouped(c.params()), Quantities.grouped(c.macs()),
                    layer.countedByConvention() ? Quantities.grouped(c.flops()) : "-",
                    runs ? Quantities.seconds(t.seconds()) : "-",
                    runs ? Quantities.percent(t.seconds(), total) : "-",
                    runs || t.bound() == Bound.FUSED ? t.bound().id() : "-");
        }
        return table.render();
    }

    private static String totals(CostReport report) {
        Cost t = report.totals();
        TextTable table = new TextTable()
                .column("totals", Align.LEFT)
                .column("exact", Align.RIGHT)
                .column("approx.", Align.RIGHT);
        table.row("params", Quantities.grouped(t.params()), Quantities.human(t.params()));
        report.storedParams().ifPresent(n -> table.row("params stored once (shared)", Quantities.grouped(n),
                Quantities.human(n)));
        table.row("MACs", Quantities.grouped(t.macs()), Quantities.human(t.macs()));
        table.row("FLOPs (" + report.convention().id() + " convention)", Quantities.grouped(t.flops()),
                Quantities.human(t.flops()));
        table.row("activations", Quantities.grouped(t.activations()), Quantities.human(t.activations()));
        bytes(table, "weights", report.weightBytes());
        bytes(table, "peak activation memory", report.peakActivationBytes());
        bytes(table, "memory traffic", t.memoryTrafficBytes());
        return table.render();
    }

    private static void bytes(TextTable table, String label, long bytes) {
        table.row(label + " (bytes)", Quantities.grouped(bytes), Quantities.bytes(bytes));
    }

    private static String notCounted(Map<String, Integer> notCounted) {
        return notCounted.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " layer)" : " layers)"))
                .collect(Collectors.joining(", "));
    }
}
