package dev.ridgeline.report.html;

import dev.ridgeline.report.chart.RenderedChart;
import dev.ridgeline.store.read.AnalysisRun;
import dev.ridgeline.store.read.PlanRun;
import dev.ridgeline.store.read.Run;
import dev.ridgeline.store.read.SweepRun;
import java.util.List;

/**
 * One run's section of the page: a heading (filled in when every run's label is known), its question, charts,
 * tables and provenance. Written while the run is in memory; the page keeps only the text.
 */
final class RunSection {
    /** The line that opens a section, holding its place until the labels of all runs are known. */
    static final String HEADING = "<!--ridgeline-heading ";

    private RunSection() {
    }

    /** @param up what leads from the section's page to the report's folder: "" on report.html, "../" on a run's page */
    static String render(int number, Run run, List<RenderedChart> charts, String up) {
        Html html = new Html();
        html.raw(HEADING + number + "-->\n"); // the page opens the section there, with the heading
        html.element("h3", "", "The question");
        if (run instanceof AnalysisRun a) {
            AnalysisSection.question(html, a);
        } else if (run instanceof SweepRun s) {
            SweepSection.question(html, s);
        } else if (run instanceof PlanRun p) {
            PlanSection.question(html, p);
        }
        html.element("h3", "", "Charts");
        charts.forEach(c -> figure(html, c, up));
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
        html.element("h3", "", "Provenance");
        html.open("dl", "class=\"provenance\"");
        if (run instanceof AnalysisRun a) {
            AnalysisSection.provenance(html, a);
        } else if (run instanceof SweepRun s) {
            SweepSection.provenance(html, s);
        } else if (run instanceof PlanRun p) {
            PlanSection.provenance(html, p);
        }
        html.close("dl");
        html.raw("</section>\n");
        return html.toString();
    }

    /** A chart as the page shows it: its inline SVG, its title and caption, and links to its files for slides. */
    static void figure(Html html, RenderedChart chart, String up) {
        html.open("figure", Html.attribute("id", "fig-" + chart.id()));
        html.raw(chart.inline().isEmpty() ? "" : chart.inline());
        caption(html, chart.id(), chart.title(), chart.caption(), up);
        html.close("figure");
    }

    static void caption(Html html, String id, String title, String caption, String up) {
        String files = up + ReportWriter.CHARTS + "/" + id;
        html.raw("<figcaption><span class=\"title\">" + Html.escape(title) + ".</span> " + Html.escape(caption)
                + " <span class=\"files\">(for slides: <a href=\"" + files + ".svg\">SVG</a>, <a href=\"" + files
                + ".png\">PNG</a>)</span></figcaption>\n");
    }
}
