package dev.ridgeline.report.html;

import dev.ridgeline.report.chart.RenderedChart;
import dev.ridgeline.report.chart.RunDigest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The design-review page: one self-contained HTML file (charts as inline SVG, the stylesheet and a small script
 * inline), the overview first, then the sections of the runs as {@link RunSection} wrote them, each heading
 * filled in with the run's distinct label. For a large review each run's section is a page of its own instead
 * ({@code runs/runN.html}, as self-contained), and the overview links to them.
 */
final class ReportPage {
    private ReportPage() {
    }

    /**
     * @param sections  the runs' sections, in order, as one file of {@link RunSection} text
     * @param runPages  where to write a page per run, or null for one page holding every section
     * @param generated when the report was written, as printed at the end (ISO-8601, UTC)
     * @return the run pages written (none without {@code runPages})
     */
    static List<Path> write(Writer out, List<RunDigest> runs, List<RenderedChart> overview, Path sections,
                            Path runPages, String toolVersion, String generated) throws IOException {
        List<String> labels = RunDigest.labels(runs);
        boolean pages = runPages != null;
        Html head = head("Ridgeline design review: " + (runs.size() == 1 ? labels.get(0) : runs.size() + " runs"));
        head.element("h1", "", "Design review");
        head.element("p", "class=\"lede\"", Overview.lede(runs, pages));
        if (runs.size() > 1) {
            Overview.render(head, runs, labels, overview, pages);
        }
        out.write(head.toString());
        List<Path> written = new ArrayList<>();
        Writer page = out;
        try (BufferedReader in = Files.newBufferedReader(sections, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(RunSection.HEADING)) {
                    int number = Integer.parseInt(line.substring(RunSection.HEADING.length(), line.length() - 3));
                    String label = labels.get(number - 1);
                    if (pages) {
                        if (page != out) {
                            finish(page, toolVersion, generated);
                            page.close();
                        }
                        Path file = runPages.resolve("run" + number + ".html");
                        written.add(file);
                        page = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                        Html top = head("Ridgeline design review: " + number + ". " + label);
                        top.raw("<p class=\"lede\"><a href=\"../" + ReportWriter.PAGE + "\">Design review</a>: run "
                                + number + " of " + runs.size() + "</p>\n");
                        page.write(top.toString());
                    }
                    page.write("<section class=\"run\">\n<h2 id=\"run" + number + "\">" + Html.escape((runs.size() > 1 ? number + ". " : "")
                            + label) + "</h2>\n");
                } else {
                    page.write(line);
                    page.write('\n');
                }
            }
            if (page != out) {
                finish(page, toolVersion, generated);
            }
        } finally {
            if (page != out) {
                page.close();
            }
        }
        finish(out, toolVersion, generated);
        return written;
    }

    private static Html head(String title) {
        Html head = new Html();
        head.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .element("title", "", title)
                .raw("<style>\n").raw(resource("report.css")).raw("</style>\n</head>\n<body>\n");
        return head;
    }

    /** The report's provenance and the script, then the end of the page; closes a run's page. */
    private static void finish(Writer page, String toolVersion, String generated) throws IOException {
        Html tail = new Html();
        tail.open("dl", "class=\"provenance\"");
        tail.entry("report written by", "ridgeline " + toolVersion);
        tail.entry("report date", generated);
        tail.close("dl");
        tail.raw("<script>\n").raw(resource("report.js")).raw("</script>\n</body>\n</html>\n");
        page.write(tail.toString());
        page.flush();
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
