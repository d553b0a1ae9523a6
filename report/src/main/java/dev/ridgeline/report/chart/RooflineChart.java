package dev.ridgeline.report.chart;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.store.read.AnalysisRun;
import dev.ridgeline.store.read.LayerRow;
import dev.ridgeline.store.read.Roofs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The roofline of the device at the run's precision: the memory roof and the compute roof of each engine with
 * a peak (matrix, vector), every timed layer at its arithmetic intensity and attained rate, coloured by op,
 * and the ridge point of the engine the timing used.
 */
public final class RooflineChart {
    private RooflineChart() {
    }

    public static Optional<ChartSpec> of(AnalysisRun run) {
        if (run.roofs().isEmpty()) {
            return Optional.empty();
        }
        Roofs roofs = run.roofs().get();
        List<LayerRow> timed = run.layers().stream()
                .filter(l -> l.timed() && l.ops() > 0 && l.bytes() > 0 && l.seconds() > 0).toList();
        double ridge = roofs.ridgeOpsPerByte();
        double minX = ridge;
        double maxX = ridge;
        for (LayerRow l : timed) {
            minX = Math.min(minX, l.arithmeticIntensity());
            maxX = Math.max(maxX, l.arithmeticIntensity());
        }
        minX = Math.pow(10, Math.floor(Math.log10(minX)));
        maxX = Math.pow(10, Math.ceil(Math.log10(maxX) + 0.01));

        XYChart chart = ChartStyle.xy("arithmetic intensity (operations per byte moved)",
                "attained operations per second");
        Axis logX = new Axis(minX, maxX, true);
        Axis logY = new Axis(1, 2, true);
        ChartStyle.ticks(chart.getStyler(), logX.ticks(v -> Quantities.decimal(v, "", "T").strip()),
                logY.ticks(v -> Quantities.decimal(v, "op/s", "P")));

        Map<String, List<LayerRow>> byOp = new LinkedHashMap<>();
        timed.stream().sorted(Comparator.comparing(LayerRow::op))
                .forEach(l -> byOp.computeIfAbsent(l.op(), k -> new ArrayList<>()).add(l));
        int colour = 0;
        for (Map.Entry<String, List<LayerRow>> e : byOp.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(LayerRow::arithmeticIntensity).toArray();
            double[] y = e.getValue().stream().mapToDouble(LayerRow::attainedOpsPerSecond).toArray();
            XYSeries s = chart.addSeries(e.getKey() + " (" + x.length + ")", logX.plot(x), logY.plot(y));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(ChartStyle.palette(colour++));
        }
        double memory = roofs.memoryRoof();
        roof(chart, "matrix", roofs.matrixOpsPerSecond(), roofs, logX, logY, memory);
        if (Double.isFinite(roofs.vectorOpsPerSecond())
                && roofs.vectorOpsPerSecond() != roofs.matrixOpsPerSecond()) {
            roof(chart, "vector", roofs.vectorOpsPerSecond(), roofs, logX, logY, memory);
        }
        XYSeries ridgePoint = chart.addSeries(String.format(Locale.ROOT, "ridge point (%s op/B)",
                Quantities.decimal(ridge, "", "T").strip()), new double[] {logX.plot(ridge)},
                new double[] {logY.plot(roofs.computeRoof(roofs.peakOpsPerSecond()))});
        ridgePoint.setMarker(SeriesMarkers.DIAMOND);
        ridgePoint.setMarkerColor(ChartStyle.INK);
        return Optional.of(new ChartSpec("roofline", "Roofline of " + roofs.deviceName() + " at " + roofs.precision(),
                caption(run, roofs, timed), chart));
    }

    private static void roof(XYChart chart, String engine, double peak, Roofs roofs, Axis logX, Axis logY,
                             double memory) {
        if (!Double.isFinite(peak)) {
            return;
        }
        double minX = logX.min();
        double maxX = logX.max();
        double compute = roofs.computeRoof(peak);
        double knee = compute / memory;
        double[] x;
        double[] y;
        if (knee <= minX) {
            x = new double[] {minX, maxX};
            y = new double[] {compute, compute};
        } else if (knee >= maxX) {
            x = new double[] {minX, maxX};
            y = new double[] {minX * memory, maxX * memory};
        } else {
            x = new double[] {minX, knee, maxX};
            y = new double[] {minX * memory, compute, compute};
        }
        String used = engine.equals(roofs.engine()) ? ", used" : "";
        XYSeries s = chart.addSeries(engine + " roof " + Quantities.decimal(compute, "op/s", "P") + used,
                logX.plot(x), logY.plot(y));
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(used.isEmpty() ? ChartStyle.BUDGET : ChartStyle.INK);
        s.setLineStyle(used.isEmpty() ? ChartStyle.DASHED : ChartStyle.SOLID);
    }

    static String caption(AnalysisRun run, Roofs roofs, List<LayerRow> timed) {
        double total = 0;
        double memoryBound = 0;
        int memoryLayers = 0;
        for (LayerRow l : run.layers()) {
            if (l.timed()) {
                total += l.seconds();
                if (l.bound().equals("memory")) {
                    memoryBound += l.seconds();
                    memoryLayers++;
                }
            }
        }
        List<LayerRow> slowest = run.layers().stream().filter(LayerRow::timed)
                .sorted(Comparator.comparingDouble(LayerRow::seconds).reversed()).limit(3).toList();
        StringBuilder s = new StringBuilder();
        s.append(Quantities.percent(memoryBound, total)).append(" of the ").append(Quantities.seconds(total))
                .append(" latency is memory-bound (").append(memoryLayers).append(" layers); the ridge point is at ")
                .append(Quantities.decimal(roofs.ridgeOpsPerByte(), "", "T").strip())
                .append(" operations per byte on the ").append(roofs.engine()).append(" engine. The slowest layers are ");
        for (int i = 0; i < slowest.size(); i++) {
            LayerRow l = slowest.get(i);
            s.append(i == 0 ? "" : i == slowest.size() - 1 ? " and " : ", ").append(l.name()).append(" (")
                    .append(Quantities.seconds(l.seconds())).append(", ").append(l.bound()).append("-bound)");
        }
        s.append(". ").append(timed.size()).append(" layers that compute and move data are plotted.");
        return s.toString();
    }
}
