/**
 * Search strategies over a {@link dev.ridgeline.search.space.DesignSpace}: {@link
 * dev.ridgeline.search.strategy.Exhaustive} (every point, or one {@link dev.ridgeline.search.strategy.Shard}),
 * {@link dev.ridgeline.search.strategy.RandomSampling} and {@link dev.ridgeline.search.strategy.Evolutionary}
 * (NSGA-II). Each evaluates points with a {@link dev.ridgeline.search.eval.PointEvaluator}, keeps those a
 * {@link dev.ridgeline.search.strategy.PointFilter} admits, and hands them to a {@link
 * dev.ridgeline.search.strategy.PointSink}, typically an adapter over the Pareto archive, and returns a
 * {@link dev.ridgeline.search.strategy.SearchOutcome} with counts, time and provenance.
 */
package dev.ridgeline.search.strategy;
