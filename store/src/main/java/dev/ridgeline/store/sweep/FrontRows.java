package dev.ridgeline.store.sweep;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.format.Csv;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one row of a sweep's {@code pareto.csv} (or {@code points.csv}) back against the job's space: the
 * choice of every knob, found by the knob's column and label, and the metrics the row holds. Rows are
 * numbered from 1, the first row after the header. A file whose columns or labels do not fit the space
 * (a sweep of another job) is an error naming the file and line.
 */
public final class FrontRows {
    /** A row: its number, a choice per knob of the space, and metrics by {@link Metric} ordinal (NaN when empty). */
    public record Row(int number, int[] choices, double[] metrics) {
        public Row {
            choices = choices.clone();
            metrics = metrics.clone();
        }

        @Override
        public int[] choices() {
            return choices.clone();
        }

        @Override
        public double[] metrics() {
            return metrics.clone();
        }
    }

    private FrontRows() {
    }

    public static Row read(Path csv, int row, DesignSpace space) {
        List<String> lines = lines(csv);
        BadInputException.check(!lines.isEmpty(), "%s is empty: not a sweep's pareto.csv", csv);
        List<String> header = cells(csv, 1, lines.get(0));
        int rows = lines.size() - 1;
        BadInputException.check(rows > 0, "--row %d: %s has no rows (the front is empty)", row, csv);
        BadInputException.check(row >= 1 && row <= rows, "--row %d: %s has rows 1 to %d", row, csv, rows);
        List<String> cells = cells(csv, row + 1, lines.get(row));
        BadInputException.check(cells.size() == header.size(), "%s:%d: %d cells under a header of %d columns", csv,
                row + 1, cells.size(), header.size());
        int[] choices = new int[space.knobCount()];
        for (int k = 0; k < choices.length; k++) {
            Knob knob = space.knobs().get(k);
            int column = header.indexOf(knob.name());
            BadInputException.check(column >= 0, "%s:1: no column %s: this file is not from a sweep of this job "
                    + "(its columns: %s)", csv, knob.name(), String.join(", ", header));
            String label = cells.get(column);
            choices[k] = knob.choiceOf(label);
            BadInputException.check(choices[k] >= 0, "%s:%d: column %s holds '%s', not a choice of this job's knob "
                    + "(%s): was the file written by a sweep of another job?", csv, row + 1, knob.name(), label,
                    String.join(", ", knob.labels()));
        }
        double[] metrics = new double[Metric.COUNT];
        Arrays.fill(metrics, Double.NaN);
        for (Metric m : Metric.values()) {
            int column = header.indexOf(m.id());
            if (column >= 0 && !cells.get(column).isEmpty()) {
                try {
                    metrics[m.ordinal()] = Double.parseDouble(cells.get(column));
                } catch (NumberFormatException e) {
                    throw new BadInputException(String.format("%s:%d: column %s holds '%s', not a number", csv,
                            row + 1, m.id(), cells.get(column)));
                }
            }
        }
        return new Row(row, choices, metrics);
    }

    private static List<String> lines(Path csv) {
        BadInputException.check(!Files.isDirectory(csv), "%s is a directory, not a CSV file", csv);
        BadInputException.check(Files.isRegularFile(csv), "%s: no such file", csv);
        try {
            return Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new BadInputException(csv + " is not text (UTF-8): not a sweep's CSV");
        } catch (IOException e) {
            throw new BadInputException(csv + ": cannot read: " + e.getMessage());
        }
    }

    private static List<String> cells(Path csv, int line, String text) {
        try {
            return Csv.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(String.format("%s:%d: %s", csv, line, e.getMessage()));
        }
    }
}
