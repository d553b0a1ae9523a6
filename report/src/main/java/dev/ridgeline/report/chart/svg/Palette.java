package dev.ridgeline.report.chart.svg;

/**
 * Colours for series that must be told apart by readers with any colour vision: the Okabe-Ito palette (M. Okabe
 * and K. Ito, "Color Universal Design", 2008) without its yellow, which is too light on white. Series i takes
 * colour i mod 7 and shape i mod 4, so 28 series get distinct colour and marker pairs.
 */
public final class Palette {
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7",
        "#000000"};
    /** Distinct colour and marker pairs before one repeats. */
    public static final int PAIRS = 28;

    private Palette() {
    }

    public static String colour(int i) {
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }

    public static Marker marker(int i) {
        return Marker.CYCLE[Math.floorMod(i, Marker.CYCLE.length)];
    }
}
