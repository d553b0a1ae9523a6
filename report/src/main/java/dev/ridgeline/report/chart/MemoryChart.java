package dev.ridgeline.report.chart;

import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.store.read.AnalysisRun;
import java.util.Optional;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Live activation bytes at each step of the execution order, the peak marked with its layer. */
public final class MemoryChart {
    private MemoryChart() {
    }

    public static Optional<ChartSpec> of(AnalysisRun run) {
        long[] live = run.liveBytes();
        if (live.length == 0) {
            return Optional.empty();
        }
        double[] step = new double[live.length];
        double[] bytes = new double[live.length];
        int peak = 0;
        for (int i = 0; i < live.length; i++) {
            step[i] = i;
            bytes[i] = live[i];
            if (live[i] > live[peak]) {
                peak = i;
            }
        }
        XYChart chart = ChartStyle.xy("step of the execution order (layer index)", "live activation memory");
        ChartStyle.ticks(chart.getStyler(), v -> Long.toString(Math.round(v)), v -> Quantities.bytes(Math.round(v)));
        chart.getStyler().setYAxisMin(0.0);
        XYSeries s = chart.addSeries("live activation bytes", step, bytes);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ChartStyle.PALETTE[0]);
        s.setFillColor(new java.awt.Color(0x4E, 0x79, 0xA7, 0x55));
        String peakLayer = run.layers().get(peak).name();
        XYSeries p = chart.addSeries("peak " + Quantities.bytes(live[peak]) + " at " + peakLayer,
                new double[] {peak}, new double[] {live[peak]});
        p.setMarker(SeriesMarkers.DIAMOND);
        p.setMarkerColor(ChartStyle.FRONT);
        chart.addAnnotation(new AnnotationText("peak: " + peakLayer, peak, live[peak] * 0.93, false));
        int aboveHalf = 0;
        for (long b : live) {
            if (2 * b >= live[peak]) {
                aboveHalf++;
            }
        }
        String caption = "Live activation memory peaks at " + Quantities.bytes(live[peak]) + " while " + peakLayer
                + " (step " + peak + " of " + live.length + ") runs; " + aboveHalf + " of " + live.length
                + " steps need at least half the peak. Weights (" + Quantities.bytes(run.totals()
                .getOrDefault("weightBytes", 0L)) + ") are not included.";
        return Optional.of(new ChartSpec("memory", "Activation memory over the execution order", caption, chart));
    }
}
