package dev.ridgeline.report.measure;

import dev.ridgeline.measure.validate.Validation;
import dev.ridgeline.measure.validate.ValidationPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The predicted-vs-measured chart of a validation (PNG, log-log, milliseconds): one point per held-out design for
 * the profile and for the comparison, the line where prediction equals measurement and the +-10% band around it.
 */
public final class ValidationChart {
    private ValidationChart() {
    }

    public static XYChart chart(Validation.Result r, String profile, String comparison) {
        XYChart chart = new XYChartBuilder().width(800).height(640)
                .title("Held-out designs: predicted vs measured (fastest run)").xAxisTitle("measured (ms)")
                .yAxisTitle("predicted (ms)").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        double[] measured = r.points().stream().mapToDouble(p -> 1e3 * p.measuredSeconds()).toArray();
        double[] all = r.points().stream().flatMapToDouble(p -> java.util.stream.DoubleStream.of(p.measuredSeconds(),
                p.predictedSeconds(), p.comparedSeconds())).filter(v -> v > 0 && Double.isFinite(v)).map(v -> 1e3 * v)
                .toArray();
        double lo = java.util.Arrays.stream(all).min().orElse(1) / 1.5;
        double hi = java.util.Arrays.stream(all).max().orElse(1) * 1.5;
        // whole decades at both ends, so that XChart's log axes label at least two of them, not a lone "10"
        double decadeLo = Math.pow(10, Math.floor(Math.log10(lo)));
        double decadeHi = Math.pow(10, Math.max(Math.ceil(Math.log10(hi)), Math.log10(decadeLo) + 1));
        chart.getStyler().setXAxisMin(decadeLo).setXAxisMax(decadeHi).setYAxisMin(decadeLo).setYAxisMax(decadeHi)
                .setXAxisDecimalPattern("0.###").setYAxisDecimalPattern("0.###");
        lo = decadeLo;
        hi = decadeHi;
        line(chart, "predicted = measured", lo, hi, 1.0, new BasicStroke(1.5f), Color.DARK_GRAY);
        float[] dash = {6f, 4f};
        BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
        line(chart, "+10%", lo, hi, 1.1, dashed, Color.GRAY);
        line(chart, "-10%", lo, hi, 0.9, dashed, Color.GRAY);
        XYSeries fitted = chart.addSeries(profile, measured,
                r.points().stream().mapToDouble(p -> 1e3 * p.predictedSeconds()).toArray());
        fitted.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE)
                .setMarkerColor(new Color(0, 90, 181));
        XYSeries other = chart.addSeries(comparison, measured,
                r.points().stream().mapToDouble(ValidationPoint::comparedSeconds).map(s -> 1e3 * s).toArray());
        other.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.DIAMOND)
                .setMarkerColor(new Color(220, 50, 32));
        return chart;
    }

    /** The chart as PNG bytes, for the store to write (validation.png). */
    public static byte[] png(Validation.Result r, String profile, String comparison) {
        try {
            return BitmapEncoder.getBitmapBytes(chart(r, profile, comparison), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot render the validation chart", e); // in memory: no disk
        }
    }

    private static void line(XYChart chart, String name, double lo, double hi, double factor, BasicStroke stroke,
                             Color color) {
        XYSeries s = chart.addSeries(name, new double[] {lo, hi}, new double[] {lo * factor, hi * factor});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE)
                .setLineStyle(stroke).setLineColor(color);
    }
}
