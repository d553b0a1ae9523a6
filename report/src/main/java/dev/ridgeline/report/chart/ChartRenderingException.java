package dev.ridgeline.report.chart;

import dev.ridgeline.core.RidgelineException;

/**
 * Charts could not be drawn on this machine: most often Java finds no font (the JDK's font configuration
 * fails with a NullPointerException on a bare Linux without fontconfig fonts).
 */
public final class ChartRenderingException extends RidgelineException {
    private static final long serialVersionUID = 1L;

    public ChartRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
