package dev.ridgeline.report.chart;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.store.read.PlanRun;
import dev.ridgeline.store.read.SweepRun.BudgetBound;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * A pruning plan: a waterfall of its steps for each budgeted metric (each bar the value before the step, its
 * red top what the step removes), and the base and planned width of every channel group.
 */
public final class PlanCharts {
    /** Groups drawn by name; a plan with more draws the changed ones first. */
    static final int GROUPS = 40;
    static final Color KEPT = new Color(0x4E, 0x79, 0xA7);
    static final Color CUT = new Color(0xE1, 0x57, 0x59);

    private PlanCharts() {
    }

    public static List<ChartSpec> all(PlanRun run) {
        List<ChartSpec> charts = new ArrayList<>();
        Set<String> metrics = new LinkedHashSet<>();
        run.budgets().forEach(b -> metrics.add(b.metric()));
        if (metrics.isEmpty()) {
            metrics.add("macs");
        }
        for (String metric : metrics) {
            if (Double.isFinite(run.before().getOrDefault(metric, Double.NaN))) {
                charts.add(waterfall(run, metric));
            }
        }
        if (!run.groups().isEmpty()) {
            charts.add(widths(run));
        }
        return charts;
    }

    static ChartSpec waterfall(PlanRun run, String metric) {
        List<String> bars = new ArrayList<>();
        List<Number> kept = new ArrayList<>();
        List<Number> cut = new ArrayList<>();
        double previous = run.before().get(metric);
        bars.add("base");
        kept.add(previous);
        cut.add(0.0);
        StringBuilder steps = new StringBuilder();
        for (PlanRun.Step step : run.steps()) {
            double value = step.metrics().getOrDefault(metric, Double.NaN);
            if (!Double.isFinite(value)) {
                continue;
            }
            bars.add(step.change());
            kept.add(Math.min(previous, value));
            cut.add(Math.max(0, previous - value));
            steps.append(steps.length() == 0 ? "" : ", ").append(step.change()).append(" ")
                    .append(previous >= value ? "cut " : "add ").append(MetricLabels.human(metric,
                            Math.abs(previous - value)));
            previous = value;
        }
        double after = run.after().getOrDefault(metric, previous);
        bars.add("pruned");
        kept.add(after);
        cut.add(0.0);
        CategoryChart chart = ChartStyle.category("", MetricLabels.axis(metric));
        chart.getStyler().setStacked(true);
        chart.getStyler().setXAxisLabelRotation(0);
        ChartStyle.ticks(chart.getStyler(), null, v -> MetricLabels.tick(metric, v));
        CategorySeries left = chart.addSeries("after the step", bars, kept);
        left.setFillColor(KEPT);
        CategorySeries removed = chart.addSeries("removed by the step", bars, cut);
        removed.setFillColor(CUT);
        double before = run.before().get(metric);
        String budget = run.budgets().stream().filter(b -> b.metric().equals(metric)).findFirst()
                .map(PlanCharts::bound).orElse("");
        String caption = MetricLabels.axis(metric) + " goes from " + MetricLabels.human(metric, before)
                + " to " + MetricLabels.human(metric, after) + " (" + change(before, after) + ")"
                + (budget.isEmpty() ? "" : "; budget " + budget) + (steps.length() == 0 ? "" : "; " + steps) + ".";
        return new ChartSpec("plan-" + metric, "Plan steps: " + MetricLabels.axis(metric), caption, chart);
    }

    static ChartSpec widths(PlanRun run) {
        List<PlanRun.Group> groups = new ArrayList<>(run.groups());
        if (groups.size() > GROUPS) {
            groups.sort((a, b) -> Boolean.compare(a.width() == a.baseWidth(), b.width() == b.baseWidth()));
            groups = groups.subList(0, GROUPS);
        }
        CategoryChart chart = ChartStyle.category("", "channels");
        List<String> names = groups.stream().map(PlanRun.Group::name).toList();
        CategorySeries base = chart.addSeries("base width", names,
                groups.stream().map(g -> (Number) g.baseWidth()).toList());
        base.setFillColor(new Color(0xBA, 0xB0, 0xAC));
        CategorySeries planned = chart.addSeries("planned width", names,
                groups.stream().map(g -> (Number) g.width()).toList());
        planned.setFillColor(KEPT);
        long narrowed = run.groups().stream().filter(g -> g.width() < g.baseWidth()).count();
        long baseChannels = run.groups().stream().mapToLong(PlanRun.Group::baseWidth).sum();
        long keptChannels = run.groups().stream().mapToLong(PlanRun.Group::width).sum();
        PlanRun.Group most = run.groups().stream().min((a, b) -> Double.compare(share(a), share(b))).orElseThrow();
        String caption = narrowed + " of " + run.groups().size() + " channel groups are narrowed; they keep "
                + keptChannels + " of " + baseChannels + " channels (" + Quantities.percent(keptChannels, baseChannels)
                + "); the most cut is " + most.name() + " (" + most.width() + " of " + most.baseWidth() + ")"
                + (run.groups().size() > GROUPS ? "; the chart shows " + GROUPS + " groups, the changed ones first" : "")
                + ".";
        return new ChartSpec("plan-widths", "Channel widths: base and planned", caption, chart);
    }

    private static double share(PlanRun.Group g) {
        return g.baseWidth() == 0 ? 1 : (double) g.width() / g.baseWidth();
    }

    private static String change(double before, double after) {
        return before == 0 ? "no change" : String.format(Locale.ROOT, "%+.1f%%", 100 * (after - before) / before);
    }

    private static String bound(BudgetBound b) {
        return !Double.isNaN(b.max()) ? "<= " + MetricLabels.human(b.metric(), b.max())
                : ">= " + MetricLabels.human(b.metric(), b.min());
    }
}
