package dev.ridgeline.search.eval;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a design point is measured by. {@link #id()} is the name job files, budgets, objectives and CSV
 * headers use; {@link #ordinal()} indexes the metric arrays evaluators fill.
 */
public enum Metric {
    PARAMS("params"),
    MACS("macs"),
    FLOPS("flops"),
    LATENCY_SECONDS("latencySeconds"),
    PEAK_ACTIVATION_BYTES("peakActivationBytes"),
    WEIGHT_BYTES("weightBytes"),
    /** A score predicted from measured designs (higher is better); NaN where a job measured none. */
    ACCURACY("accuracy");

    /** The number of metrics: the length of a metrics array. */
    public static final int COUNT = values().length;

    private final String id;

    Metric(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Metric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", "));
    }
}
