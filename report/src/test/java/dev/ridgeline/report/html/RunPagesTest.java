package dev.ridgeline.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review of more runs than one page should hold: report.html is the overview, each run a page of its own in
 * runs/, every link of every page leads to a file of the report, and a later review of few runs takes the run
 * pages away again.
 */
class RunPagesTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#][^\"]*)\"");

    @Test
    void aLargeReviewHasAnOverviewPageAndAPagePerRunAllLinked(@TempDir Path dir) throws Exception {
        List<Path> sources = new ArrayList<>();
        for (String model : ReportWriterTest.ZOO) {
            sources.add(RunFolders.analysis(model, "t4", "fp16", dir.resolve(model + ".json")));
        }
        Path out = dir.resolve("review");
        ReportWriter.Written written = ReportWriter.read(sources, out, RunFolders.VERSION, 2);

        Path runs = out.resolve(ReportWriter.RUNS);
        assertEquals(List.of(runs.resolve("run1.html"), runs.resolve("run2.html"), runs.resolve("run3.html")),
                written.runPages());
        String overview = Files.readString(out.resolve(ReportWriter.PAGE));
        assertTrue(overview.indexOf("<h2 id=\"overview\">Overview</h2>") > 0, "the overview");
        assertFalse(overview.contains("<section class=\"run\">"), "no run's section on the overview page");
        assertTrue(overview.contains("each run has a page of its own"), "the lede says where the runs are");
        for (int n = 1; n <= 3; n++) {
            assertTrue(overview.contains("<a href=\"runs/run" + n + ".html\">"), "the table of runs links run " + n);
            String page = Files.readString(runs.resolve("run" + n + ".html"));
            assertTrue(page.startsWith("<!DOCTYPE html>") && page.strip().endsWith("</html>"), "a whole page");
            assertTrue(page.contains("<h2 id=\"run" + n + "\">" + n + ". " + ReportWriterTest.ZOO.get(n - 1)), page
                    .substring(0, Math.min(page.length(), 3000)));
            assertTrue(page.contains("<a href=\"../report.html\">Design review</a>: run " + n + " of 3"), "back");
            assertTrue(page.contains("<svg class=\"plot\""), "its charts inline");
            assertTrue(page.contains("<style>") && page.contains("<script>"), "offline: style and script inline");
            assertFalse(page.contains("http://") || page.contains("https://"), "nothing fetched");
            assertEquals(1, page.split("<section class=\"run\">", -1).length - 1, "one run on its page");
            assertEquals(List.of(), brokenLinks(runs.resolve("run" + n + ".html")));
        }
        assertEquals(List.of(), brokenLinks(out.resolve(ReportWriter.PAGE)));

        ReportWriter.read(sources, out, RunFolders.VERSION);
        assertFalse(Files.exists(runs), "one page again: the run pages of the earlier review are gone");
        String page = Files.readString(out.resolve(ReportWriter.PAGE));
        assertEquals(3, page.split("<section class=\"run\">", -1).length - 1, "every run's section on the page");
        assertTrue(page.contains("<a href=\"#run2\">"), "the table of runs links the sections");
        assertEquals(List.of(), brokenLinks(out.resolve(ReportWriter.PAGE)));
    }

    /** The links of a page (not to its own anchors) that lead to no file. */
    private static List<String> brokenLinks(Path page) throws Exception {
        List<String> broken = new ArrayList<>();
        Matcher m = HREF.matcher(Files.readString(page));
        int links = 0;
        while (m.find()) {
            links++;
            if (!Files.isRegularFile(page.resolveSibling(m.group(1)).normalize())) {
                broken.add(m.group(1));
            }
        }
        assertTrue(links > 0, "links in " + page);
        return broken;
    }
}
