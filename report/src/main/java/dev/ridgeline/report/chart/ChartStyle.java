package dev.ridgeline.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The one look of the report's charts: white, quiet grid, legend below, titles left to the page. */
final class ChartStyle {
    static final int WIDTH = 900;
    static final int HEIGHT = 460;

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    static final Color FRONT = new Color(0xC0, 0x39, 0x2B);
    static final Color BASE = new Color(0x22, 0x22, 0x22);
    static final Color BUDGET = new Color(0x7F, 0x8C, 0x8D);
    static final Color CHOSEN = new Color(0x27, 0xAE, 0x60);
    /** Designs whose predicted accuracy lies outside the measured range. */
    static final Color EXTRAPOLATED = new Color(0xF3, 0x9C, 0x12);
    static final Color[] CLOUD = {new Color(0xD6, 0xE4, 0xF0), new Color(0x9E, 0xC2, 0xE0), new Color(0x4A, 0x86, 0xC0)};
    /** Qualitative colours for op kinds, stages and runs (Tableau 10). */
    static final Color[] PALETTE = {new Color(0x4E, 0x79, 0xA7), new Color(0xF2, 0x8E, 0x2B),
        new Color(0xE1, 0x57, 0x59), new Color(0x76, 0xB7, 0xB2), new Color(0x59, 0xA1, 0x4F),
        new Color(0xED, 0xC9, 0x48), new Color(0xB0, 0x7A, 0xA1), new Color(0xFF, 0x9D, 0xA7),
        new Color(0x9C, 0x75, 0x5F), new Color(0xBA, 0xB0, 0xAC)};

    static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final BasicStroke SOLID = new BasicStroke(2f);

    private ChartStyle() {
    }

    static XYChart xy(String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        common(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    static CategoryChart category(String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        common(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(40);
        chart.getStyler().setOverlapped(false);
        return chart;
    }

    static void common(AxesChartStyler styler) {
        styler.setChartTitleVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xBB, 0xBB, 0xBB));
        styler.setPlotGridLinesColor(GRID);
        styler.setChartFontColor(INK);
        styler.setAxisTickLabelsColor(INK);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setAnnotationTextFontColor(INK);
        styler.setSeriesColors(PALETTE);
    }

    /** Axis ticks in the metric's own units ("1.5 ms", "3.4 M", "6.5 MiB"). */
    static void ticks(AxesChartStyler styler, Function<Double, String> x, Function<Double, String> y) {
        if (x != null) {
            styler.setxAxisTickLabelsFormattingFunction(x);
        }
        if (y != null) {
            styler.setyAxisTickLabelsFormattingFunction(y);
        }
    }

    static Color palette(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }
}
