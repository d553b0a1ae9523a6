package dev.ridgeline.search.job;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.search.eval.MeasureSetup;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.space.SpaceSpec;
import java.util.List;

/**
 * A sweep as a job file describes it, with its model loaded and its budgets resolved.
 *
 * @param source    the job file as given
 * @param sha256    the SHA-256 of the job file's bytes (its provenance)
 * @param modelSpec the model as the job names it (zoo name or file)
 */
public record Job(String source, String sha256, String modelSpec, Model model, MeasureSetup setup, SpaceSpec space,
                  List<Budget> budgets, List<Objective> objectives, StrategySpec strategy) {
    public Job {
        budgets = List.copyOf(budgets);
        objectives = List.copyOf(objectives);
    }
}
