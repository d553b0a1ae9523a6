package dev.ridgeline.report.chart;

/**
 * One chart drawn both ways: SVG (vector, for the page and for print) and PNG at twice its size (for slides and
 * sharp screens), with the sentence that states what it shows.
 *
 * @param id      the file name without extension, e.g. "pareto-latencySeconds-macs"
 * @param caption what the chart shows, in numbers
 */
public record RenderedChart(String id, String title, String caption, byte[] svg, byte[] png, int width,
                            int height) {
    public RenderedChart {
        svg = svg.clone();
        png = png.clone();
    }

    @Override
    public byte[] svg() {
        return svg.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}
