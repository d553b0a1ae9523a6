package dev.ridgeline.prune;

import dev.ridgeline.search.eval.Metric;
import java.util.Locale;

/** Metric values in words for notes: latency in ms, bytes in MB, counts in millions, accuracy in points. */
public final class Figures {
    private Figures() {
    }

    public static String format(Metric m, double v) {
        return switch (m) {
            case LATENCY_SECONDS -> thousandths(v * 1e3) + " ms";
            case PEAK_ACTIVATION_BYTES, WEIGHT_BYTES -> thousandths(v / 1e6) + " MB";
            case PARAMS -> thousandths(v / 1e6) + " M params";
            case MACS -> thousandths(v / 1e9) + " GMACs";
            case FLOPS -> thousandths(v / 1e9) + " GFLOPs";
            case ACCURACY -> String.format(Locale.ROOT, "%.2f points", v);
        };
    }

    /** Three decimals, or three significant digits for a value those would print as zero (a budget of 1e-7 s). */
    private static String thousandths(double v) {
        return v != 0 && Math.abs(v) < 0.0005 ? String.format(Locale.ROOT, "%.3g", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    public static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
