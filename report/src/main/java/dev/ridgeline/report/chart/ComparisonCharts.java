package dev.ridgeline.report.chart;

import dev.ridgeline.report.chart.RunDigest.Best;
import dev.ridgeline.report.chart.RunDigest.Front;
import dev.ridgeline.report.chart.svg.Palette;
import dev.ridgeline.report.chart.svg.SvgPlot;
import dev.ridgeline.report.chart.svg.Unit;
import dev.ridgeline.store.format.Quantities;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Several runs side by side, from their digests: the latency of each network x (device, precision) at its best
 * design within budget (a heatmap for slides; the page shows it as a table), and, for each network with
 * several sweeps in the same two objectives, their fronts overlaid in colour and marker pairs safe for colour
 * blindness.
 */
public final class ComparisonCharts {
    private static final org.knowm.xchart.style.markers.Marker[] XCHART_MARKERS = {SeriesMarkers.CIRCLE,
        SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.DIAMOND};

    private ComparisonCharts() {
    }

    /** One cell: a run's network, its device and precision, and the latency of its best design within budget. */
    public record Cell(String model, String column, double seconds, String what, int run) {
    }

    public static List<Cell> cells(List<RunDigest> runs) {
        List<Cell> cells = new ArrayList<>();
        for (RunDigest d : runs) {
            if (d.device().isEmpty() || d.kind().equals("plan")) {
                continue;
            }
            Optional<Best> best = d.best();
            if (best.isPresent() && Double.isFinite(best.get().latencySeconds())) {
                cells.add(new Cell(d.model(), d.device() + " " + d.precision(), best.get().latencySeconds(),
                        d.kind().equals("analysis") ? "total" : "best within budget", d.number()));
            }
        }
        return cells;
    }

    /** The heatmap file for slides; the page draws the same cells as a table. */
    public static Optional<ChartSpec> heatmap(List<RunDigest> runs) {
        List<Cell> cells = cells(runs);
        if (cells.size() < 2) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>(new LinkedHashSet<>(cells.stream().map(Cell::column).toList()));
        List<String> models = new ArrayList<>(new LinkedHashSet<>(cells.stream().map(Cell::model).toList()));
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(ChartStyle.WIDTH, 110 * columns.size()))
                .height(Math.max(300, 160 + 40 * models.size())).xAxisTitle("device and precision (latency in ms)")
                .yAxisTitle("model").build();
        chart.getStyler().setChartTitleVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setXAxisLabelRotation(35);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setRangeColors(new Color[] {new Color(0xEA, 0xF2, 0xF8), new Color(0x4A, 0x86, 0xC0)});
        chart.getStyler().setLegendVisible(false);
        Map<String, Number[]> heat = new LinkedHashMap<>();
        for (Cell c : cells) {
            // one value a cell: the fastest run's when several runs share it
            heat.merge(c.column() + "\u0000" + c.model(), new Number[] {columns.indexOf(c.column()),
                models.indexOf(c.model()), c.seconds() * 1000}, (a, b) -> a[2].doubleValue() <= b[2].doubleValue()
                    ? a : b);
        }
        chart.addSeries("latency (ms)", columns, models, new ArrayList<>(heat.values()));
        return Optional.of(new ChartSpec("compare-latency", "Latency across runs", heatCaption(cells, columns,
                models), chart));
    }

    public static String heatCaption(List<Cell> cells, List<String> columns, List<String> models) {
        Cell fastest = cells.stream().min(java.util.Comparator.comparingDouble(Cell::seconds)).orElseThrow();
        Cell slowest = cells.stream().max(java.util.Comparator.comparingDouble(Cell::seconds)).orElseThrow();
        return "Latency of the best design within budget (a sweep's front design with the most "
                + "of its maximised objective; an analysis's total) for " + models.size()
                + (models.size() == 1 ? " network x " : " networks x ") + columns.size()
                + (columns.size() == 1 ? " device and precision: " : " devices and precisions: ")
                + range(Quantities.seconds(fastest.seconds()), fastest.model() + " on " + fastest.column(),
                        Quantities.seconds(slowest.seconds()), slowest.model() + " on " + slowest.column(),
                        slowest.seconds() / fastest.seconds(), "%.0fx") + ".";
    }

    /**
     * "from A (where) to B (where), Nx apart", or "A in every run" when the two read the same: naming one run
     * twice as both ends would say nothing.
     */
    static String range(String low, String lowWhere, String high, String highWhere, double ratio, String ratioFormat) {
        if (low.equals(high)) {
            return low + " in every run";
        }
        return "from " + low + " (" + lowWhere + ") to " + high + " (" + highWhere + ")"
                + (Double.isFinite(ratio) && ratio > 0 ? ", " + String.format(java.util.Locale.ROOT, ratioFormat,
                ratio) + " apart" : "");
    }

    /** One overlay per network whose sweeps share their first two objectives, in order of first appearance. */
    public static List<ChartSpec> fronts(List<RunDigest> runs, List<String> labels) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            RunDigest d = runs.get(i);
            if (d.front().isPresent()) {
                Front f = d.front().get();
                byGroup.computeIfAbsent(d.model() + "\u0000" + f.x() + "\u0000" + f.y(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        List<ChartSpec> charts = new ArrayList<>();
        int n = 0;
        for (List<Integer> group : byGroup.values()) {
            if (group.size() >= 2) {
                charts.add(overlay("compare-fronts-" + (++n), group.stream().map(runs::get).toList(),
                        group.stream().map(labels::get).toList()));
            }
        }
        return charts;
    }

    static ChartSpec overlay(String id, List<RunDigest> runs, List<String> labels) {
        Front first = runs.get(0).front().orElseThrow();
        String xm = first.x().metric();
        String ym = first.y().metric();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        runs.forEach(d -> {
            xs.add(d.front().orElseThrow().xs());
            ys.add(d.front().orElseThrow().ys());
        });
        Axis xAxis = Axis.of(xs.toArray(double[][]::new));
        Axis yAxis = Axis.of(ys.toArray(double[][]::new));
        XYChart chart = ChartStyle.xy(MetricLabels.axis(xm), MetricLabels.axis(ym));
        ChartStyle.ticks(chart.getStyler(), xAxis.ticks(v -> MetricLabels.tick(xm, v)),
                yAxis.ticks(v -> MetricLabels.tick(ym, v)));
        SvgPlot plot = new SvgPlot(id, new SvgPlot.Axis(ParetoSvg.title(xm, first.x()), Unit.of(xm), xAxis.log(),
                xAxis.min(), xAxis.max()), new SvgPlot.Axis(ParetoSvg.title(ym, first.y()), Unit.of(ym), yAxis.log(),
                yAxis.min(), yAxis.max()));
        String model = runs.get(0).model();
        List<String> keys = labels.stream().map(l -> l.startsWith(model + " on ") ? l.substring(model.length() + 4)
                : l).toList();
        String bestX = first.x().minimize() ? "lowest " : "highest ";
        int fastest = -1;
        int slowest = -1;
        double[] bests = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            Front f = runs.get(i).front().orElseThrow();
            double[][] front = ParetoChart.front2d(f.xs(), f.ys(), f.x().minimize(), f.y().minimize());
            XYSeries s = chart.addSeries(keys.get(i), xAxis.plot(front[0]), yAxis.plot(front[1]));
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            s.setMarker(XCHART_MARKERS[Math.floorMod(i, XCHART_MARKERS.length)]);
            Color colour = Color.decode(Palette.colour(i));
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            plot.points(keys.get(i), Palette.colour(i), Palette.marker(i), f.xs(), f.ys(), f.tips());
            plot.line(keys.get(i), Palette.colour(i), false, front[0], front[1], false);
            bests[i] = front[0].length == 0 ? Double.NaN : f.x().minimize() ? front[0][0]
                    : front[0][front[0].length - 1];
            if (Double.isFinite(bests[i])) {
                fastest = fastest < 0 || better(bests[i], bests[fastest], f.x().minimize()) ? i : fastest;
                slowest = slowest < 0 || better(bests[slowest], bests[i], f.x().minimize()) ? i : slowest;
            }
        }
        String caption = "Fronts of " + runs.size() + " sweeps of " + model + ", " + MetricLabels.axis(xm)
                + " against " + MetricLabels.axis(ym) + (fastest < 0 ? "." : ": the " + bestX
                + MetricLabels.axis(xm) + " within budget " + (MetricLabels.human(xm, bests[fastest]).equals(
                MetricLabels.human(xm, bests[slowest])) ? "is " : "ranges ")
                + range(MetricLabels.human(xm, bests[fastest]),
                keys.get(fastest), MetricLabels.human(xm, bests[slowest]), keys.get(slowest),
                bests[fastest] > 0 && bests[slowest] > 0 ? Math.max(bests[slowest] / bests[fastest],
                        bests[fastest] / bests[slowest]) : Double.NaN, "%.1fx") + ". Hover a point for its design;"
                + " click a legend entry to hide a run.");
        return new ChartSpec(id, "Fronts of " + model + " overlaid", caption, chart, plot.html());
    }

    private static boolean better(double a, double b, boolean minimize) {
        return minimize ? a < b : a > b;
    }

}
