package dev.ridgeline.store.format;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;

/**
 * Metric values for people: counts in SI units ("3.4 M"), bytes in binary units ("6.52 MiB"), latency in
 * s/ms/us ("1.85 ms"), "-" for a metric that was not measured; and budgets as inequalities
 * ("latencySeconds <= 2.00 ms").
 */
public final class MetricUnits {
    private MetricUnits() {
    }

    public static String human(Metric metric, double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return switch (metric) {
            case PARAMS, MACS, FLOPS -> Quantities.human(Math.round(value));
            case PEAK_ACTIVATION_BYTES, WEIGHT_BYTES -> Quantities.bytes(Math.round(value));
            case LATENCY_SECONDS -> Quantities.seconds(value);
        };
    }

    /** A budget as an inequality: "params <= 3 M", "macs >= 100 M", "100 M <= macs <= 300 M". */
    public static String budget(Budget b) {
        Metric m = b.metric();
        boolean max = !Double.isNaN(b.max());
        boolean min = !Double.isNaN(b.min());
        if (max && min) {
            return human(m, b.min()) + " <= " + m.id() + " <= " + human(m, b.max());
        }
        if (max) {
            return m.id() + " <= " + human(m, b.max());
        }
        return m.id() + " >= " + human(m, b.min());
    }
}
