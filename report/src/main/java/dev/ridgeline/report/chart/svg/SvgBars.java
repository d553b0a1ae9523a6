package dev.ridgeline.report.chart.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn as inline SVG for the page: one row per category (its label at the left, cut
 * with an ellipsis past {@link #LABEL_CHARS} characters and given whole in the bar's tip), series stacked or
 * side by side, round ticks along the bottom, and a legend of buttons that show and hide each series.
 */
public final class SvgBars {
    static final int LABEL_CHARS = 34;
    static final int ROW = 22;

    private record Series(String name, String colour, double[] values, String[] tips) {
    }

    private final String id;
    private final String valueTitle;
    private final Unit unit;
    private final boolean stacked;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();

    public SvgBars(String id, String valueTitle, Unit unit, boolean stacked, List<String> categories) {
        this.id = id;
        this.valueTitle = valueTitle;
        this.unit = unit;
        this.stacked = stacked;
        this.categories = List.copyOf(categories);
    }

    /** @param tips one per category, or null for none */
    public SvgBars series(String name, String colour, double[] values, String[] tips) {
        series.add(new Series(name, colour, values.clone(), tips));
        return this;
    }

    public String html() {
        int longest = categories.stream().mapToInt(c -> Math.min(c.length(), LABEL_CHARS + 1)).max().orElse(4);
        int left = (int) Math.min(320, 16 + SvgPlot.CHAR_PX * longest);
        int rowHeight = stacked ? ROW : Math.max(ROW, 6 + 9 * series.size());
        int top = 8;
        int height = top + rowHeight * categories.size() + 52;
        int width = SvgPlot.WIDTH;
        int plotWidth = width - left - SvgPlot.RIGHT;
        double max = 0;
        for (int c = 0; c < categories.size(); c++) {
            double sum = 0;
            for (Series s : series) {
                double v = Math.max(0, s.values[c]);
                sum = stacked ? sum + v : Math.max(sum, v);
            }
            max = Math.max(max, sum);
        }
        List<Ticks.Tick> ticks = Ticks.linear(0, max > 0 ? max : 1, unit);
        double end = Math.max(max, ticks.isEmpty() ? 1 : ticks.get(ticks.size() - 1).value());
        StringBuilder s = new StringBuilder(4096);
        s.append("<div class=\"chart\" id=\"chart-").append(id).append("\">\n<svg class=\"plot\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n");
        int bottom = top + rowHeight * categories.size();
        s.append("<g class=\"grid\" stroke=\"#e4e4e4\">");
        List<Ticks.Tick> shown = thin(ticks, left, plotWidth, end);
        for (Ticks.Tick t : shown) {
            double x = left + t.value() / end * plotWidth;
            s.append("<line x1=\"").append(SvgPlot.f(x)).append("\" x2=\"").append(SvgPlot.f(x)).append("\" y1=\"")
                    .append(top).append("\" y2=\"").append(bottom).append("\"/>");
        }
        s.append("</g>\n<g class=\"ticks\" fill=\"#222\">");
        for (Ticks.Tick t : shown) {
            s.append("<text x=\"").append(SvgPlot.f(left + t.value() / end * plotWidth)).append("\" y=\"")
                    .append(bottom + 18).append("\" text-anchor=\"middle\">").append(SvgPlot.escape(t.label()))
                    .append("</text>");
        }
        for (int c = 0; c < categories.size(); c++) {
            String label = categories.get(c);
            String cut = label.length() > LABEL_CHARS ? label.substring(0, LABEL_CHARS - 1) + "\u2026" : label;
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(top + rowHeight * c + rowHeight / 2 + 4)
                    .append("\" text-anchor=\"end\">").append(SvgPlot.escape(cut)).append("</text>");
        }
        s.append("</g>\n<text class=\"axis-title\" x=\"").append(left + plotWidth / 2).append("\" y=\"")
                .append(height - 12).append("\" text-anchor=\"middle\" font-size=\"13\">")
                .append(SvgPlot.escape(valueTitle)).append("</text>\n");
        double[] offset = new double[categories.size()];
        for (int k = 0; k < series.size(); k++) {
            Series ser = series.get(k);
            s.append("<g data-series=\"").append(k).append("\" fill=\"").append(ser.colour).append("\">");
            for (int c = 0; c < categories.size(); c++) {
                double v = Math.max(0, ser.values[c]);
                if (!(v > 0)) {
                    continue;
                }
                double x = left + (stacked ? offset[c] : 0) / end * plotWidth;
                double w = v / end * plotWidth;
                double barHeight = stacked ? rowHeight - 6 : 8;
                double y = top + rowHeight * c + (stacked ? 3 : 3 + 9 * k);
                s.append("<rect").append(ser.tips != null ? " class=\"tip\"" : "").append(" x=\"")
                        .append(SvgPlot.f(x)).append("\" y=\"").append(SvgPlot.f(y)).append("\" width=\"")
                        .append(SvgPlot.f(Math.max(w, 1))).append("\" height=\"").append(SvgPlot.f(barHeight))
                        .append('"');
                if (ser.tips != null && ser.tips[c] != null) {
                    s.append("><title>").append(SvgPlot.escape(ser.tips[c])).append("</title></rect>");
                } else {
                    s.append("/>");
                }
                offset[c] += v;
            }
            s.append("</g>\n");
        }
        s.append("</svg>\n<div class=\"legend\">");
        for (int k = 0; k < series.size(); k++) {
            s.append("<button type=\"button\" aria-pressed=\"true\" data-series=\"").append(k)
                    .append("\"><svg width=\"16\" height=\"12\" aria-hidden=\"true\"><rect width=\"14\" height=\"10\""
                            + " y=\"1\" fill=\"").append(series.get(k).colour).append("\"/></svg>")
                    .append(SvgPlot.escape(series.get(k).name)).append("</button>");
        }
        return s.append("</div>\n</div>\n").toString();
    }

    private static List<Ticks.Tick> thin(List<Ticks.Tick> ticks, int left, int plotWidth, double end) {
        for (int every = 1; every <= Math.max(1, ticks.size()); every++) {
            List<Ticks.Tick> kept = new ArrayList<>();
            for (int i = 0; i < ticks.size(); i += every) {
                kept.add(ticks.get(i));
            }
            boolean clear = true;
            for (int i = 1; i < kept.size() && clear; i++) {
                double gap = (kept.get(i).value() - kept.get(i - 1).value()) / end * plotWidth;
                clear = gap >= SvgPlot.CHAR_PX * (kept.get(i).label().length() + kept.get(i - 1).label().length()) / 2
                        + 10;
            }
            if (clear) {
                return kept;
            }
        }
        return ticks;
    }
}
