package dev.ridgeline.report.analysis;

import dev.ridgeline.report.format.Csv;
import dev.ridgeline.core.count.Cost;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.hardware.roofline.LayerTiming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link CostReport} as CSV (RFC 4180 quoting, "\n" line ends): a header, one row per layer
 * and a final TOTAL row. {@code inputs} are joined by ";", shapes print batch first as 1x64x112x112,
 * {@code flops} is the convention's figure (0 for a layer it ignores) and {@code share} the layer's
 * flops over the total flops, a fraction with six decimals (empty when the total is 0). A report timed on a
 * device adds {@code seconds} (the layer's roofline time, a decimal that reads back as the same double) and
 * {@code bound} (compute or memory); the TOTAL row holds the total seconds and no bound.
 */
public final class AnalysisCsv {
    public static final List<String> HEADER = List.of("name", "op", "inputs", "outputShape", "params", "macs",
            "flops", "activations", "readBytes", "writeBytes", "share");

    /** The columns a timed report adds after {@link #HEADER}. */
    public static final List<String> LATENCY_COLUMNS = List.of("seconds", "bound");

    /** The name of the last row, which holds the totals. */
    public static final String TOTAL = "TOTAL";

    private AnalysisCsv() {
    }

    public static void write(CostReport report, Writer out) {
        write(report, Optional.empty(), out);
    }

    /** The report, with the latency columns when it was timed on a device. */
    public static void write(CostReport report, Optional<LatencyReport> latency, Writer out) {
        List<LayerTiming> timings = latency.map(LatencyReport::layers).orElse(List.of());
        if (latency.isPresent() && timings.size() != report.layers().size()) {
            throw new IllegalArgumentException("latency of " + timings.size() + " layers for a report of "
                    + report.layers().size());
        }
        try {
            List<String> header = new ArrayList<>(HEADER);
            if (latency.isPresent()) {
                header.addAll(LATENCY_COLUMNS);
            }
            Csv.line(out, header);
            long totalFlops = report.totals().flops();
            for (int i = 0; i < report.layers().size(); i++) {
                LayerCost layer = report.layers().get(i);
                Cost c = layer.cost();
                List<String> row = new ArrayList<>(List.of(layer.node().name(), layer.node().op().type(),
                        String.join(";", layer.node().inputs()), layer.outputShape().toString(),
                        Long.toString(c.params()), Long.toString(c.macs()), Long.toString(c.flops()),
                        Long.toString(c.activations()), Long.toString(c.readBytes()), Long.toString(c.writeBytes()),
                        Quantities.fraction(c.flops(), totalFlops)));
                if (latency.isPresent()) {
                    LayerTiming timing = timings.get(i);
                    row.add(Double.toString(timing.seconds()));
                    row.add(timing.bound().id());
                }
                Csv.line(out, row);
            }
            Cost t = report.totals();
            List<String> total = new ArrayList<>(List.of(TOTAL, "", "", "", Long.toString(t.params()),
                    Long.toString(t.macs()), Long.toString(t.flops()), Long.toString(t.activations()),
                    Long.toString(t.readBytes()), Long.toString(t.writeBytes()),
                    Quantities.fraction(t.flops(), totalFlops)));
            latency.ifPresent(l -> {
                total.add(Double.toString(l.totalSeconds()));
                total.add("");
            });
            Csv.line(out, total);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
