package dev.ridgeline.store.read;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.format.Csv;
import java.nio.file.Path;
import java.util.List;

/** One line of a CSV that report.format.Csv wrote: its cells and their numbers. */
final class CsvLine {
    private CsvLine() {
    }

    /** The cells of line {@code number} of a file, as {@link Csv#parse} reads them; an unclosed quote is bad input. */
    static List<String> split(Path file, long number, String line) {
        try {
            return Csv.parse(line);
        } catch (IllegalArgumentException e) {
            String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
            throw new BadInputException(file + ":" + number + ": a quoted cell is not closed: " + shown);
        }
    }

    /** A cell as a number; NaN when empty or not a number. */
    static double number(String cell) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
