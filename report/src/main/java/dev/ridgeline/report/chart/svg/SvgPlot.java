package dev.ridgeline.report.chart.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An x-y chart drawn as inline SVG for the page: axes with round ticks ({@link Ticks}), series of points, lines
 * or binned cells, and a legend of buttons that show and hide each series. A point given a tip is an element
 * of its own with a {@code <title>} child (the browser shows it on hover, the page's script shows it at once);
 * points without one are drawn as one path per series, so a cloud of thousands costs one element.
 */
public final class SvgPlot {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 440;
    static final int LEFT = 84;
    static final int RIGHT = 24;
    static final int TOP = 14;
    static final int BOTTOM = 58;
    /** The width of a character of the 12 px tick font, a little over the average, to keep labels apart. */
    static final double CHAR_PX = 7.0;

    /** One axis: its title, unit, scale and extent (widened here to round ends). */
    public record Axis(String title, Unit unit, boolean log, double min, double max) {
    }

    private record Series(String name, String colour, Marker marker, Kind kind, double[] x, double[] y,
                          String[] tips, boolean legend) {
    }

    private enum Kind { POINTS, LINE, DASHED, CELLS }

    private final String id;
    private final Axis x;
    private final Axis y;
    private final List<Series> series = new ArrayList<>();

    public SvgPlot(String id, Axis x, Axis y) {
        this.id = id;
        this.x = widen(x);
        this.y = widen(y);
    }

    /** Markers, each with its tip when {@code tips} is not null. */
    public SvgPlot points(String name, String colour, Marker marker, double[] xs, double[] ys, String[] tips) {
        series.add(new Series(name, colour, marker, Kind.POINTS, xs, ys, tips, true));
        return this;
    }

    public SvgPlot line(String name, String colour, boolean dashed, double[] xs, double[] ys, boolean legend) {
        series.add(new Series(name, colour, Marker.NONE, dashed ? Kind.DASHED : Kind.LINE, xs, ys, null, legend));
        return this;
    }

    /** Small squares at cell centres: a binned cloud. */
    public SvgPlot cells(String name, String colour, double[] xs, double[] ys) {
        series.add(new Series(name, colour, Marker.SQUARE, Kind.CELLS, xs, ys, null, true));
        return this;
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** The chart as an HTML fragment: the SVG and its legend. */
    public String html() {
        StringBuilder s = new StringBuilder(4096);
        s.append("<div class=\"chart\" id=\"chart-").append(id).append("\">\n");
        s.append("<svg class=\"plot\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n");
        axes(s);
        s.append("<svg x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotWidth())
                .append("\" height=\"").append(plotHeight()).append("\" viewBox=\"").append(LEFT).append(' ')
                .append(TOP).append(' ').append(plotWidth()).append(' ').append(plotHeight())
                .append("\" overflow=\"hidden\">\n");
        for (int i = 0; i < series.size(); i++) {
            draw(s, i, series.get(i));
        }
        s.append("</svg>\n</svg>\n");
        legend(s);
        return s.append("</div>\n").toString();
    }

    private void axes(StringBuilder s) {
        int right = WIDTH - RIGHT;
        int bottom = HEIGHT - BOTTOM;
        s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotWidth())
                .append("\" height=\"").append(plotHeight()).append("\" fill=\"none\" stroke=\"#bbb\"/>\n");
        List<Ticks.Tick> xt = thin(x.log ? Ticks.log(x.min, x.max, x.unit) : Ticks.linear(x.min, x.max, x.unit), true);
        List<Ticks.Tick> yt = thin(y.log ? Ticks.log(y.min, y.max, y.unit) : Ticks.linear(y.min, y.max, y.unit),
                false);
        s.append("<g class=\"grid\" stroke=\"#e4e4e4\">");
        for (Ticks.Tick t : xt) {
            double px = px(t.value());
            s.append("<line x1=\"").append(f(px)).append("\" x2=\"").append(f(px)).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(bottom).append("\"/>");
        }
        for (Ticks.Tick t : yt) {
            double py = py(t.value());
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(right).append("\" y1=\"").append(f(py))
                    .append("\" y2=\"").append(f(py)).append("\"/>");
        }
        s.append("</g>\n<g class=\"ticks\" fill=\"#222\">");
        for (Ticks.Tick t : xt) {
            s.append("<text x=\"").append(f(px(t.value()))).append("\" y=\"").append(bottom + 18)
                    .append("\" text-anchor=\"middle\">").append(escape(t.label())).append("</text>");
        }
        for (Ticks.Tick t : yt) {
            s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(py(t.value()) + 4))
                    .append("\" text-anchor=\"end\">").append(escape(t.label())).append("</text>");
        }
        s.append("</g>\n");
        s.append("<text class=\"axis-title\" x=\"").append(LEFT + plotWidth() / 2).append("\" y=\"")
                .append(HEIGHT - 14).append("\" text-anchor=\"middle\" font-size=\"13\">").append(escape(x.title))
                .append("</text>\n");
        s.append("<text class=\"axis-title\" transform=\"translate(16 ").append(TOP + plotHeight() / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">").append(escape(y.title))
                .append("</text>\n");
    }

    /** Drops every other tick until neighbouring labels keep clear of each other. */
    private List<Ticks.Tick> thin(List<Ticks.Tick> ticks, boolean horizontal) {
        for (int every = 1; every < Math.max(2, ticks.size()); every++) {
            List<Ticks.Tick> kept = new ArrayList<>();
            for (int i = 0; i < ticks.size(); i += every) {
                kept.add(ticks.get(i));
            }
            boolean clear = true;
            for (int i = 1; i < kept.size() && clear; i++) {
                Ticks.Tick a = kept.get(i - 1);
                Ticks.Tick b = kept.get(i);
                double gap = horizontal ? Math.abs(px(b.value()) - px(a.value()))
                        : Math.abs(py(b.value()) - py(a.value()));
                double need = horizontal ? CHAR_PX * (a.label().length() + b.label().length()) / 2 + 10 : 18;
                clear = gap >= need;
            }
            if (clear) {
                return kept;
            }
        }
        return ticks.isEmpty() ? ticks : List.of(ticks.get(0));
    }

    /** Series of one name share a key, so that one legend button shows and hides them together. */
    private int key(int index) {
        for (int i = 0; i < index; i++) {
            if (series.get(i).name.equals(series.get(index).name)) {
                return i;
            }
        }
        return index;
    }

    private void draw(StringBuilder s, int index, Series ser) {
        s.append("<g data-series=\"").append(key(index)).append("\">");
        switch (ser.kind) {
            case LINE, DASHED -> {
                s.append("<polyline pointer-events=\"none\" fill=\"none\" stroke=\"").append(ser.colour).append("\" stroke-width=\"2\"")
                        .append(ser.kind == Kind.DASHED ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"");
                for (int i = 0; i < ser.x.length; i++) {
                    if (finite(ser, i)) {
                        s.append(f(px(ser.x[i]))).append(',').append(f(py(ser.y[i]))).append(' ');
                    }
                }
                s.append("\"/>");
            }
            case CELLS -> {
                double w = Math.max(2, plotWidth() / 120.0);
                double h = Math.max(2, plotHeight() / 120.0);
                s.append("<path fill=\"").append(ser.colour).append("\" d=\"");
                for (int i = 0; i < ser.x.length; i++) {
                    if (finite(ser, i)) {
                        s.append('M').append(f(px(ser.x[i]) - w / 2)).append(' ').append(f(py(ser.y[i]) - h / 2))
                                .append('h').append(f(w)).append('v').append(f(h)).append('h').append(f(-w))
                                .append('z');
                    }
                }
                s.append("\"/>");
            }
            case POINTS -> {
                if (ser.tips == null) {
                    s.append("<path fill=\"").append(ser.colour).append("\" d=\"");
                    for (int i = 0; i < ser.x.length; i++) {
                        if (finite(ser, i)) {
                            s.append(ser.marker.path(px(ser.x[i]), py(ser.y[i]), 4.5));
                        }
                    }
                    s.append("\"/>");
                } else {
                    for (int i = 0; i < ser.x.length; i++) {
                        if (finite(ser, i)) {
                            s.append("<path class=\"tip\" fill=\"").append(ser.colour).append("\" d=\"")
                                    .append(ser.marker.path(px(ser.x[i]), py(ser.y[i]), 4.5)).append("\"><title>")
                                    .append(escape(ser.tips[i])).append("</title></path>");
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("kind " + ser.kind);
        }
        s.append("</g>\n");
    }

    private void legend(StringBuilder s) {
        s.append("<div class=\"legend\">");
        for (int i = 0; i < series.size(); i++) {
            Series ser = series.get(i);
            if (!ser.legend || key(i) != i) {
                continue;
            }
            s.append("<button type=\"button\" aria-pressed=\"true\" data-series=\"").append(i)
                    .append("\"><svg width=\"16\" height=\"12\" aria-hidden=\"true\">");
            if (ser.kind == Kind.LINE || ser.kind == Kind.DASHED) {
                s.append("<line x1=\"0\" y1=\"6\" x2=\"16\" y2=\"6\" stroke=\"").append(ser.colour)
                        .append("\" stroke-width=\"2\"").append(ser.kind == Kind.DASHED ? " stroke-dasharray=\"4 2\""
                                : "").append("/>");
            } else {
                s.append("<path fill=\"").append(ser.colour).append("\" d=\"").append(ser.marker.path(8, 6, 5))
                        .append("\"/>");
            }
            s.append("</svg>").append(escape(ser.name)).append("</button>");
        }
        s.append("</div>\n");
    }

    private static boolean finite(Series ser, int i) {
        return Double.isFinite(ser.x[i]) && Double.isFinite(ser.y[i]);
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private double px(double v) {
        return LEFT + fraction(x, v) * plotWidth();
    }

    private double py(double v) {
        return HEIGHT - BOTTOM - fraction(y, v) * plotHeight();
    }

    private static double fraction(Axis a, double v) {
        return a.log ? Math.log(v / a.min) / Math.log(a.max / a.min) : (v - a.min) / (a.max - a.min);
    }

    /** Log axes out to the decades around the data when it spans little, linear ones 4% beyond it. */
    static Axis widen(Axis a) {
        double min = a.min;
        double max = a.max;
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            min = a.log ? 1 : 0;
            max = a.log ? 10 : 1;
        }
        boolean log = a.log && min > 0;
        if (log) {
            double lo = Math.log10(min);
            double hi = Math.log10(max);
            double pad = Math.max(0.04 * (hi - lo), 0.05);
            lo -= pad;
            hi += pad;
            if (Math.floor(hi) - Math.ceil(lo) < 1) {
                lo = Math.floor(lo);
                hi = Math.ceil(hi);
            }
            return new Axis(a.title, a.unit, true, Math.pow(10, lo), Math.pow(10, hi));
        }
        double pad = max > min ? 0.04 * (max - min) : Math.max(Math.abs(max) * 0.1, 1e-12);
        return new Axis(a.title, a.unit, false, min >= 0 && min - pad < 0 ? 0 : min - pad, max + pad);
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
