package dev.ridgeline.report.chart;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart built but not yet drawn, with its file id, title and caption: the XChart chart for the SVG and PNG
 * files, and, when it has one, the page's own explorable version as inline SVG markup (empty when the page
 * shows the XChart drawing).
 */
public record ChartSpec(String id, String title, String caption, Chart<?, ?> chart, String inline) {
    public ChartSpec(String id, String title, String caption, Chart<?, ?> chart) {
        this(id, title, caption, chart, "");
    }

    /** The same chart under another id (the inline markup's element ids follow it). */
    public ChartSpec withId(String newId) {
        return new ChartSpec(newId, title, caption, chart, inline.replace("id=\"chart-" + id + "\"",
                "id=\"chart-" + newId + "\""));
    }
}
