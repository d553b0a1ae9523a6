package dev.ridgeline.report.chart.svg;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tick marks at round values in friendly units: on a linear axis steps of 1, 2 or 5 times a power of ten in the
 * unit that keeps the largest value at least 1 ("150 KiB", not "146.48 KiB"); on a log axis every decade, with
 * 2 and 5 between them when the axis spans less than two decades.
 */
public final class Ticks {
    private static final String[] SI_BYTES = {" B", " kB", " MB", " GB", " TB", " PB"};

    private Ticks() {
    }

    /** A tick: where it goes and what it reads. */
    public record Tick(double value, String label) {
    }

    public static List<Tick> linear(double min, double max, Unit unit) {
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        int k = prefix(magnitude, unit.step, unit.names.length, unit == Unit.SECONDS);
        double f = factor(unit, k);
        double span = (max - min) / f;
        if (!(span > 0)) {
            span = Math.max(Math.abs(max / f), 1);
        }
        double raw = span / 5;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / pow;
        double step = (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * pow;
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        List<Tick> ticks = new ArrayList<>();
        double first = Math.ceil(min / f / step - 1e-9) * step;
        for (double v = first; v <= max / f + step * 1e-6 && ticks.size() < 50; v += step) {
            double rounded = new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
            ticks.add(new Tick(rounded * f, number(rounded, decimals) + unit.names[k]));
        }
        return ticks;
    }

    public static List<Tick> log(double min, double max, Unit unit) {
        int lo = (int) Math.ceil(Math.log10(min) - 1e-9);
        int hi = (int) Math.floor(Math.log10(max) + 1e-9);
        List<Tick> ticks = new ArrayList<>();
        boolean fine = hi - lo < 2;
        for (int d = lo - 1; d <= hi; d++) {
            for (int m : fine ? new int[] {1, 2, 5} : new int[] {1}) {
                double v = m * Math.pow(10, d);
                if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                    ticks.add(new Tick(v, label(v, unit)));
                }
            }
        }
        return ticks;
    }

    /** One value as a tick on a log axis reads: "1 ms", "10 MB", "100 K". */
    public static String label(double v, Unit unit) {
        boolean bytes = unit == Unit.BYTES;
        double step = bytes ? 1000 : unit.step;
        String[] names = bytes ? SI_BYTES : unit == Unit.PLAIN ? new String[] {"", " K", " M", " G", " T"}
                : unit.names;
        int k = prefix(Math.abs(v), step, names.length, unit == Unit.SECONDS);
        double f = unit == Unit.SECONDS ? Math.pow(step, -k) : Math.pow(step, k);
        double shown = v / f;
        int decimals = shown >= 1 || shown == 0 ? 0 : (int) Math.ceil(-Math.log10(shown) - 1e-9);
        return number(new BigDecimal(shown).setScale(Math.min(decimals + 1, 12), java.math.RoundingMode.HALF_UP)
                .doubleValue(), decimals + 1) + names[k];
    }

    /** The prefix index that keeps the value at least 1 (for seconds: the one that brings it to at least 1). */
    private static int prefix(double magnitude, double step, int count, boolean downward) {
        int k = 0;
        if (downward) {
            while (k + 1 < count && magnitude > 0 && magnitude * Math.pow(step, k) < 1) {
                k++;
            }
        } else {
            while (k + 1 < count && magnitude >= Math.pow(step, k + 1)) {
                k++;
            }
        }
        return k;
    }

    private static double factor(Unit unit, int k) {
        return unit == Unit.SECONDS ? Math.pow(unit.step, -k) : Math.pow(unit.step, k);
    }

    private static String number(double v, int decimals) {
        String s = new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
