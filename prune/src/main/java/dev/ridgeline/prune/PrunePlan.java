package dev.ridgeline.prune;

import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanFile.Change;
import dev.ridgeline.search.accuracy.AccuracyPredictor;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner found: the stages it tried in order (channels, then kernels, then separable), the
 * space of the last one, the best plan there (or, when none meets the budgets, the most the space can cut),
 * and the baselines on the same budgets.
 *
 * @param stage    the kinds of change of the space the plan comes from (the stage that met the budgets, or
 *                 the one that came closest)
 * @param chosen   the plan's point in {@code space}; when not feasible, the point that cuts the most
 * @param metrics  the chosen point's metrics by Metric ordinal, measured on the pruned model itself (core and
 *                 hardware), so that re-analyzing it gives exactly these figures
 * @param steps    the plan applied in order: its channel changes, then kernels, then separable forms, each
 *                 step's metrics cumulative
 * @param accuracy the accuracy predictor fitted on the deciding stage's space, when the plan names measured designs
 *                 (then {@code metrics} and each step's carry the predicted accuracy)
 */
public record PrunePlan(PlanFile request, List<StageAttempt> attempts, Set<Change> stage, ResolvedSpace space, boolean feasible,
                        int[] chosen, double[] metrics, double score, double baseScore, List<Step> steps,
                        List<Baseline> baselines, String solver, double wallSeconds, Optional<ChannelScores> scores,
                        Optional<AccuracyPredictor> accuracy) {
    public PrunePlan {
        attempts = List.copyOf(attempts);
        stage = Set.copyOf(stage);
        steps = List.copyOf(steps);
        baselines = List.copyOf(baselines);
        chosen = chosen.clone();
        metrics = metrics.clone();
    }

    @Override
    public int[] chosen() {
        return chosen.clone();
    }

    @Override
    public double[] metrics() {
        return metrics.clone();
    }

    /** The base model as a point of {@code space}: every knob at its widest choice. */
    public int[] baseChoices() {
        int[] base = new int[space.space().knobCount()];
        for (int k = 0; k < base.length; k++) {
            base[k] = space.space().choices(k) - 1;
        }
        return base;
    }

    /** The plan's changes of one kind applied on top of the earlier kinds': the point and its metrics. */
    public record Step(Change change, int[] choices, double[] metrics) {
    }

    /**
     * One stage of the channels-first rule.
     *
     * @param reachable the metrics of the stage's point that cuts the most (every knob at its least)
     * @param note      why the stage was (not) enough, in words
     */
    public record StageAttempt(Set<Change> changes, int knobs, String spaceSize, boolean feasible,
                               double[] reachable, String note) {
        public StageAttempt {
            changes = Set.copyOf(changes);
            reachable = reachable.clone();
        }
    }

    /**
     * A baseline on the same budgets: its point (null when it meets them nowhere), metrics and score.
     *
     * @param setting the baseline's own parameter in words ("width multiplier 0.62", "14 steps")
     */
    public record Baseline(String name, boolean feasible, int[] choices, double[] metrics, double score,
                           String setting) {
    }
}
