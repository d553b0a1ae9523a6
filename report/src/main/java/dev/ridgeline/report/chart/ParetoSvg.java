package dev.ridgeline.report.chart;

import dev.ridgeline.report.chart.svg.Marker;
import dev.ridgeline.report.chart.svg.SvgPlot;
import dev.ridgeline.report.chart.svg.Unit;
import dev.ridgeline.store.read.PointCloud;
import dev.ridgeline.store.read.SweepRun;
import dev.ridgeline.store.read.SweepRun.BudgetBound;
import dev.ridgeline.store.read.SweepRun.Objective;
import java.util.List;
import java.util.Optional;

/**
 * The page's explorable Pareto chart of one pair of objectives: the binned cloud, the front of the pair as a
 * staircase, every design of pareto.csv as a point whose tip names its knobs and metrics, the budgets, the base
 * model and the chosen (or, with no feasible design, the closest) point.
 */
final class ParetoSvg {
    static final String FRONT = "#D55E00";
    static final String BASE = "#000000";
    static final String BUDGET = "#7F8C8D";
    static final String CHOSEN = "#009E73";
    static final String[] CLOUD = {"#D6E4F0", "#9EC2E0", "#4A86C0"};

    private ParetoSvg() {
    }

    static String of(String id, SweepRun run, Objective xo, Objective yo, double[][] front, Axis xAxis, Axis yAxis,
                     Optional<PointCloud> cloud) {
        String xm = xo.metric();
        String ym = yo.metric();
        double[] bx = {xAxis.min(), xAxis.max()};
        double[] by = {yAxis.min(), yAxis.max()};
        SvgPlot plot = new SvgPlot(id,
                new SvgPlot.Axis(title(xm, xo), Unit.of(xm), xAxis.log(), bx[0], bx[1]),
                new SvgPlot.Axis(title(ym, yo), Unit.of(ym), yAxis.log(), by[0], by[1]));
        if (cloud.isPresent()) {
            double[] cx = cloud.get().column(xm);
            double[] cy = cloud.get().column(ym);
            List<Bins.Tier> tiers = Bins.of(cx, cy, xAxis, yAxis, ParetoChart.CELLS);
            for (int t = 0; t < tiers.size(); t++) {
                if (tiers.get(t).x().length > 0) {
                    plot.cells("feasible: " + tiers.get(t).label(), CLOUD[t], tiers.get(t).x(), tiers.get(t).y());
                }
            }
        }
        if (front[0].length > 0) {
            double[][] stairs = ParetoChart.staircase(front, xo.minimize());
            plot.line("front of this pair", FRONT, false, stairs[0], stairs[1], true);
            plot.points("designs of pareto.csv (hover for the design)", FRONT, Marker.CIRCLE,
                    run.pareto().numbers(xm), run.pareto().numbers(ym), DesignTips.of(run.pareto(), run.title()));
        }
        for (BudgetBound b : run.budgets()) {
            for (double bound : new double[] {b.max(), b.min()}) {
                if (Double.isNaN(bound) || !(b.metric().equals(xm) || b.metric().equals(ym))) {
                    continue;
                }
                String name = "budget: " + MetricLabels.axis(b.metric()) + (bound == b.max() ? " <= " : " >= ")
                        + MetricLabels.human(b.metric(), bound);
                boolean onX = b.metric().equals(xm);
                double[] lx = onX ? new double[] {bound, bound} : new double[] {bx[0] / 10, bx[1] * 10};
                double[] ly = onX ? new double[] {by[0] / 10, by[1] * 10} : new double[] {bound, bound};
                if (!xAxis.log()) {
                    lx = onX ? lx : new double[] {bx[0] - (bx[1] - bx[0]), bx[1] + (bx[1] - bx[0])};
                }
                if (!yAxis.log()) {
                    ly = onX ? new double[] {by[0] - (by[1] - by[0]), by[1] + (by[1] - by[0])} : ly;
                }
                plot.line(name, BUDGET, true, lx, ly, true);
            }
        }
        double baseX = run.base().getOrDefault(xm, Double.NaN);
        double baseY = run.base().getOrDefault(ym, Double.NaN);
        if (Double.isFinite(baseX) && Double.isFinite(baseY)) {
            plot.points("base model", BASE, Marker.DIAMOND, new double[] {baseX}, new double[] {baseY},
                    new String[] {run.title() + ", base model\n" + MetricLabels.axis(xm) + ": "
                            + MetricLabels.human(xm, baseX) + "\n" + MetricLabels.axis(ym) + ": "
                            + MetricLabels.human(ym, baseY)});
        }
        run.chosen().filter(p -> p.metrics().containsKey(xm) && p.metrics().containsKey(ym)).ifPresent(p -> plot
                .points(p.label(), CHOSEN, Marker.TRIANGLE, new double[] {p.metrics().get(xm)},
                        new double[] {p.metrics().get(ym)}, new String[] {run.title() + ", " + p.label() + "\n"
                                + MetricLabels.axis(xm) + ": " + MetricLabels.human(xm, p.metrics().get(xm)) + "\n"
                                + MetricLabels.axis(ym) + ": " + MetricLabels.human(ym, p.metrics().get(ym))}));
        return plot.html();
    }

    static String title(String metric, Objective o) {
        return MetricLabels.axis(metric) + (o.minimize() ? " (lower is better)" : " (higher is better)");
    }
}
