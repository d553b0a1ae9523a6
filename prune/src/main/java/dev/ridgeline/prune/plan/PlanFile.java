package dev.ridgeline.prune.plan;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.search.eval.MeasureSetup;
import dev.ridgeline.search.job.Budget;
import java.util.List;
import java.util.Set;

/**
 * A pruning plan request as a plan file states it (docs/plan-format.md), with its model loaded and its
 * budgets resolved. {@code where} maps a field name to the place it was written ("plan.yaml:7:5"), so that
 * later checks (an importance CSV that does not fit the model) can point at it.
 *
 * @param modelFile   the model file it was read from (null for a zoo model)
 * @param frozen      stage or layer globs that must not change
 * @param allow       which kinds of change the plan may use
 * @param perStage    true for one width per stage, false for one per channel group
 * @param levels      the most widths one channel group may take
 * @param importance  an importance CSV (null: scores from the model's weights, when the objective needs them)
 */
public record PlanFile(String source, String sha256, String modelSpec, String modelSha256, String modelFile,
                       Model model, MeasureSetup setup, List<Budget> budgets, double[] baseMetrics, int divisor,
                       double minKeep, int levels, boolean perStage, List<String> frozen, Set<Change> allow,
                       PruneObjective objective, String importance, java.util.Map<String, String> where) {
    public PlanFile {
        budgets = List.copyOf(budgets);
        frozen = List.copyOf(frozen);
        allow = Set.copyOf(allow);
        baseMetrics = baseMetrics.clone();
        where = java.util.Map.copyOf(where);
    }

    @Override
    public double[] baseMetrics() {
        return baseMetrics.clone();
    }

    /** The kinds of change, in the order the planner reaches for them. */
    public enum Change {
        CHANNELS("channels"), KERNELS("kernels"), SEPARABLE("separable");

        private final String id;

        Change(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** What "keeps the most" means: computation, weights, or channel importance scores. */
    public enum PruneObjective {
        MACS("macs"), PARAMS("params"), IMPORTANCE("importance");

        private final String id;

        PruneObjective(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
