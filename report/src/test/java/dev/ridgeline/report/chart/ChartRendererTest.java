package dev.ridgeline.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Rendering failures: the JDK's font-configuration NPE becomes an error that says what to install. */
class ChartRendererTest {

    /** A chart that fails the way Java 17 does on a Linux without fonts. */
    static final class FontlessChart extends XYChart {
        FontlessChart() {
            super(400, 300);
        }

        @Override
        public void paint(Graphics2D g, int width, int height) {
            NullPointerException e = new NullPointerException(
                    "Cannot load from short array because \"sun.awt.FontConfiguration.head\" is null");
            e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("sun.awt.FontConfiguration", "getVersion", "FontConfiguration.java", 1264),
                new StackTraceElement("sun.font.SunFontManager", "<init>", "SunFontManager.java", 359)});
            throw e;
        }
    }

    @Test
    void theFontConfigurationNpeBecomesAClearError() {
        ChartSpec spec = new ChartSpec("roofline", "Roofline", "caption", new FontlessChart());
        ChartRenderingException e = assertThrows(ChartRenderingException.class, () -> ChartRenderer.render(spec));
        assertTrue(e.getMessage().startsWith("cannot draw the chart roofline: Java found no usable font"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("install one, e.g. 'apt-get install -y fonts-dejavu-core fontconfig'"),
                e.getMessage());
        assertEquals(NullPointerException.class, e.getCause().getClass());
    }

    @Test
    void anUnrelatedFailureIsNotBlamedOnFonts() {
        RuntimeException e = ChartRenderer.fontFailure("memory", new NullPointerException("series"));
        assertTrue(e.getMessage().startsWith("cannot draw the chart memory: java.lang.NullPointerException"),
                e.getMessage());
    }
}
