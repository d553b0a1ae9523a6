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
import java.util.List;

/**
 * The design-review page: one self-contained HTML file (charts as inline SVG, the stylesheet and a small script
 * inline), the overview first, then the sections of the runs as {@link RunSection} wrote them, each heading
 * filled in with the run's distinct label.
 */
final class ReportPage {
    private ReportPage() {
    }

    /**
     * @param sections  the runs' sections, in order, as one file of {@link RunSection} text
     * @param generated when the report was written, as printed at the end (ISO-8601, UTC)
     */
    static void write(Writer out, List<RunDigest> runs, List<RenderedChart> overview, Path sections,
                      String toolVersion, String generated) throws IOException {
        List<String> labels = RunDigest.labels(runs);
        Html head = new Html();
        head.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .element("title", "", "Ridgeline design review: " + (runs.size() == 1 ? labels.get(0)
                        : runs.size() + " runs"))
                .raw("<style>\n").raw(resource("report.css")).raw("</style>\n</head>\n<body>\n");
        head.element("h1", "", "Design review");
        head.element("p", "class=\"lede\"", Overview.lede(runs));
        if (runs.size() > 1) {
            Overview.render(head, runs, labels, overview);
        }
        out.write(head.toString());
        try (BufferedReader in = Files.newBufferedReader(sections, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(RunSection.HEADING)) {
                    int number = Integer.parseInt(line.substring(RunSection.HEADING.length(), line.length() - 3));
                    out.write("<h2 id=\"run" + number + "\">" + Html.escape((runs.size() > 1 ? number + ". " : "")
                            + labels.get(number - 1)) + "</h2>\n");
                } else {
                    out.write(line);
                    out.write('\n');
                }
            }
        }
        Html tail = new Html();
        tail.open("dl", "class=\"provenance\"");
        tail.entry("report written by", "ridgeline " + toolVersion);
        tail.entry("report date", generated);
        tail.close("dl");
        tail.raw("<script>\n").raw(resource("report.js")).raw("</script>\n</body>\n</html>\n");
        out.write(tail.toString());
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
