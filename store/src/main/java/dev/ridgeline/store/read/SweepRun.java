package dev.ridgeline.store.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code sweep} wrote into a folder, as the report reads it: the question (model, device, precision,
 * budgets, objectives), the counts and provenance of summary.json, the front of pareto.csv, the feasible
 * cloud of points.csv when the sweep kept it, and the base model analysed again for its per-layer charts.
 *
 * @param spaceSize    the exact size of the space, as summary.json writes it (any number of digits)
 * @param base         the base model's metrics, by metric name (NaN where unmeasured)
 * @param chosen       a point to mark on the fronts: a plan's target when plan.json names one
 * @param baseModel    the base model's analysis, or empty with {@code baseModelNote} saying why
 */
public record SweepRun(Path source, String model, String hardware, String hardwareSource, String precision,
                       String convention, int batch, List<Objective> objectives, List<BudgetBound> budgets,
                       Map<String, Double> base, String spaceSize, long pointsEvaluated, long feasiblePoints,
                       long frontSize, double wallSeconds, String strategy, String job, String jobHash,
                       String modelSha256, String toolVersion, MetricTable pareto, Optional<PointCloud> cloud,
                       Optional<ChosenPoint> chosen, Optional<AnalysisRun> baseModel, String baseModelNote)
        implements Run {
    public SweepRun {
        objectives = List.copyOf(objectives);
        budgets = List.copyOf(budgets);
        base = Map.copyOf(base);
    }

    @Override
    public String title() {
        return model + (hardware.isEmpty() ? "" : " on " + hardware) + " (" + precision + ", batch " + batch + ")";
    }

    /** One objective of the sweep: a metric and whether smaller or larger is better. */
    public record Objective(String metric, boolean minimize) {
    }

    /** A budget on a metric: its upper and/or lower bound, NaN when absent. */
    public record BudgetBound(String metric, double max, double min) {
    }

    /** A point marked on the fronts, with what it is ("plan target"). */
    public record ChosenPoint(String label, Map<String, Double> metrics) {
        public ChosenPoint {
            metrics = Map.copyOf(metrics);
        }
    }
}
