package dev.ridgeline.report.chart;

/**
 * One chart drawn both ways: SVG (vector, for the page and for print) and PNG at twice its size (for slides and
 * sharp screens), with the sentence that states what it shows.
 *
 * @param id      the file name without extension, e.g. "pareto-latencySeconds-macs"
 * @param caption what the chart shows, in numbers
 * @param inline  the page's explorable inline SVG of it, or empty when the page shows {@code svg}
 */
public record RenderedChart(String id, String title, String caption, byte[] svg, byte[] png, int width,
                            int height, String inline) {
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
