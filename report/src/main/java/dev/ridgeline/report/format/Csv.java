package dev.ridgeline.report.format;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes CSV rows as RFC 4180 has them, for every CSV Ridgeline writes. */
public final class Csv {
    private Csv() {
    }

    /** One row: cells joined by commas, quoted where needed, ended by a newline. */
    public static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write('\n');
    }

    /** A cell quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
    public static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** The cells of one line as {@link #line} writes them (quoted cells unquoted, doubled quotes undone). */
    public static List<String> parse(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
