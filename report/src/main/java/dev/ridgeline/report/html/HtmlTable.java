package dev.ridgeline.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain table of figures. Each table names the file (and field) its figures come from in
 * {@code data-source}; a cell shown in friendlier units keeps the exact figure in {@code data-value}.
 */
final class HtmlTable {
    private final String caption;
    private final String source;
    private final List<String> header;
    private final List<List<Cell>> rows = new ArrayList<>();

    /** One cell: what is shown, the exact figure (or null when the text is the figure), and alignment. */
    record Cell(String text, String exact, boolean numeric) {
        static Cell text(String text) {
            return new Cell(text, null, false);
        }

        static Cell number(String text) {
            return new Cell(text, null, true);
        }

        static Cell shown(String text, String exact) {
            return new Cell(text, exact, true);
        }
    }

    /** A figure as the JSON outputs write it: a whole number without a point, null for NaN. */
    static String figure(double v) {
        if (Double.isNaN(v)) {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    HtmlTable(String caption, String source, List<String> header) {
        this.caption = caption;
        this.source = source;
        this.header = List.copyOf(header);
    }

    HtmlTable row(List<Cell> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(cells.size() + " cells under " + header.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    void writeTo(Html html) {
        html.open("div", "class=\"table-wrap\"");
        html.open("table", Html.attribute("data-source", source));
        html.element("caption", "", caption);
        html.open("thead", "").open("tr", "");
        for (String h : header) {
            html.element("th", "scope=\"col\"", h);
        }
        html.close("tr").close("thead").open("tbody", "");
        for (List<Cell> row : rows) {
            html.raw("<tr>");
            for (Cell c : row) {
                String attributes = (c.numeric() ? "class=\"num\"" : "")
                        + (c.exact() == null ? "" : " " + Html.attribute("data-value", c.exact()));
                html.raw("<td" + (attributes.isBlank() ? "" : " " + attributes.strip()) + ">")
                        .raw(Html.escape(c.text())).raw("</td>");
            }
            html.raw("</tr>\n");
        }
        html.close("tbody").close("table").close("div");
    }
}
