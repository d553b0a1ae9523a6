package dev.ridgeline.measure.design;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.space.DesignSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one design back from a sweep's {@code pareto.csv} (or {@code points.csv}): row K (1 = the first data
 * row) gives, in the column named by each knob, the label of its choice.
 */
public final class FrontRow {
    private FrontRow() {
    }

    /** The choice index of every knob of {@code space} in row {@code row} (1-based) of {@code csv}. */
    public static int[] choices(Path csv, int row, DesignSpace space) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new BadInputException(csv + ": cannot read: " + e.getMessage());
        }
        BadInputException.check(!lines.isEmpty(), "%s:1:1: empty file; give the pareto.csv a sweep wrote", csv);
        int rows = (int) lines.stream().skip(1).filter(l -> !l.isBlank()).count();
        BadInputException.check(row >= 1 && row <= rows, "--row %s is out of range: %s has %s design rows (1 to %s)",
                row, csv, rows, rows);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        String[] cells = lines.get(row).split(",", -1);
        BadInputException.check(cells.length == header.size(), "%s:%s:1: %s cells, but the header has %s", csv,
                row + 1, cells.length, header.size());
        int[] choices = new int[space.knobCount()];
        for (int k = 0; k < space.knobCount(); k++) {
            String knob = space.knobs().get(k).name();
            int column = header.indexOf(knob);
            BadInputException.check(column >= 0, "%s:1:1: no column '%s': the file was written for another job or"
                    + " space (its knob columns: %s)", csv, knob, header);
            String label = cells[column].trim();
            List<String> labels = space.knobs().get(k).labels();
            choices[k] = labels.indexOf(label);
            BadInputException.check(choices[k] >= 0, "%s:%s:%s: knob '%s' has no choice '%s'; its choices: %s", csv,
                    row + 1, column + 1, knob, label, labels);
        }
        return choices;
    }
}
