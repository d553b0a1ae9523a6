package dev.ridgeline.report.chart.svg;

/**
 * Colours for series that must be told apart by readers with any colour vision: the Okabe-Ito palette (M. Okabe
 * and K. Ito, "Color Universal Design", 2008) without its yellow, which is too light on white. Series i takes
 * colour i mod 7 and shape i mod 4, so 28 series get distinct colour and marker pairs. Bars, which have no
 * marker, take Paul Tol's "muted" scheme (P. Tol, "Colour schemes", SRON, 2021).
 */
public final class Palette {
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7",
        "#000000"};
    /** Fills for bars (stages, groups): Paul Tol's "muted" scheme, nine colours and a pale grey. */
    private static final String[] FILLS = {"#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77",
        "#CC6677", "#882255", "#AA4499", "#BBBBBB"};
    /** Distinct colour and marker pairs before one repeats. */
    public static final int PAIRS = 28;

    private Palette() {
    }

    public static String colour(int i) {
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }

    /** A bar's fill: ten distinct ones before one repeats. */
    public static String fill(int i) {
        return FILLS[Math.floorMod(i, FILLS.length)];
    }

    public static Marker marker(int i) {
        return Marker.CYCLE[Math.floorMod(i, Marker.CYCLE.length)];
    }
}
