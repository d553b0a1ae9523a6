package dev.ridgeline.report.html;

import dev.ridgeline.report.chart.RenderedChart;
import dev.ridgeline.store.read.AnalysisRun;
import dev.ridgeline.store.read.PlanRun;
import dev.ridgeline.store.read.Run;
import dev.ridgeline.store.read.SweepRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The design-review page: one self-contained HTML file (charts as SVG data URIs, the stylesheet inline, no
 * script), a section per run with its question, charts, captions, tables and provenance, and a comparison
 * section when several runs are given.
 */
final class ReportPage {
    private ReportPage() {
    }

    /**
     * @param charts     the charts of each run, by run index; the comparison charts under index -1
     * @param generated  when the report was written, as printed in the provenance (ISO-8601, UTC)
     */
    static String render(List<Run> runs, Map<Integer, List<RenderedChart>> charts, String toolVersion,
                         String generated) {
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .element("title", "", "Ridgeline design review: " + String.join("; ",
                        runs.stream().map(Run::title).toList()))
                .raw("<style>\n").raw(stylesheet()).raw("</style>\n</head>\n<body>\n");
        html.element("h1", "", "Design review");
        html.element("p", "class=\"lede\"", runs.size() == 1 ? runs.get(0).title()
                : runs.size() + " runs: " + String.join("; ", runs.stream().map(Run::title).toList()));
        if (runs.size() > 1) {
            html.open("nav", "").open("ol", "");
            for (int i = 0; i < runs.size(); i++) {
                html.raw("<li><a href=\"#run" + (i + 1) + "\">" + Html.escape(runs.get(i).title()) + "</a></li>\n");
            }
            html.close("ol").close("nav");
            List<RenderedChart> comparison = charts.getOrDefault(-1, List.of());
            if (!comparison.isEmpty()) {
                html.element("h2", "id=\"comparison\"", "Comparison of the runs");
                comparison.forEach(c -> figure(html, c));
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            run(html, i, runs.get(i), charts.getOrDefault(i, List.of()));
        }
        html.open("section", "class=\"provenance\"");
        html.element("h2", "id=\"provenance\"", "Provenance");
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            html.element("h3", "", run.title());
            html.open("dl", "");
            if (run instanceof AnalysisRun a) {
                AnalysisSection.provenance(html, a);
            } else if (run instanceof SweepRun s) {
                SweepSection.provenance(html, s);
            } else if (run instanceof PlanRun p) {
                PlanSection.provenance(html, p);
            }
            html.close("dl");
        }
        html.open("dl", "");
        html.entry("report written by", "ridgeline " + toolVersion);
        html.entry("report date", generated);
        html.close("dl").close("section");
        html.raw("</body>\n</html>\n");
        return html.toString();
    }

    private static void run(Html html, int index, Run run, List<RenderedChart> charts) {
        html.element("h2", Html.attribute("id", "run" + (index + 1)), run.title());
        html.element("h3", "", "The question");
        if (run instanceof AnalysisRun a) {
            AnalysisSection.question(html, a);
        } else if (run instanceof SweepRun s) {
            SweepSection.question(html, s);
        } else if (run instanceof PlanRun p) {
            PlanSection.question(html, p);
        }
        html.element("h3", "", "Charts");
        charts.forEach(c -> figure(html, c));
        if (run instanceof AnalysisRun a && a.liveBytes().length == 0 && !a.memoryNote().isEmpty()) {
            html.element("p", "class=\"note\"", "No memory chart: " + a.memoryNote() + ".");
        }
        if (run instanceof SweepRun s && !s.baseModelNote().isEmpty()) {
            html.element("p", "class=\"note\"", "No per-layer charts: " + s.baseModelNote() + ".");
        }
        html.element("h3", "", "Tables");
        if (run instanceof AnalysisRun a) {
            AnalysisSection.tables(html, a, a.source().getFileName().toString());
        } else if (run instanceof SweepRun s) {
            SweepSection.tables(html, s);
            s.baseModel().ifPresent(b -> {
                html.element("h3", "", "The base model, layer by layer");
                AnalysisSection.tables(html, b, "base model");
            });
        } else if (run instanceof PlanRun p) {
            PlanSection.tables(html, p);
        }
    }

    private static void figure(Html html, RenderedChart chart) {
        String data = Base64.getEncoder().encodeToString(chart.svg());
        html.open("figure", Html.attribute("id", "fig-" + chart.id()));
        html.raw("<img src=\"data:image/svg+xml;base64," + data + "\" " + Html.attribute("alt", chart.title())
                + " width=\"" + chart.width() + "\" height=\"" + chart.height() + "\">\n");
        html.raw("<figcaption><span class=\"title\">" + Html.escape(chart.title()) + ".</span> "
                + Html.escape(chart.caption()) + " <span class=\"files\">(<a href=\"charts/" + chart.id()
                + ".svg\">SVG</a>, <a href=\"charts/" + chart.id() + ".png\">PNG</a>)</span></figcaption>\n");
        html.close("figure");
    }

    private static String stylesheet() {
        try (InputStream in = ReportPage.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
