package dev.ridgeline.report.analysis;

import dev.ridgeline.store.format.Quantities;

import dev.ridgeline.store.format.Csv;
import dev.ridgeline.core.count.Cost;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.hardware.device.Precision;
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
 * flops over the total flops, a fraction with six decimals (empty when the total is 0). Every row also
 * says what produced its figures, so that a row read alone is complete: {@code convention}, {@code precision}
 * (which sets every byte figure) and {@code batch} (the MACs, FLOPs, activations and bytes cover it all). A
 * report timed on a device adds {@code seconds} (the layer's roofline time, a plain decimal with
 * {@link Csv#SECONDS_DIGITS} significant digits) and {@code bound} (compute or memory); the TOTAL row holds
 * the total seconds and no bound. Every number is a plain decimal, never E-notation.
 */
public final class AnalysisCsv {
    public static final List<String> HEADER = List.of("name", "op", "inputs", "outputShape", "params", "macs",
            "flops", "activations", "readBytes", "writeBytes", "share", "convention", "precision", "batch");

    /** The columns a timed report adds after {@link #HEADER}. */
    public static final List<String> LATENCY_COLUMNS = List.of("seconds", "bound");

    /** The name of the last row, which holds the totals. */
    public static final String TOTAL = "TOTAL";

    private AnalysisCsv() {
    }

    /** The report, counted at {@code precision} (whose element size its byte figures use). */
    public static void write(CostReport report, Precision precision, Writer out) {
        write(report, precision, Optional.empty(), out);
    }

    /** The report, with the latency columns when it was timed on a device. */
    public static void write(CostReport report, Precision precision, Optional<LatencyReport> latency, Writer out) {
        List<LayerTiming> timings = latency.map(LatencyReport::layers).orElse(List.of());
        if (precision.bytes() != report.elementBytes()) {
            throw new IllegalArgumentException("a report counted at " + report.elementBytes() + " bytes per element"
                    + " written as " + precision.id() + " (" + precision.bytes() + " bytes)");
        }
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
            List<String> setup = List.of(report.convention().id(), precision.id(), Integer.toString(report.batch()));
            long totalFlops = report.totals().flops();
            for (int i = 0; i < report.layers().size(); i++) {
                LayerCost layer = report.layers().get(i);
                Cost c = layer.cost();
                List<String> row = new ArrayList<>(List.of(layer.node().name(), layer.node().op().type(),
                        String.join(";", layer.node().inputs()), layer.outputShape().toString(),
                        Long.toString(c.params()), Long.toString(c.macs()), Long.toString(c.flops()),
                        Long.toString(c.activations()), Long.toString(c.readBytes()), Long.toString(c.writeBytes()),
                        Quantities.fraction(c.flops(), totalFlops)));
                // a layer whose precision the model fixes (a quantized file's INT8 layer) carries its own
                row.addAll(layer.precision().isEmpty() ? setup
                        : List.of(setup.get(0), layer.precision().get().id(), setup.get(2)));
                if (latency.isPresent()) {
                    LayerTiming timing = timings.get(i);
                    row.add(Csv.seconds(timing.seconds()));
                    row.add(timing.bound().id());
                }
                Csv.line(out, row);
            }
            Cost t = report.totals();
            List<String> total = new ArrayList<>(List.of(TOTAL, "", "", "", Long.toString(t.params()),
                    Long.toString(t.macs()), Long.toString(t.flops()), Long.toString(t.activations()),
                    Long.toString(t.readBytes()), Long.toString(t.writeBytes()),
                    Quantities.fraction(t.flops(), totalFlops)));
            total.addAll(setup);
            latency.ifPresent(l -> {
                total.add(Csv.seconds(l.totalSeconds()));
                total.add("");
            });
            Csv.line(out, total);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
