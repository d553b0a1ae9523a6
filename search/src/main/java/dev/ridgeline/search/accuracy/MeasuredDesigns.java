package dev.ridgeline.search.accuracy;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.io.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV of measured designs against a space: a header naming every knob as {@code pareto.csv} does
 * ({@code param:width_mult}, {@code resolution}, {@code width:stage3}, ...) and an {@code accuracy} column
 * (any score, higher is better); one design per line, each knob's value as the sweep writes it (a label such as
 * {@code 0.75|1.0}, or any choice it stands for, or the same number written otherwise: {@code 1} for {@code 1.0}). Other columns are ignored, so a {@code pareto.csv} with an
 * accuracy column added reads as it is. A {@code model} column may name each design's model file instead of
 * its knob choices (parsed against a resolved space). Blank lines and lines starting with '#' are skipped. A missing knob
 * column, a value the space lacks, or an accuracy that is not a number is reported at its file:line:column.
 */
public final class MeasuredDesigns {
    /** The column that holds the measured score. */
    public static final String ACCURACY = "accuracy";

    private MeasuredDesigns() {
    }

    /** The column that may name each design's model file instead of its knob choices. */
    public static final String MODEL = "model";

    public static List<MeasuredDesign> parse(String source, String text, DesignSpace space) {
        return parse(source, text, space, null, null);
    }

    /**
     * As {@link #parse(String, String, DesignSpace)}, and a design may be named by its model file: a
     * {@code model} column (paths relative to {@code folder}, the CSV's own) takes the knob columns' place;
     * each file must be a design of the space (see ModelDesigns).
     */
    public static List<MeasuredDesign> parse(String source, String text, ResolvedSpace space, Path folder) {
        return parse(source, text, space.space(), space, folder);
    }

    private static List<MeasuredDesign> parse(String source, String text, DesignSpace space, ResolvedSpace resolved,
                                              Path folder) {
        String[] lines = text.split("\r?\n", -1);
        int header = 0;
        while (header < lines.length && skip(lines[header])) {
            header++;
        }
        if (header == lines.length) {
            throw new BadInputException(source + ": no header; the first line names the knob columns and "
                    + ACCURACY);
        }
        List<String> columns = cells(lines[header]);
        List<Knob> knobs = space.knobs();
        int[] column = new int[knobs.size()];
        int model = resolved == null ? -1 : columns.indexOf(MODEL);
        ModelDesigns models = model < 0 ? null : new ModelDesigns(resolved);
        for (int k = 0; k < knobs.size() && model < 0; k++) {
            column[k] = columns.indexOf(knobs.get(k).name());
            if (column[k] < 0) {
                throw new BadInputException(String.format(Locale.ROOT, "%s:%d: no column '%s': a measured design "
                        + "names its choice of every knob of the space (%s), or its model file in a '%s' column, "
                        + "and its %s", source, header + 1, knobs.get(k).name(),
                        String.join(", ", knobs.stream().map(Knob::name).toList()), MODEL, ACCURACY));
            }
        }
        int score = columns.indexOf(ACCURACY);
        if (score < 0) {
            throw new BadInputException(String.format(Locale.ROOT, "%s:%d: no column '%s' (the measured score, "
                    + "higher is better); the header has: %s", source, header + 1, ACCURACY, String.join(", ", columns)));
        }
        List<MeasuredDesign> out = new ArrayList<>();
        for (int i = header + 1; i < lines.length; i++) {
            if (skip(lines[i])) {
                continue;
            }
            List<String> cells = cells(lines[i]);
            int line = i + 1;
            if (cells.size() != columns.size()) {
                throw new BadInputException(String.format(Locale.ROOT, "%s:%d: %d values for the %d columns of the "
                        + "header", source, line, cells.size(), columns.size()));
            }
            int[] choices = model < 0 ? new int[knobs.size()]
                    : fromModel(models, cells.get(model), folder, source + ":" + line + ":" + columnOf(lines[i], model));
            for (int k = 0; k < knobs.size() && model < 0; k++) {
                Knob knob = knobs.get(k);
                String value = cells.get(column[k]);
                choices[k] = choice(knob, value);
                if (choices[k] < 0) {
                    throw new BadInputException(String.format(Locale.ROOT, "%s:%d:%d: %s has no choice '%s' in this "
                            + "space; its choices: %s", source, line, columnOf(lines[i], column[k]), knob.name(), value,
                            String.join(", ", knob.labels())));
                }
            }
            String a = cells.get(score);
            double accuracy;
            try {
                accuracy = Double.parseDouble(a);
            } catch (NumberFormatException e) {
                accuracy = Double.NaN;
            }
            if (!Double.isFinite(accuracy)) {
                throw new BadInputException(String.format(Locale.ROOT, "%s:%d:%d: %s must be a number (higher is "
                        + "better, e.g. top-1 in percent), got '%s'", source, line, columnOf(lines[i], score), ACCURACY,
                        a));
            }
            out.add(new MeasuredDesign(line, choices, accuracy));
        }
        if (out.isEmpty()) {
            throw new BadInputException(source + ": no measured designs after the header");
        }
        return out;
    }

    /** The design a model file (relative to the CSV's folder) is, or an error at {@code where}. */
    private static int[] fromModel(ModelDesigns models, String cell, Path folder, String where) {
        if (cell.isEmpty()) {
            throw new BadInputException(where + ": model: empty; name the design's model file (relative to this CSV)");
        }
        Path file = folder.resolve(cell).normalize();
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: model: no file '%s' (looked for %s, relative "
                    + "to this CSV)", where, cell, file));
        }
        Model read;
        try {
            read = ModelLoader.load(file.toString());
        } catch (BadInputException e) {
            throw new BadInputException(where + ": model '" + cell + "' cannot be read: " + e.getMessage());
        }
        try {
            return models.match(read);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: model '%s' is no design of this space: %s",
                    where, cell, e.getMessage()));
        }
    }

    /** The choice a value names: its label or a choice it stands for, or a label of equal number ("1" for "1.0"). */
    private static int choice(Knob knob, String value) {
        int c = knob.choiceOf(value);
        if (c >= 0) {
            return c;
        }
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return -1;
        }
        for (int i = 0; i < knob.written().size(); i++) {
            for (String w : knob.written().get(i)) {
                try {
                    if (Double.parseDouble(w) == v) {
                        return i;
                    }
                } catch (NumberFormatException e) {
                    // a label that is no number
                }
            }
        }
        return -1;
    }

    private static boolean skip(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split(",", -1)).map(c -> unquote(c.strip())).toList();
    }

    private static String unquote(String c) {
        return c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c;
    }

    /** The 1-based column where cell {@code index} of a line starts. */
    private static int columnOf(String line, int index) {
        int at = 0;
        for (int i = 0; i < index; i++) {
            at = line.indexOf(',', at) + 1;
        }
        while (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        return at + 1;
    }
}
