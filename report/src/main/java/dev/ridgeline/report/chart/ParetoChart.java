package dev.ridgeline.report.chart;

import dev.ridgeline.store.read.PointCloud;
import dev.ridgeline.store.read.SweepRun;
import dev.ridgeline.store.read.SweepRun.BudgetBound;
import dev.ridgeline.store.read.SweepRun.Objective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The Pareto front of a sweep for one pair of objectives: the feasible cloud (binned), the front of that pair
 * as a line, every design of the sweep's full front, the base model, the budgets on either metric as lines,
 * and the chosen point. An axis whose values span more than 10x is logarithmic.
 */
public final class ParetoChart {
    /** Grid cells along each axis for the cloud: 120 x 120 at most, whatever the number of points. */
    static final int CELLS = 120;

    private ParetoChart() {
    }

    /** One chart per pair of objectives, in objective order. */
    public static List<ChartSpec> all(SweepRun run) {
        List<ChartSpec> charts = new ArrayList<>();
        List<Objective> objectives = run.objectives();
        for (int i = 0; i < objectives.size(); i++) {
            for (int j = i + 1; j < objectives.size(); j++) {
                of(run, objectives.get(i), objectives.get(j)).ifPresent(charts::add);
            }
        }
        return charts;
    }

    /** The chart of a pair, or empty when there is nothing to draw (no front, no cloud, no base). */
    static Optional<ChartSpec> of(SweepRun run, Objective xo, Objective yo) {
        String xm = xo.metric();
        String ym = yo.metric();
        double[] fx = run.pareto().numbers(xm);
        double[] fy = run.pareto().numbers(ym);
        double[][] front = front2d(fx, fy, xo.minimize(), yo.minimize());
        double baseX = run.base().getOrDefault(xm, Double.NaN);
        double baseY = run.base().getOrDefault(ym, Double.NaN);
        Optional<PointCloud> cloud = run.cloud().filter(c -> c.columns().containsKey(xm) && c.columns().containsKey(ym));
        double[] cx = cloud.map(c -> c.column(xm)).orElse(new double[0]);
        double[] cy = cloud.map(c -> c.column(ym)).orElse(new double[0]);
        Axis xAxis = Axis.of(fx, cx, new double[] {baseX});
        Axis yAxis = Axis.of(fy, cy, new double[] {baseY});

        XYChart chart = ChartStyle.xy(MetricLabels.axis(xm) + (xo.minimize() ? " (lower is better)"
                : " (higher is better)"), MetricLabels.axis(ym) + (yo.minimize() ? " (lower is better)"
                : " (higher is better)"));
        ChartStyle.ticks(chart.getStyler(), xAxis.ticks(v -> MetricLabels.tick(xm, v)),
                yAxis.ticks(v -> MetricLabels.tick(ym, v)));

        if (cloud.isPresent() && cx.length > 0) {
            List<Bins.Tier> tiers = Bins.of(cx, cy, xAxis, yAxis, CELLS);
            for (int t = 0; t < tiers.size(); t++) {
                Bins.Tier tier = tiers.get(t);
                if (tier.x().length == 0) {
                    continue;
                }
                XYSeries s = chart.addSeries("feasible: " + tier.label(), xAxis.plot(tier.x()),
                        yAxis.plot(tier.y()));
                s.setMarker(SeriesMarkers.SQUARE);
                s.setMarkerColor(ChartStyle.CLOUD[t]);
            }
        }
        if (run.objectives().size() > 2 && front[0].length > 0) {
            XYSeries all = chart.addSeries("front of all " + run.objectives().size() + " objectives",
                    xAxis.plot(fx), yAxis.plot(fy));
            all.setMarker(SeriesMarkers.CIRCLE);
            all.setMarkerColor(new java.awt.Color(0xE8, 0xA0, 0x98));
        }
        if (front[0].length > 0) {
            frontSeries(chart, front, xo, xAxis, yAxis);
        }
        for (BudgetBound b : run.budgets()) {
            budgetLine(chart, b, xm, ym, xAxis, yAxis);
        }
        if (Double.isFinite(baseX) && Double.isFinite(baseY)) {
            XYSeries base = chart.addSeries("base model", new double[] {xAxis.plot(baseX)},
                    new double[] {yAxis.plot(baseY)});
            base.setMarker(SeriesMarkers.DIAMOND);
            base.setMarkerColor(ChartStyle.BASE);
        }
        String chosenLabel = chosen(run, chart, xm, ym, front, xo, xAxis, yAxis);
        if (chart.getSeriesMap().isEmpty()) {
            return Optional.empty();
        }
        String id = "pareto-" + xm + "-" + ym;
        String title = "Pareto front: " + MetricLabels.axis(xm) + " vs " + MetricLabels.axis(ym);
        return Optional.of(new ChartSpec(id, title, caption(run, xm, ym, front, baseX, baseY, xo, yo, cloud,
                chosenLabel), chart));
    }

    private static void frontSeries(XYChart chart, double[][] front, Objective xo, Axis xAxis, Axis yAxis) {
        double[][] stairs = staircase(front, xo.minimize());
        XYSeries line = chart.addSeries("front of this pair", xAxis.plot(stairs[0]), yAxis.plot(stairs[1]));
        line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(ChartStyle.FRONT);
        line.setLineStyle(ChartStyle.SOLID);
        XYSeries designs = chart.addSeries("designs of this pair's front", xAxis.plot(front[0]),
                yAxis.plot(front[1]));
        designs.setMarker(SeriesMarkers.CIRCLE);
        designs.setMarkerColor(ChartStyle.FRONT);
        designs.setShowInLegend(false);
    }

    /** Marks the plan's point when plan.json names one, else the front's best design on the x objective. */
    private static String chosen(SweepRun run, XYChart chart, String xm, String ym, double[][] front, Objective xo,
                                 Axis xAxis, Axis yAxis) {
        if (run.chosen().isPresent() && run.chosen().get().metrics().containsKey(xm)
                && run.chosen().get().metrics().containsKey(ym)) {
            SweepRun.ChosenPoint p = run.chosen().get();
            XYSeries s = chart.addSeries(p.label(), new double[] {xAxis.plot(p.metrics().get(xm))},
                    new double[] {yAxis.plot(p.metrics().get(ym))});
            s.setMarker(SeriesMarkers.TRIANGLE_UP);
            s.setMarkerColor(ChartStyle.CHOSEN);
            return p.label() + " at (" + MetricLabels.human(xm, p.metrics().get(xm)) + ", "
                    + MetricLabels.human(ym, p.metrics().get(ym)) + ")";
        }
        if (front[0].length == 0) {
            return "";
        }
        int best = xo.minimize() ? 0 : front[0].length - 1;
        String label = (xo.minimize() ? "lowest " : "highest ") + MetricLabels.axis(xm) + " within budget";
        XYSeries s = chart.addSeries(label, new double[] {xAxis.plot(front[0][best])},
                new double[] {yAxis.plot(front[1][best])});
        s.setMarker(SeriesMarkers.TRIANGLE_UP);
        s.setMarkerColor(ChartStyle.CHOSEN);
        return "the " + label + " is (" + MetricLabels.human(xm, front[0][best]) + ", "
                + MetricLabels.human(ym, front[1][best]) + ")";
    }

    private static void budgetLine(XYChart chart, BudgetBound b, String xm, String ym, Axis xAxis, Axis yAxis) {
        for (double bound : new double[] {b.max(), b.min()}) {
            if (Double.isNaN(bound)) {
                continue;
            }
            String name = "budget: " + MetricLabels.axis(b.metric()) + (bound == b.max() ? " <= " : " >= ")
                    + MetricLabels.human(b.metric(), bound);
            XYSeries s;
            if (b.metric().equals(xm)) {
                s = chart.addSeries(name, new double[] {xAxis.plot(bound), xAxis.plot(bound)},
                        new double[] {yAxis.plot(yAxis.min()), yAxis.plot(yAxis.max())});
            } else if (b.metric().equals(ym)) {
                s = chart.addSeries(name, new double[] {xAxis.plot(xAxis.min()), xAxis.plot(xAxis.max())},
                        new double[] {yAxis.plot(bound), yAxis.plot(bound)});
            } else {
                continue;
            }
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ChartStyle.BUDGET);
            s.setLineStyle(ChartStyle.DASHED);
        }
    }

    /** The non-dominated points of a pair, sorted by x; [0] the xs, [1] the ys. */
    static double[][] front2d(double[] x, double[] y, boolean minX, boolean minY) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                points.add(new double[] {minX ? x[i] : -x[i], minY ? y[i] : -y[i]});
            }
        }
        points.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        List<double[]> kept = new ArrayList<>();
        double bestY = Double.POSITIVE_INFINITY;
        for (double[] p : points) {
            if (p[1] < bestY) {
                kept.add(p);
                bestY = p[1];
            }
        }
        double[][] result = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            result[0][i] = minX ? kept.get(i)[0] : -kept.get(i)[0];
            result[1][i] = minY ? kept.get(i)[1] : -kept.get(i)[1];
        }
        if (!minX) {
            reverse(result[0]);
            reverse(result[1]);
        }
        return result;
    }

    /**
     * The boundary of what a front dominates, through its points (sorted by x): between two designs it runs
     * along the first design's y when x is minimised, along its x when x is maximised, so that no line
     * suggests designs between them that do not exist.
     */
    static double[][] staircase(double[][] front, boolean minX) {
        int n = front[0].length;
        if (n == 0) {
            return front;
        }
        double[][] stairs = new double[2][2 * n - 1];
        for (int i = 0; i < n; i++) {
            stairs[0][2 * i] = front[0][i];
            stairs[1][2 * i] = front[1][i];
            if (i + 1 < n) {
                stairs[0][2 * i + 1] = minX ? front[0][i + 1] : front[0][i];
                stairs[1][2 * i + 1] = minX ? front[1][i] : front[1][i + 1];
            }
        }
        return stairs;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static String caption(SweepRun run, String xm, String ym, double[][] front, double baseX, double baseY,
                                  Objective xo, Objective yo, Optional<PointCloud> cloud, String chosen) {
        StringBuilder s = new StringBuilder();
        int n = front[0].length;
        if (n == 0) {
            s.append(String.format(Locale.ROOT, "No point of the %,d evaluated met the budgets, so there is no"
                    + " front", run.pointsEvaluated()));
            if (Double.isFinite(baseX) && Double.isFinite(baseY)) {
                s.append("; the base model is at (").append(MetricLabels.human(xm, baseX)).append(", ")
                        .append(MetricLabels.human(ym, baseY)).append(")");
            }
            return s.append(chosen.isEmpty() ? "" : "; the " + chosen).append('.').toString();
        }
        s.append(String.format(Locale.ROOT, "%d of the sweep's %d front designs are non-dominated in %s and %s",
                n, run.pareto().rows().size(), MetricLabels.axis(xm), MetricLabels.axis(ym)));
        if (n > 0) {
            s.append(": ").append(MetricLabels.axis(xm)).append(" from ").append(MetricLabels.human(xm, front[0][0]))
                    .append(" to ").append(MetricLabels.human(xm, front[0][n - 1])).append(", ")
                    .append(MetricLabels.axis(ym)).append(" from ").append(MetricLabels.human(ym, front[1][0]))
                    .append(" to ").append(MetricLabels.human(ym, front[1][n - 1]));
        }
        s.append(". ");
        if (cloud.isPresent()) {
            s.append(String.format(Locale.ROOT, "The cloud shows all %,d feasible points of %,d evaluated"
                    + " (binned on a %dx%d grid). ", cloud.get().feasible(), cloud.get().total(), CELLS, CELLS));
        }
        if (Double.isFinite(baseX) && Double.isFinite(baseY)) {
            long better = 0;
            for (int i = 0; i < n; i++) {
                boolean bx = xo.minimize() ? front[0][i] <= baseX : front[0][i] >= baseX;
                boolean by = yo.minimize() ? front[1][i] <= baseY : front[1][i] >= baseY;
                if (bx && by && (front[0][i] != baseX || front[1][i] != baseY)) {
                    better++;
                }
            }
            s.append("The base model is at (").append(MetricLabels.human(xm, baseX)).append(", ")
                    .append(MetricLabels.human(ym, baseY)).append("); ").append(better)
                    .append(better == 1 ? " front design is" : " front designs are").append(" at least as good on both");
        }
        if (!chosen.isEmpty()) {
            s.append("; ").append(chosen);
        }
        return s.append('.').toString();
    }
}
