package dev.ridgeline.store.sweep;

/** The files of a sweep's result folder: always a summary and a front, and every point on request. */
public final class SweepFiles {
    /** The run's figures, its provenance and the exact front (what merge reads back). */
    public static final String SUMMARY = "summary.json";
    /** The front within budget, one design a row, rounded for reading. */
    public static final String PARETO = "pareto.csv";
    /** Every evaluated point, with {@code --all-points}. */
    public static final String POINTS = "points.csv";

    private SweepFiles() {
    }
}
