package dev.ridgeline.report.chart;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.store.read.AnalysisRun;
import dev.ridgeline.store.read.Run;
import dev.ridgeline.store.read.SweepRun;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Several runs side by side: a heatmap of latency over models x (device, precision) (an analysis's total, a
 * sweep's best design within budget), and the fronts of sweeps that share their first two objectives overlaid.
 */
public final class ComparisonCharts {
    private ComparisonCharts() {
    }

    /** One cell of the heatmap: the run's model, its device and precision, and its latency in seconds. */
    public record Cell(String model, String column, double seconds, String what) {
    }

    public static List<Cell> cells(List<Run> runs) {
        List<Cell> cells = new ArrayList<>();
        for (Run run : runs) {
            if (run instanceof AnalysisRun a && a.roofs().isPresent()) {
                cells.add(new Cell(a.model(), a.device() + " " + a.precision(), a.roofs().get().totalSeconds(),
                        "total"));
            } else if (run instanceof SweepRun s && s.pareto().has("latencySeconds")) {
                double best = Double.POSITIVE_INFINITY;
                for (double v : s.pareto().numbers("latencySeconds")) {
                    best = Double.isFinite(v) ? Math.min(best, v) : best;
                }
                if (Double.isFinite(best)) {
                    cells.add(new Cell(s.model(), s.hardware() + " " + s.precision(), best, "best within budget"));
                }
            }
        }
        return cells;
    }

    public static Optional<ChartSpec> heatmap(List<Run> runs) {
        List<Cell> cells = cells(runs);
        if (cells.size() < 2) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>(new LinkedHashSet<>(cells.stream().map(Cell::column).toList()));
        List<String> models = new ArrayList<>(new LinkedHashSet<>(cells.stream().map(Cell::model).toList()));
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.WIDTH)
                .height(Math.max(260, 120 + 60 * models.size())).xAxisTitle("device and precision (latency in ms)")
                .yAxisTitle("model").build();
        chart.getStyler().setChartTitleVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setHeatMapValueDecimalPattern("0.000");
        chart.getStyler().setRangeColors(new Color[] {new Color(0xEA, 0xF2, 0xF8), new Color(0x4A, 0x86, 0xC0)});
        chart.getStyler().setLegendVisible(false);
        List<Number[]> heat = new ArrayList<>();
        for (Cell c : cells) {
            heat.add(new Number[] {columns.indexOf(c.column()), models.indexOf(c.model()), c.seconds() * 1000});
        }
        chart.addSeries("latency (ms)", columns, models, heat);
        Cell fastest = cells.stream().min(java.util.Comparator.comparingDouble(Cell::seconds)).orElseThrow();
        Cell slowest = cells.stream().max(java.util.Comparator.comparingDouble(Cell::seconds)).orElseThrow();
        String caption = "Latency of " + cells.size() + " runs (" + models.size() + " models x " + columns.size()
                + " devices and precisions; an analysis shows its total, a sweep its best design within budget): "
                + "from " + Quantities.seconds(fastest.seconds()) + " (" + fastest.model() + " on " + fastest.column()
                + ") to " + Quantities.seconds(slowest.seconds()) + " (" + slowest.model() + " on " + slowest.column()
                + ").";
        return Optional.of(new ChartSpec("compare-latency", "Latency across runs", caption, chart));
    }

    public static Optional<ChartSpec> fronts(List<Run> runs) {
        List<SweepRun> sweeps = runs.stream().filter(r -> r instanceof SweepRun).map(r -> (SweepRun) r)
                .filter(s -> s.objectives().size() >= 2).toList();
        if (sweeps.size() < 2) {
            return Optional.empty();
        }
        SweepRun.Objective xo = sweeps.get(0).objectives().get(0);
        SweepRun.Objective yo = sweeps.get(0).objectives().get(1);
        List<SweepRun> same = sweeps.stream().filter(s -> s.objectives().get(0).equals(xo)
                && s.objectives().get(1).equals(yo)).toList();
        if (same.size() < 2) {
            return Optional.empty();
        }
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (SweepRun s : same) {
            double[][] f = ParetoChart.front2d(s.pareto().numbers(xo.metric()), s.pareto().numbers(yo.metric()),
                    xo.minimize(), yo.minimize());
            xs.add(f[0]);
            ys.add(f[1]);
        }
        Axis xAxis = Axis.of(xs.toArray(double[][]::new));
        Axis yAxis = Axis.of(ys.toArray(double[][]::new));
        XYChart chart = ChartStyle.xy(MetricLabels.axis(xo.metric()), MetricLabels.axis(yo.metric()));
        ChartStyle.ticks(chart.getStyler(), xAxis.ticks(v -> MetricLabels.tick(xo.metric(), v)),
                yAxis.ticks(v -> MetricLabels.tick(yo.metric(), v)));
        StringBuilder caption = new StringBuilder("Fronts of " + same.size() + " sweeps in " + MetricLabels.axis(
                xo.metric()) + " and " + MetricLabels.axis(yo.metric()) + ": ");
        for (int i = 0; i < same.size(); i++) {
            String name = same.get(i).title();
            XYSeries s = chart.addSeries(name, xAxis.plot(xs.get(i)), yAxis.plot(ys.get(i)));
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(ChartStyle.palette(i));
            s.setMarkerColor(ChartStyle.palette(i));
            caption.append(i == 0 ? "" : "; ").append(name).append(" has ").append(xs.get(i).length).append(" designs");
        }
        return Optional.of(new ChartSpec("compare-fronts", "Fronts overlaid", caption.append('.').toString(), chart));
    }
}
