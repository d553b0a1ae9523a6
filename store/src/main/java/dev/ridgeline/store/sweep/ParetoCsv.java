package dev.ridgeline.store.sweep;

import dev.ridgeline.store.format.Csv;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.space.DesignSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sweep's Pareto front as {@code pareto.csv}: the header
 * {@code params,macs,flops,latencySeconds,peakActivationBytes,weightBytes}, one column per knob named as
 * the knob ({@code width:stage3}), then one column per width knob with the channel counts its choice
 * resolves to ({@code channels:stage3}: "96", or "384/96/576/576" for a knob moving four groups), one row
 * per front point in the front's order (best first by the first objective). Counts are integers,
 * {@code latencySeconds} a plain decimal with six significant digits, an
 * unmeasured metric (latency without a device) an empty cell, and knob cells the choices' labels
 * ({@code 0.75}, {@code 5}, {@code separable}).
 */
public final class ParetoCsv {
    private ParetoCsv() {
    }

    /** The header for a space: the metric columns, then the knob columns. */
    public static List<String> header(DesignSpace space) {
        List<String> header = new ArrayList<>(SweepCells.METRIC_COLUMNS);
        header.addAll(SweepCells.knobColumns(space));
        header.addAll(SweepCells.channelColumns(space));
        return header;
    }

    public static void write(SweepResult result, Writer out) {
        write(result.space().space(), result.front(), out);
    }

    public static void write(DesignSpace space, List<ParetoPoint> front, Writer out) {
        try {
            Csv.line(out, header(space));
            for (ParetoPoint p : front) {
                List<String> row = SweepCells.metricCells(p.metrics());
                row.addAll(SweepCells.labels(space, p.choices()));
                row.addAll(SweepCells.channelCells(space, p.choices()));
                Csv.line(out, row);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
