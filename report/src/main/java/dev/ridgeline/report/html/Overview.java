package dev.ridgeline.report.html;

import dev.ridgeline.report.chart.MetricLabels;
import dev.ridgeline.report.chart.RenderedChart;
import dev.ridgeline.report.chart.RunDigest;
import dev.ridgeline.store.format.Quantities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The top of the page, built from the runs' digests: the best design within budget of each network x device x
 * precision as a coloured table (the heatmap), the overlaid fronts, and a table of every run linking to its
 * section.
 */
final class Overview {
    private Overview() {
    }

    /** @param pages whether each run has a page of its own (runs/runN.html) rather than a section below */
    static void render(Html html, List<RunDigest> runs, List<String> labels, List<RenderedChart> charts,
                       boolean pages) {
        html.element("h2", "id=\"overview\"", "Overview");
        RenderedChart heat = charts.stream().filter(c -> c.id().equals("compare-latency")).findFirst().orElse(null);
        if (heat != null) {
            heatTable(html, runs, labels, heat, pages);
        }
        charts.stream().filter(c -> !c.id().equals("compare-latency")).forEach(c -> RunSection.figure(html, c, ""));
        runTable(html, runs, labels, pages);
    }

    /** Where run {@code number} is: its section on this page, or its own page. */
    static String href(int number, boolean pages) {
        return pages ? ReportWriter.RUNS + "/run" + number + ".html" : "#run" + number;
    }

    private static void heatTable(Html html, List<RunDigest> runs, List<String> labels, RenderedChart heat,
                                  boolean pages) {
        Map<String, Map<String, List<Integer>>> byModel = new LinkedHashMap<>();
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < runs.size(); i++) {
            RunDigest d = runs.get(i);
            if (d.device().isEmpty() || d.kind().equals("plan")) {
                continue;
            }
            String column = d.device() + " " + d.precision();
            columns.add(column);
            byModel.computeIfAbsent(d.model(), k -> new LinkedHashMap<>()).computeIfAbsent(column,
                    k -> new ArrayList<>()).add(i);
            if (d.best().isPresent()) {
                min = Math.min(min, d.best().get().latencySeconds());
                max = Math.max(max, d.best().get().latencySeconds());
            }
        }
        html.open("figure", "id=\"fig-compare-latency\"");
        html.raw("<div class=\"table-wrap\"><table class=\"heat\" data-source=\"overview#best\">\n<thead><tr>"
                + "<th>network</th>");
        columns.forEach(c -> html.raw("<th>" + Html.escape(c) + "</th>"));
        html.raw("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Map<String, List<Integer>>> row : byModel.entrySet()) {
            html.raw("<tr><th>" + Html.escape(row.getKey()) + "</th>");
            for (String column : columns) {
                List<Integer> here = row.getValue().getOrDefault(column, List.of());
                html.raw("<td>");
                for (int i : here) {
                    cell(html, runs.get(i), labels.get(i), here.size() > 1, min, max, href(runs.get(i).number(), pages));
                }
                html.raw("</td>");
            }
            html.raw("</tr>\n");
        }
        html.raw("</tbody></table></div>\n");
        RunSection.caption(html, heat.id(), "Best design within budget", heat.caption()
                + " Darker is slower; each cell links to its run.", "");
        html.close("figure");
    }

    private static void cell(Html html, RunDigest d, String label, boolean several, double min, double max,
                             String href) {
        String link = "<a " + Html.attribute("href", href) + " " + Html.attribute("title", label) + ">";
        if (d.best().isEmpty()) {
            html.raw("<div class=\"cell none\">" + link + "no design within budget</a>"
                    + d.closest().map(c -> "<br><small>closest: " + Quantities.seconds(c.latencySeconds())
                    + "</small>").orElse("") + (several ? "<br><small>" + Html.escape(apart(d, label)) + "</small>"
                    : "") + "</div>");
            return;
        }
        RunDigest.Best b = d.best().get();
        double t = max > min ? Math.log(b.latencySeconds() / min) / Math.log(max / min) : 0;
        int light = (int) Math.round(95 - 45 * t);
        html.raw(String.format(Locale.ROOT, "<div class=\"cell%s\" style=\"background:hsl(207,50%%,%d%%)\">",
                light < 62 ? " dark" : "", light));
        html.raw(link + Html.escape(Quantities.seconds(b.latencySeconds())) + "</a>");
        if (!b.metric().isEmpty()) {
            html.raw("<br><small>" + Html.escape(MetricLabels.human(b.metric(), b.value()) + " "
                    + MetricLabels.axis(b.metric())) + "</small>");
        }
        if (several) {
            html.raw("<br><small>" + Html.escape(apart(d, label)) + "</small>");
        }
        html.raw("</div>");
    }

    /**
     * What tells a run apart from the others in its cell: its label past the title (budget, folder) when titles are
     * equal, else its title's setup ("fp16, batch 8") and budgets.
     */
    private static String apart(RunDigest d, String label) {
        if (label.startsWith(d.title() + ", ")) {
            return label.substring(d.title().length() + 2);
        }
        String title = d.title();
        int open = title.lastIndexOf(" (");
        String setup = open >= 0 && title.endsWith(")") ? title.substring(open + 2, title.length() - 1) : d.folder();
        return d.budgets().isEmpty() ? setup : setup + ", " + d.budgets();
    }

    private static void runTable(Html html, List<RunDigest> runs, List<String> labels, boolean pages) {
        html.raw("<div class=\"table-wrap\"><table data-source=\"overview#runs\">\n<caption>The runs (" + runs.size()
                + "), each with " + (pages ? "a page of its own" : "a section below") + "</caption>\n<thead><tr><th>#</th><th>run</th><th>kind</th>"
                + "<th>budgets</th><th>best within budget</th><th>folder</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < runs.size(); i++) {
            RunDigest d = runs.get(i);
            String best = d.best().map(b -> Quantities.seconds(b.latencySeconds()) + (b.metric().isEmpty() ? ""
                    : ", " + MetricLabels.human(b.metric(), b.value()) + " " + MetricLabels.axis(b.metric())))
                    .orElse(d.kind().equals("sweep") ? "none" + d.closest().map(c -> " (closest "
                            + Quantities.seconds(c.latencySeconds()) + ")").orElse("") : "-");
            html.raw("<tr><td class=\"num\">" + d.number() + "</td><td><a " + Html.attribute("href",
                    href(d.number(), pages)) + ">"
                    + Html.escape(labels.get(i)) + "</a></td><td>" + d.kind() + "</td><td>"
                    + Html.escape(d.budgets().isEmpty() ? "-" : d.budgets()) + "</td><td>" + Html.escape(best)
                    + "</td><td>" + Html.escape(d.folder()) + "</td></tr>\n");
        }
        html.raw("</tbody></table></div>\n");
    }

    /** The line under the title: how many runs of what. */
    static String lede(List<RunDigest> runs, boolean pages) {
        if (runs.size() == 1) {
            return runs.get(0).title();
        }
        Map<String, Integer> kinds = new LinkedHashMap<>();
        runs.forEach(d -> kinds.merge(d.kind(), 1, Integer::sum));
        long models = runs.stream().map(RunDigest::model).distinct().count();
        long devices = runs.stream().map(RunDigest::device).filter(s -> !s.isEmpty()).distinct().count();
        List<String> parts = new ArrayList<>();
        kinds.forEach((k, n) -> parts.add(n + " " + (n == 1 ? k : k.equals("analysis") ? "analyses" : k + "s")));
        return runs.size() + " runs (" + String.join(", ", parts) + ") of " + models + (models == 1 ? " network"
                : " networks") + " on " + devices + (devices == 1 ? " device" : " devices") + ". The overview "
                + "compares them; each run has " + (pages ? "a page of its own, linked from the table of runs."
                : "a section of its own below.");
    }
}
