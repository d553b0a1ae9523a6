package dev.ridgeline.store.read;

import dev.ridgeline.core.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV Ridgeline wrote (pareto.csv), held whole: its header and rows as text, and any column as numbers
 * by name, so that columns added or moved by later versions are read the same way.
 */
public record MetricTable(Path file, List<String> header, List<List<String>> rows) {
    public MetricTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    static MetricTable read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) {
                throw new BadInputException(file + ": empty; expected a header line of metric and knob names");
            }
            List<String> header = CsvLine.split(file, 1, first);
            List<List<String>> rows = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                List<String> cells = CsvLine.split(file, number, line);
                if (cells.size() != header.size()) {
                    throw new BadInputException(file + ":" + number + ": " + cells.size() + " cells under a header of "
                            + header.size());
                }
                rows.add(cells);
            }
            return new MetricTable(file, header, rows);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    public boolean has(String column) {
        return header.contains(column);
    }

    /** A column as numbers; NaN where a cell is empty or not a number. */
    public double[] numbers(String column) {
        int c = header.indexOf(column);
        if (c < 0) {
            throw new BadInputException(file + ": no column '" + column + "'; columns: " + String.join(", ", header));
        }
        double[] values = new double[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = CsvLine.number(rows.get(r).get(c));
        }
        return values;
    }
}
