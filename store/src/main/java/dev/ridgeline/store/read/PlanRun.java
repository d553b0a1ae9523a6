package dev.ridgeline.store.read;

import dev.ridgeline.store.read.SweepRun.BudgetBound;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code prune} wrote (plan.json, docs/plan-format.md), as the report reads it: the question, the
 * metrics before and after, each step's metrics (cumulative: channels, then kernels, then separable), and the
 * base and planned width of every channel group.
 *
 * @param before the base model's metrics by name (NaN where unmeasured)
 * @param after  the pruned model's metrics by name
 */
public record PlanRun(Path source, String model, String hardware, String hardwareSource, String precision,
                      String convention, int batch, boolean feasible, String stage, String why,
                      List<BudgetBound> budgets, String objective, Map<String, Double> before,
                      Map<String, Double> after, List<Step> steps, List<Group> groups, String planFile,
                      String planSha256, String modelSha256, String toolVersion) implements Run {
    public PlanRun {
        budgets = List.copyOf(budgets);
        before = Map.copyOf(before);
        after = Map.copyOf(after);
        steps = List.copyOf(steps);
        groups = List.copyOf(groups);
    }

    @Override
    public String title() {
        return "pruning plan for " + model + (hardware.isEmpty() ? "" : " on " + hardware) + " (" + precision
                + ", batch " + batch + ")";
    }

    /** One step of the plan and the metrics after it. */
    public record Step(String change, Map<String, Double> metrics) {
        public Step {
            metrics = Map.copyOf(metrics);
        }
    }

    /** A channel group: its layers' base width and the width the plan keeps. */
    public record Group(String name, long baseWidth, long width) {
    }
}
