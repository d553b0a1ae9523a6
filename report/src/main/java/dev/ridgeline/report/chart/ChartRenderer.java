package dev.ridgeline.report.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Draws charts headless: PNG at twice the chart's size, SVG through XChart's VectorGraphicsEncoder. The same
 * chart gives the same bytes. A machine without usable fonts is reported as a {@link ChartRenderingException}
 * that says what to install, never as the JDK's stack trace.
 */
public final class ChartRenderer {
    /** Pixels per chart unit in the PNG: 2 for sharp screens. */
    public static final int PNG_SCALE = 2;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartRenderer() {
    }

    public static RenderedChart render(ChartSpec spec) {
        Chart<?, ?> chart = spec.chart();
        try {
            return new RenderedChart(spec.id(), spec.title(), spec.caption(), svg(chart), png(chart),
                    chart.getWidth(), chart.getHeight(), spec.inline());
        } catch (NullPointerException | InternalError | UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw fontFailure(spec.id(), e);
        }
    }

    static byte[] png(Chart<?, ?> chart) {
        BufferedImage image = new BufferedImage(chart.getWidth() * PNG_SCALE, chart.getHeight() * PNG_SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(PNG_SCALE, PNG_SCALE);
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SvgCleanup.clean(out.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** Font trouble shows as an NPE, InternalError or link error from the JDK's font classes. */
    static RuntimeException fontFailure(String id, Throwable e) {
        boolean fonts = false;
        for (Throwable t = e; t != null && !fonts; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String where = frame.getClassName();
                if (where.contains("Font") || where.contains("font") || where.contains("sun.awt")) {
                    fonts = true;
                    break;
                }
            }
            fonts |= String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("font");
        }
        if (!fonts) {
            return new ChartRenderingException("cannot draw the chart " + id + ": " + e, e);
        }
        return new ChartRenderingException("cannot draw the chart " + id + ": Java found no usable font ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "); install one, e.g. 'apt-get install -y fonts-dejavu-core fontconfig'", e);
    }
}
