package dev.ridgeline.report.chart;

import org.knowm.xchart.internal.chartpart.Chart;

/** A chart built but not yet drawn, with its file id, title and caption. */
public record ChartSpec(String id, String title, String caption, Chart<?, ?> chart) {
}
