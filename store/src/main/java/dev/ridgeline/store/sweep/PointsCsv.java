package dev.ridgeline.store.sweep;

import dev.ridgeline.store.format.Csv;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.run.RecordedPoints;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.space.DesignSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every point a sweep evaluated as {@code points.csv}: the columns of {@link ParetoCsv} with
 * {@code index} (the point's number in the space, last knob fastest; empty in a space too large to number
 * with a long) first and {@code feasible}
 * ({@code true}/{@code false}: whether it met every budget) last, one row per point in index order.
 */
public final class PointsCsv {
    public static final String INDEX = "index";
    public static final String FEASIBLE = "feasible";

    private PointsCsv() {
    }

    public static List<String> header(DesignSpace space) {
        List<String> header = new ArrayList<>();
        header.add(INDEX);
        header.addAll(ParetoCsv.header(space));
        header.add(FEASIBLE);
        return header;
    }

    /**
     * @throws IllegalArgumentException if the sweep did not record its points (it ran without --all-points)
     */
    public static void write(SweepResult result, Writer out) {
        RecordedPoints points = result.points().orElseThrow(() -> new IllegalArgumentException(
                "the sweep did not record its points: run it with --all-points"));
        write(result.space().space(), points, out);
    }

    public static void write(DesignSpace space, RecordedPoints points, Writer out) {
        if (points.knobs() != space.knobCount()) {
            throw new IllegalArgumentException("points of " + points.knobs() + " knobs for a space of "
                    + space.knobCount());
        }
        int knobs = space.knobCount();
        try {
            Csv.line(out, header(space));
            List<String> row = new ArrayList<>(2 * knobs + Metric.COUNT + 2);
            int[] choices = new int[knobs];
            for (int r = 0; r < points.size(); r++) {
                row.clear();
                long index = points.index()[r];
                row.add(index < 0 ? "" : Long.toString(index));
                for (Metric m : Metric.values()) {
                    row.add(SweepCells.cell(m, points.metric(r, m)));
                }
                for (int k = 0; k < knobs; k++) {
                    choices[k] = points.choice(r, k);
                    row.add(SweepCells.label(space, k, choices[k]));
                }
                row.addAll(SweepCells.channelCells(space, choices));
                row.add(Boolean.toString(points.feasible()[r]));
                Csv.line(out, row);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
