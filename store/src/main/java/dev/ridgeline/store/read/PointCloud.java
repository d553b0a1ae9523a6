package dev.ridgeline.store.read;

import dev.ridgeline.core.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feasible points of a sweep's points.csv, read in one streaming pass and kept as one array of numbers per
 * metric column asked for; knob columns are skipped. A million-row file reads in about a second.
 *
 * @param total every row of the file, feasible or not
 */
public record PointCloud(Path file, Map<String, double[]> columns, int feasible, long total) {

    public double[] column(String metric) {
        double[] values = columns.get(metric);
        if (values == null) {
            throw new IllegalArgumentException("no column " + metric + " was read from " + file);
        }
        return values;
    }

    /**
     * @param metrics the metric columns to keep; those the file lacks are left out
     */
    static PointCloud read(Path file, List<String> metrics) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw new BadInputException(file + ": empty; expected the header of sweep --all-points");
            }
            List<String> header = CsvLine.split(file, 1, first);
            int feasibleColumn = header.indexOf("feasible");
            String[] names = metrics.stream().filter(header::contains).distinct().toArray(String[]::new);
            int[] at = Arrays.stream(names).mapToInt(header::indexOf).toArray();
            int capacity = 1 << 12;
            double[][] values = new double[names.length][capacity];
            int kept = 0;
            long total = 0;
            int[] starts = new int[header.size() + 1];
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                total++;
                if (!cellStarts(file, total + 1, line, starts, header.size())) {
                    throw new BadInputException(file + ":" + (total + 1) + ": expected " + header.size() + " cells");
                }
                if (feasibleColumn >= 0 && !cell(line, starts, feasibleColumn).equals("true")) {
                    continue;
                }
                if (kept == capacity) {
                    capacity *= 2;
                    for (int m = 0; m < values.length; m++) {
                        values[m] = Arrays.copyOf(values[m], capacity);
                    }
                }
                for (int m = 0; m < names.length; m++) {
                    values[m][kept] = CsvLine.number(cell(line, starts, at[m]));
                }
                kept++;
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int m = 0; m < names.length; m++) {
                columns.put(names[m], Arrays.copyOf(values[m], kept));
            }
            return new PointCloud(file, columns, kept, total);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Where each cell starts (starts[c]) and ends (starts[c + 1] - 1); false when the count is wrong. */
    private static boolean cellStarts(Path file, long number, String line, int[] starts, int cells) {
        if (line.indexOf('"') >= 0) {
            List<String> split = CsvLine.split(file, number, line);
            return split.size() == cells && quotedFallback(line, starts, cells);
        }
        int c = 0;
        starts[0] = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                if (++c >= cells) {
                    return false;
                }
                starts[c] = i + 1;
            }
        }
        starts[c + 1] = line.length() + 1;
        return c == cells - 1;
    }

    /** Quoted cells occur only among the knob labels; metric and feasible cells never hold commas. */
    private static boolean quotedFallback(String line, int[] starts, int cells) {
        int c = 0;
        boolean quoted = false;
        starts[0] = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                starts[++c] = i + 1;
            }
        }
        starts[c + 1] = line.length() + 1;
        return c == cells - 1;
    }

    private static String cell(String line, int[] starts, int c) {
        return line.substring(starts[c], starts[c + 1] - 1);
    }
}
