package dev.ridgeline.store.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;

/**
 * How reports print numbers for people: exact counts with thousands separators ("4,089,184,256"),
 * counts in SI units to three significant digits ("4.09 G", "25.6 M", "1.2 k"), bytes in binary units (KiB, MiB, GiB),
 * shares as percentages, durations ("12.3 us", "1.25 ms") and device figures in the decimal units of datasheets
 * ("989 TFLOPS", "3350 GB/s", "80 GB"). Output is the same in every locale.
 */
public final class Quantities {
    private static final String[] SI_PREFIXES = {"", " k", " M", " G", " T", " P", " E"};
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_UP);
    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final String[] TIME_UNITS = {"s", "ms", "us", "ns"};
    private static final String[] DECIMAL_PREFIXES = {"", "k", "M", "G", "T", "P", "E"};

    private Quantities() {
    }

    /** An exact count with "," between thousands: {@code 25557032 -> "25,557,032"}. */
    public static String grouped(long count) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(count);
    }

    /**
     * A count to three significant digits in SI units (powers of 1000), trailing zeros dropped:
     * {@code 4089184256 -> "4.09 G"}, {@code 1200 -> "1.2 k"}, {@code 532 -> "532"}.
     */
    public static String human(long count) {
        if (count == Long.MIN_VALUE) {
            return "-" + human(Long.MAX_VALUE);
        }
        if (count < 0) {
            return "-" + human(-count);
        }
        BigDecimal rounded = new BigDecimal(count).round(THREE_DIGITS);
        int prefix = 0;
        // choose the unit after rounding so that 999,950 reads "1 M", not "1000 k"
        while (prefix < SI_PREFIXES.length - 1 && rounded.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            rounded = rounded.movePointLeft(3);
            prefix++;
        }
        return rounded.stripTrailingZeros().toPlainString() + SI_PREFIXES[prefix];
    }

    /**
     * Bytes in the largest binary unit that keeps the number at least 1, two decimals:
     * {@code 102228128 -> "97.49 MiB"}, {@code 1285292192 -> "1.20 GiB"}, {@code 532 -> "532 B"}.
     */
    public static String bytes(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (unit < BINARY_UNITS.length - 1 && Math.abs(value) >= 1024) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f %s", value, BINARY_UNITS[unit]);
    }

    /** {@code part / whole} as a percentage with one decimal ("2.9%"), or "-" when the whole is zero. */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** {@code part / whole} as a fraction with six decimals ("0.028860"), or "" when the whole is zero. */
    public static String fraction(long part, long whole) {
        if (whole == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.6f", (double) part / whole);
    }

    /** {@code part / whole} as a percentage with one decimal ("2.9%"), or "-" when the whole is not above zero. */
    public static String percent(double part, double whole) {
        if (!(whole > 0)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /**
     * A duration to three significant digits in the largest of s, ms, us and ns that keeps it at least 1:
     * {@code 1.25e-3 -> "1.25 ms"}, {@code 1.23e-5 -> "12.3 us"}, {@code 3e-6 -> "3.00 us"}, {@code 0 -> "0 s"};
     * "-" for a value that is not finite.
     */
    public static String seconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        if (seconds == 0) {
            return "0 s";
        }
        BigDecimal exact = new BigDecimal(seconds);
        for (int unit = 0; ; unit++) {
            // round in each unit before comparing, so that 999.96 us reads "1.00 ms"
            BigDecimal rounded = exact.movePointRight(3 * unit).round(THREE_DIGITS);
            if (rounded.abs().compareTo(BigDecimal.ONE) >= 0 || unit == TIME_UNITS.length - 1) {
                // keep three digits: 2.5 s reads "2.50 s" like its neighbours in a column
                BigDecimal shown = rounded.setScale(Math.max(0, rounded.scale() + 3 - rounded.precision()));
                return shown.toPlainString() + " " + TIME_UNITS[unit];
            }
        }
    }

    /**
     * A figure in decimal SI units to four significant digits, trailing zeros dropped, with the prefix that
     * keeps it at least 1 (up to {@code maxPrefix}, "T" for operations): {@code (989e12, "FLOPS", "T")} ->
     * "989 TFLOPS", {@code (3.35e12, "B/s", "G")} -> "3350 GB/s", {@code (5e11, "FLOPS", "T")} -> "500 GFLOPS".
     */
    public static String decimal(double value, String unit, String maxPrefix) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        int prefix = Arrays.asList(DECIMAL_PREFIXES).indexOf(maxPrefix);
        if (prefix < 0) {
            throw new IllegalArgumentException("unknown SI prefix '" + maxPrefix + "'");
        }
        BigDecimal exact = new BigDecimal(value);
        while (prefix > 0 && exact.movePointLeft(3 * prefix).round(FOUR_DIGITS).abs().compareTo(BigDecimal.ONE) < 0) {
            prefix--;
        }
        BigDecimal scaled = exact.movePointLeft(3 * prefix).round(FOUR_DIGITS).stripTrailingZeros();
        return scaled.toPlainString() + " " + DECIMAL_PREFIXES[prefix] + unit;
    }

    /** Device memory in decimal units as datasheets give it: {@code 80e9 -> "80 GB"}, {@code 50e6 -> "50 MB"}. */
    public static String decimalBytes(double bytes) {
        return decimal(bytes, "B", "T");
    }
}
