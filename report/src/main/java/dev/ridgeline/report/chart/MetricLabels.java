package dev.ridgeline.report.chart;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.store.format.MetricUnits;
import dev.ridgeline.search.eval.Metric;
import java.util.Locale;

/** Names and values of sweep metrics for axes and captions, in each metric's unit. */
public final class MetricLabels {
    private MetricLabels() {
    }

    /** "latencySeconds" -> "latency (s)"; an unknown metric keeps its name. */
    public static String axis(String metric) {
        return switch (metric) {
            case "latencySeconds" -> "latency";
            case "peakActivationBytes" -> "peak activation memory";
            case "weightBytes" -> "weight memory";
            default -> metric;
        };
    }

    /** A value in the metric's unit: "1.25 ms", "3.4 M", "6.52 MiB"; "-" for NaN. */
    public static String human(String metric, double value) {
        return Metric.byId(metric).map(m -> MetricUnits.human(m, value))
                .orElseGet(() -> Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4g", value));
    }

    /** Tick labels: like {@link #human} but a count keeps up to three digits ("2.5 G"). */
    static String tick(String metric, double value) {
        if (metric.equals("latencySeconds")) {
            return Quantities.seconds(value);
        }
        return human(metric, value);
    }
}
