package dev.ridgeline.report.chart.svg;

import dev.ridgeline.search.eval.Metric;

/**
 * What the numbers on an axis count, and so how its ticks read: counts in K, M, G; bytes in KiB, MiB, GiB on a
 * linear axis and kB, MB, GB at the decades of a log axis; seconds in s, ms, us, ns; plain numbers as they are.
 */
public enum Unit {
    COUNT(1000, new String[] {"", " K", " M", " G", " T", " P"}),
    BYTES(1024, new String[] {" B", " KiB", " MiB", " GiB", " TiB"}),
    SECONDS(1000, new String[] {" s", " ms", " us", " ns"}),
    OPS_PER_SECOND(1000, new String[] {" op/s", " Kop/s", " Mop/s", " Gop/s", " Top/s", " Pop/s"}),
    PERCENT(1000, new String[] {"%"}),
    PLAIN(1000, new String[] {""});

    final double step;
    final String[] names;

    Unit(double step, String[] names) {
        this.step = step;
        this.names = names;
    }

    /** The unit of a sweep metric's values. */
    public static Unit of(Metric metric) {
        return switch (metric) {
            case PARAMS, MACS, FLOPS -> COUNT;
            case PEAK_ACTIVATION_BYTES, WEIGHT_BYTES -> BYTES;
            case LATENCY_SECONDS -> SECONDS;
            // a score as the user's measured designs give it (top-1 in percent, or any other scale)
            case ACCURACY -> PLAIN;
        };
    }

    /** The unit of a column of results by its name; PLAIN for a name that is no metric. */
    public static Unit of(String metric) {
        return Metric.byId(metric).map(Unit::of).orElse(PLAIN);
    }
}
