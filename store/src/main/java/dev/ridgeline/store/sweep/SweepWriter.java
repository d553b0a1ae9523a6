package dev.ridgeline.store.sweep;

import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.store.folder.Staging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A sweep's result folder: summary.json, pareto.csv and, with every point, points.csv. */
public final class SweepWriter {
    /** The files a sweep's result replaces (points.csv goes when a run has no --all-points). */
    public static final Set<String> FILES = Set.of(SweepFiles.SUMMARY, SweepFiles.PARETO, SweepFiles.POINTS);

    private SweepWriter() {
    }

    /** Writes a sweep's files into a staged folder; returns where they will be. */
    public static List<Path> write(SweepResult result, boolean allPoints, String toolVersion, Staging into) {
        List<Path> written = new ArrayList<>();
        if (allPoints) {
            written.add(into.write(SweepFiles.POINTS, w -> PointsCsv.write(result, w)));
        }
        written.add(into.write(SweepFiles.PARETO, w -> ParetoCsv.write(result, w)));
        written.add(into.write(SweepFiles.SUMMARY, w -> SummaryJson.write(result, toolVersion, w)));
        return written;
    }
}
