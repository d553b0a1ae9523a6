package dev.ridgeline.report.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals: each column as wide as its widest cell (up to its limit, longer
 * text is shortened in the middle with "..."), text left-aligned, numbers right-aligned, columns two
 * spaces apart, a dashed rule under the header.
 */
public final class TextTable {
    /** Which side of its column a cell sticks to. */
    public enum Align { LEFT, RIGHT }

    private static final String GAP = "  ";
    private static final String ELLIPSIS = "...";

    private final List<String> headers = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<Integer> maxWidths = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds a column whose cells may be as wide as they need. */
    public TextTable column(String header, Align align) {
        return column(header, align, Integer.MAX_VALUE);
    }

    /** Adds a column whose cells are shortened to {@code maxWidth} characters. */
    public TextTable column(String header, Align align, int maxWidth) {
        if (maxWidth < ELLIPSIS.length() + 2) {
            throw new IllegalArgumentException("column '" + header + "' is too narrow: " + maxWidth);
        }
        headers.add(header);
        aligns.add(align);
        maxWidths.add(maxWidth);
        return this;
    }

    public TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    "a row of " + cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (int i = 0; i < cells.length; i++) {
            row.add(shorten(cells[i], maxWidths.get(i)));
        }
        rows.add(row);
        return this;
    }

    /** The table, one line per row after the header and its rule, each line ending in a newline. */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.min(headers.get(i).length(), maxWidths.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            header.add(shorten(headers.get(i), widths[i]));
            rule.add("-".repeat(widths[i]));
        }
        line(out, header, widths);
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(aligns.get(i) == Align.RIGHT ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Keeps the start and the end of a long text ("layer3.5.c...downsample.0"): both say where a layer is. */
    static String shorten(String text, int maxWidth) {
        if (text.length() <= maxWidth) {
            return text;
        }
        int keep = maxWidth - ELLIPSIS.length();
        int head = (keep + 1) / 2;
        int tail = keep - head;
        return text.substring(0, head) + ELLIPSIS + text.substring(text.length() - tail);
    }

    /** Breaks a note into lines of at most {@code width} characters at spaces, continuation lines indented. */
    public static String wrap(String note, int width, String indent) {
        StringBuilder out = new StringBuilder();
        String line = "";
        for (String word : note.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line = indent + word;
            } else {
                line = line.isEmpty() ? word : line + " " + word;
            }
        }
        return out.append(line).append('\n').toString();
    }
}
