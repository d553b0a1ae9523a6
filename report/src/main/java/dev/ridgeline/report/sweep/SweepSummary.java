package dev.ridgeline.report.sweep;

import dev.ridgeline.store.sweep.SweepCells;

import dev.ridgeline.store.format.MetricUnits;
import dev.ridgeline.store.sweep.KnobColumns;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.report.analysis.TextTable;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.space.DesignSpace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sweep's result for the terminal: the counts (space, evaluated, feasible, front), the wall time and
 * rate, then the front as an aligned table in human units with the knobs' labels, each row numbered as
 * in pareto.csv (from 1, what {@code export --row} takes) (see {@link KnobColumns}), at most
 * {@link #MAX_ROWS} rows spread evenly along the front (the first and the last always among them); or,
 * when no point met the budgets, the budgets and the closest point with how far it misses each.
 */
public final class SweepSummary {
    public static final int MAX_ROWS = 20;

    /** Short column headers for people; flops is left out when it equals macs on every row. */
    private static final Map<Metric, String> HEADERS = new EnumMap<>(Map.of(
            Metric.PARAMS, "params", Metric.MACS, "macs", Metric.FLOPS, "flops", Metric.LATENCY_SECONDS, "latency",
            Metric.PEAK_ACTIVATION_BYTES, "peak act.", Metric.WEIGHT_BYTES, "weights"));

    private SweepSummary() {
    }

    public static String render(SweepResult result) {
        return render(result, MAX_ROWS);
    }

    public static String render(SweepResult result, int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a front table needs at least 2 rows, got " + maxRows);
        }
        Job job = result.job();
        StringBuilder out = new StringBuilder();
        out.append(counts(result));
        out.append('\n');
        if (result.evaluated() == 0) {
            out.append("no point evaluated: shard ").append(result.shard()).append(" of this space is empty\n");
        } else if (result.feasible() == 0) {
            out.append(infeasible(result));
        } else {
            out.append("Pareto front (").append(objectives(job.objectives())).append("):\n");
            out.append(front(result, maxRows));
        }
        return out.toString();
    }

    private static String counts(SweepResult result) {
        Job job = result.job();
        String shard = result.shard().count() == 1 ? ""
                : String.format(Locale.ROOT, " (shard %s: %s points)", result.shard(),
                        Quantities.grouped(result.shard().points(result.spaceSize()).longValue()));
        String feasibleShare = result.evaluated() == 0 ? ""
                : " (" + Quantities.percent(result.feasible(), result.evaluated()) + ")";
        StringBuilder out = new StringBuilder();
        out.append(row("space", String.format(Locale.ROOT, "%,d points, %d knobs%s", result.spaceSize(),
                result.space().space().knobCount(), shard)));
        out.append(row("evaluated", Quantities.grouped(result.evaluated()) + " points in "
                + Quantities.seconds(result.wallSeconds()) + " (" + rate(result.pointsPerSecond()) + "), "
                + result.strategy()));
        out.append(row("feasible", Quantities.grouped(result.feasible()) + feasibleShare
                + (job.budgets().isEmpty() ? ", no budgets" : " within " + budgets(job.budgets()))));
        out.append(row("front", Quantities.grouped(result.front().size()) + " points"));
        return out.toString();
    }

    private static String row(String label, String text) {
        return String.format(Locale.ROOT, "%-10s %s%n", label, text);
    }

    private static String rate(double pointsPerSecond) {
        return Quantities.human(Math.round(pointsPerSecond)) + " points/s";
    }

    private static String budgets(List<Budget> budgets) {
        return budgets.stream().map(MetricUnits::budget).collect(Collectors.joining(", "));
    }

    private static String objectives(List<Objective> objectives) {
        return objectives.stream().map(o -> o.metric().id() + " " + o.goal().id()).collect(Collectors.joining(", "));
    }

    /** The metrics worth a column, the objectives first: all but latency when the job has no device. */
    private static List<Metric> shownMetrics(Job job) {
        List<Metric> shown = new ArrayList<>();
        job.objectives().forEach(o -> shown.add(o.metric()));
        for (Metric m : Metric.values()) {
            if (!shown.contains(m) && (m != Metric.LATENCY_SECONDS || job.setup().device() != null)) {
                shown.add(m);
            }
        }
        return shown;
    }

    private static String front(SweepResult result, int maxRows) {
        List<ParetoPoint> front = result.front();
        List<Metric> metrics = shownMetrics(result.job());
        if (front.stream().allMatch(p -> p.metric(Metric.FLOPS) == p.metric(Metric.MACS))) {
            metrics.remove(Metric.FLOPS);
        }
        KnobColumns knobs = new KnobColumns(result.space().space());
        TextTable table = new TextTable();
        table.column("row", TextTable.Align.RIGHT);
        metrics.forEach(m -> table.column(HEADERS.get(m), TextTable.Align.RIGHT));
        knobs.columns().forEach(c -> table.column(c.header(), TextTable.Align.LEFT));
        List<Integer> rows = spread(front.size(), maxRows);
        for (int r : rows) {
            ParetoPoint p = front.get(r);
            int[] choices = p.choices();
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(r + 1)); // the row of pareto.csv, what `export --row` takes
            metrics.forEach(m -> cells.add(MetricUnits.human(m, p.metric(m))));
            knobs.columns().forEach(c -> cells.add(knobs.cell(c, choices)));
            table.row(cells.toArray(new String[0]));
        }
        StringBuilder out = new StringBuilder(table.render());
        int hidden = front.size() - rows.size();
        if (hidden > 0) {
            out.append(String.format(Locale.ROOT, "... %,d more (rows above are spread evenly along the front;"
                    + " all %,d are in pareto.csv)%n", hidden, front.size()));
        }
        return out.toString();
    }

    /** Up to {@code max} row numbers of {@code n}, evenly spaced, first and last included. */
    static List<Integer> spread(int n, int max) {
        List<Integer> rows = new ArrayList<>();
        if (n <= max) {
            for (int i = 0; i < n; i++) {
                rows.add(i);
            }
            return rows;
        }
        for (int i = 0; i < max; i++) {
            rows.add((int) ((long) i * (n - 1) / (max - 1)));
        }
        return rows;
    }

    private static String infeasible(SweepResult result) {
        Job job = result.job();
        StringBuilder out = new StringBuilder();
        out.append("No point met the budgets (").append(budgets(job.budgets())).append(").\n");
        if (result.closest().isEmpty()) {
            return out.toString();
        }
        ParetoPoint p = result.closest().get();
        DesignSpace space = result.space().space();
        double[] metrics = p.metrics();
        out.append("Closest point, by total excess over the budgets:\n");
        for (Budget b : job.budgets()) {
            Metric m = b.metric();
            String verdict = b.allows(metrics) ? "met"
                    : String.format(Locale.ROOT, "misses by %s", Quantities.percent(b.excess(metrics), 1.0));
            out.append(String.format(Locale.ROOT, "  %-20s %-12s budget %s: %s%n", m.id(),
                    MetricUnits.human(m, metrics[m.ordinal()]), MetricUnits.budget(b), verdict));
        }
        List<String> choices = new ArrayList<>();
        int[] c = p.choices();
        for (int k = 0; k < c.length; k++) {
            choices.add(space.knobs().get(k).name() + "=" + SweepCells.label(space, k, c[k]));
        }
        out.append(TextTable.wrap("  choices: " + String.join(", ", choices), 100, "    "));
        List<String> others = new ArrayList<>();
        for (Metric m : shownMetrics(job)) {
            others.add(m.id() + " " + MetricUnits.human(m, metrics[m.ordinal()]));
        }
        out.append(TextTable.wrap("  metrics: " + String.join(", ", others), 100, "    "));
        return out.toString();
    }
}
