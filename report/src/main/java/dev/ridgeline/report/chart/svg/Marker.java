package dev.ridgeline.report.chart.svg;

import java.util.Locale;

/** Marker shapes as SVG path data around a centre, so that series differ by shape as well as by colour. */
public enum Marker {
    CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, NONE;

    /** The four shapes overlays cycle through. */
    static final Marker[] CYCLE = {CIRCLE, SQUARE, TRIANGLE, DIAMOND};

    String path(double x, double y, double r) {
        return switch (this) {
            case CIRCLE -> String.format(Locale.ROOT, "M%.1f %.1fa%.1f %.1f 0 1 0 %.1f 0a%.1f %.1f 0 1 0 %.1f 0z",
                    x - r, y, r, r, 2 * r, r, r, -2 * r);
            case SQUARE -> String.format(Locale.ROOT, "M%.1f %.1fh%.1fv%.1fh%.1fz", x - r * 0.85, y - r * 0.85,
                    1.7 * r, 1.7 * r, -1.7 * r);
            case TRIANGLE -> String.format(Locale.ROOT, "M%.1f %.1fl%.1f %.1fh%.1fz", x, y - 1.15 * r, 1.1 * r,
                    1.9 * r, -2.2 * r);
            case TRIANGLE_DOWN -> String.format(Locale.ROOT, "M%.1f %.1fl%.1f %.1fh%.1fz", x, y + 1.15 * r, 1.1 * r,
                    -1.9 * r, -2.2 * r);
            case DIAMOND -> String.format(Locale.ROOT, "M%.1f %.1fl%.1f %.1fl%.1f %.1fl%.1f %.1fz", x, y - 1.2 * r,
                    1.2 * r, 1.2 * r, -1.2 * r, 1.2 * r, -1.2 * r, -1.2 * r);
            case NONE -> "";
        };
    }
}
