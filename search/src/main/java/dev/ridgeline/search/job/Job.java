package dev.ridgeline.search.job;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.search.eval.MeasureSetup;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.accuracy.AccuracySource;
import dev.ridgeline.search.space.ModelFamily;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.space.SpaceSpec;
import java.util.List;
import java.util.Optional;

/**
 * A sweep as a job file describes it, with its model loaded and its budgets resolved.
 *
 * @param source    the job file as given
 * @param sha256    the SHA-256 of the job file's bytes (its provenance)
 * @param modelSpec   the model as the job names it (zoo name or file)
 * @param modelSha256 the SHA-256 of the model file it was read from (a zoo model's bundled file)
 * @param baseMetrics the base model's metrics (relative budgets were resolved against them), by Metric ordinal
 * @param family      the model file's family, which param knobs read their members from
 * @param accuracy    the measured designs an accuracy predictor is fitted to, if the job names them
 */
public record Job(String source, String sha256, String modelSpec, String modelSha256, Model model, MeasureSetup setup, SpaceSpec space,
                  List<Budget> budgets, List<Objective> objectives, StrategySpec strategy, double[] baseMetrics,
                  ModelFamily family, Optional<AccuracySource> accuracy) {
    public Job {
        budgets = List.copyOf(budgets);
        objectives = List.copyOf(objectives);
        baseMetrics = baseMetrics.clone();
    }

    /** A job whose model has no parameters a param knob could set. */
    public Job(String source, String sha256, String modelSpec, String modelSha256, Model model, MeasureSetup setup,
               SpaceSpec space, List<Budget> budgets, List<Objective> objectives, StrategySpec strategy,
               double[] baseMetrics) {
        this(source, sha256, modelSpec, modelSha256, model, setup, space, budgets, objectives, strategy, baseMetrics,
                ModelFamily.fixed(model), Optional.empty());
    }

    /** The job's space resolved against its model (and, for param knobs, the model's family). */
    public ResolvedSpace resolveSpace() {
        return SpaceBuilder.build(model, space, family);
    }

    @Override
    public double[] baseMetrics() {
        return baseMetrics.clone();
    }

    /** The same job under other budgets. */
    public Job withBudgets(List<Budget> other) {
        return new Job(source, sha256, modelSpec, modelSha256, model, setup, space, other, objectives, strategy, baseMetrics, family, accuracy);
    }

    /** The same job explored another way. */
    public Job withStrategy(StrategySpec other) {
        return new Job(source, sha256, modelSpec, modelSha256, model, setup, space, budgets, objectives, other, baseMetrics, family, accuracy);
    }
}
