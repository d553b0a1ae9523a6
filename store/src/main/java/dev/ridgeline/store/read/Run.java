package dev.ridgeline.store.read;

import java.nio.file.Path;

/** One run folder or file the report reads: an analysis, a sweep or a pruning plan. */
public sealed interface Run permits AnalysisRun, SweepRun, PlanRun {
    /** Where it was read from. */
    Path source();

    /** A short name for headings: model, device, precision. */
    String title();
}
