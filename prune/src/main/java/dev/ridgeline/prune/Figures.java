package dev.ridgeline.prune;

import dev.ridgeline.search.eval.Metric;
import java.util.Locale;

/** Metric values in words for notes: latency in ms, bytes in MB, counts in millions, accuracy in points. */
public final class Figures {
    private Figures() {
    }

    public static String format(Metric m, double v) {
        return switch (m) {
            case LATENCY_SECONDS -> String.format(Locale.ROOT, "%.3f ms", v * 1e3);
            case PEAK_ACTIVATION_BYTES, WEIGHT_BYTES -> String.format(Locale.ROOT, "%.3f MB", v / 1e6);
            case PARAMS -> String.format(Locale.ROOT, "%.3f M params", v / 1e6);
            case MACS -> String.format(Locale.ROOT, "%.3f GMACs", v / 1e9);
            case FLOPS -> String.format(Locale.ROOT, "%.3f GFLOPs", v / 1e9);
            case ACCURACY -> String.format(Locale.ROOT, "%.2f points", v);
        };
    }

    public static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
