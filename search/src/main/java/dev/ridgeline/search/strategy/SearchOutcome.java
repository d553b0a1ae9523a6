package dev.ridgeline.search.strategy;

/**
 * What a strategy run produced: the merged sink, how many points it evaluated and how many of those
 * were feasible (and so delivered), how long it took, and a line saying what ran with which settings.
 */
public record SearchOutcome<S extends PointSink>(
        S sink, long evaluated, long feasible, double elapsedSeconds, String provenance) {
}
