package dev.ridgeline.store.format;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Writes CSV rows as RFC 4180 has them, for every CSV Ridgeline writes, and reads such rows back. Numbers
 * are always plain decimals ("0.000123457", never "1.23457E-4"), so that a spreadsheet or a person reads
 * them as written.
 */
public final class Csv {
    /** Significant digits of a time in seconds: a roofline estimate means nothing beyond them. */
    public static final int SECONDS_DIGITS = 6;

    private static final MathContext SECONDS = new MathContext(SECONDS_DIGITS, RoundingMode.HALF_EVEN);

    private Csv() {
    }

    /**
     * A time in seconds as a plain decimal with {@link #SECONDS_DIGITS} significant digits, trailing zeros
     * kept so every cell of a column has the same precision: 1.234567e-4 is "0.000123457", 2 is "2.00000".
     */
    public static String seconds(double seconds) {
        return significant(seconds, SECONDS);
    }

    /** A finite number as the shortest plain decimal that reads back as the same double: "20.5", "0.0000001", "3". */
    public static String decimal(double value) {
        checkFinite(value);
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String significant(double value, MathContext digits) {
        checkFinite(value);
        BigDecimal rounded = new BigDecimal(value).round(digits);
        if (rounded.precision() < digits.getPrecision()) {
            rounded = rounded.setScale(rounded.scale() + digits.getPrecision() - rounded.precision());
        }
        return rounded.toPlainString();
    }

    private static void checkFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a CSV number must be finite, got " + value);
        }
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

    /**
     * The cells of one line written by {@link #line} (without its newline): split at commas outside quotes,
     * quoted cells unquoted with doubled quotes undone.
     *
     * @throws IllegalArgumentException for a quote that is not closed
     */
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
        if (quoted) {
            throw new IllegalArgumentException("a quoted cell is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
