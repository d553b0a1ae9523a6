package dev.ridgeline.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.store.read.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Reviews a reader points at, in Chromium: the README's design review (size, overview first, no text over text,
 * a front design's knobs in its tip, screenshots), a budget matrix with a budget no design meets and two runs of
 * one title, and an overlay of twelve fronts in twelve distinct colour and marker pairs.
 */
class BrowserReviewTest {
    @Test
    void theReadmeReviewIsSmallOpensWithItsOverviewAndNamesADesignOnHover(@TempDir Path dir) throws Exception {
        BrowserReportTest.assumeBrowser();
        List<Path> runs = Reviews.readme(dir);
        Path out = dir.resolve("review");
        ReportWriter.read(runs, out, RunFolders.VERSION);
        long bytes = Files.size(out.resolve(ReportWriter.PAGE));
        assertTrue(bytes <= 3_000_000, "the README review's page is at most 3 MB: " + bytes);

        ChromeDriver driver = BrowserReportTest.chromium(dir);
        try {
            driver.get(out.resolve(ReportWriter.PAGE).toUri().toString());
            List<WebElement> headings = driver.findElements(By.tagName("h2"));
            assertEquals("Overview", headings.get(0).getText(), "the overview comes first");
            assertEquals(12, driver.findElements(By.cssSelector("table.heat .cell")).size(),
                    "a cell per network x device x precision");
            assertTrue(BrowserChecks.chartTexts(driver) > 500, "the charts' texts are there to check");
            assertEquals(List.of(), BrowserChecks.overlaps(driver), "text over text in a chart");

            String tip = BrowserChecks.hoverDesign(driver, "fig-run1-pareto-latencySeconds-macs");
            assertDesign(tip, runs.get(0));

            WebElement legend = driver.findElement(By.cssSelector("#fig-compare-fronts-1 .legend button"));
            legend.click();
            assertEquals("false", legend.getAttribute("aria-pressed"));
            assertEquals(List.of("none", "none"), driver.executeScript("return Array.from(document.querySelectorAll("
                    + "'#fig-compare-fronts-1 g[data-series=\"' + arguments[0] + '\"]')).map(g => g.style.display);",
                    legend.getAttribute("data-series")), "the legend hides the run's front and its designs");
            legend.click();

            BrowserChecks.screenshot(driver, "readme-review", 5000);
            for (String figure : List.of("fig-compare-fronts-1", "fig-run1-pareto-latencySeconds-macs",
                    "fig-run1-roofline", "fig-run1-top-layers", "fig-run13-plan-widths")) {
                BrowserChecks.screenshot(driver, figure, "readme-" + figure.substring(4));
            }
        } finally {
            driver.quit();
        }
    }

    @Test
    void aBudgetMatrixDrawsItsInfeasibleBudgetAndTellsEqualTitlesApart(@TempDir Path dir) throws Exception {
        BrowserReportTest.assumeBrowser();
        List<Path> runs = Reviews.budgetMatrix(dir);
        Path out = dir.resolve("review");
        ReportWriter.write(RunReader.read(runs), out, RunFolders.VERSION);

        ChromeDriver driver = BrowserReportTest.chromium(dir);
        try {
            driver.get(out.resolve(ReportWriter.PAGE).toUri().toString());
            List<String> headings = driver.findElements(By.cssSelector("h2[id^=run]")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(4, new HashSet<>(headings).size(), "four distinct headings: " + headings);
            assertTrue(headings.get(0).endsWith("latency <= 10.0 ms"), headings.get(0));
            assertTrue(headings.get(1).endsWith("latency <= 1.00 ms, r18-1ms-a")
                    && headings.get(2).endsWith("latency <= 1.00 ms, r18-1ms-b"),
                    "one title and one budget: told apart by folder: " + headings);
            String none = driver.findElement(By.cssSelector("table.heat .cell.none")).getText();
            assertTrue(none.contains("no design within budget") && none.contains("closest"), none);
            String caption = driver.findElement(By.cssSelector("#fig-run4-pareto-latencySeconds-macs figcaption"))
                    .getText();
            assertTrue(caption.contains("met the budgets, so there is no front"), caption);
            assertTrue(driver.findElements(By.cssSelector("#fig-run4-pareto-latencySeconds-macs svg .tip")).size()
                    >= 1, "the closest design is drawn");
            assertEquals(List.of(), BrowserChecks.overlaps(driver), "text over text in a chart");
            BrowserChecks.screenshot(driver, "budget-matrix", 2400);
        } finally {
            driver.quit();
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of("charts", "report.html"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no staging folder left behind");
        }
    }

    @Test
    void twelveFrontsOverlaidTakeTwelveColourAndMarkerPairs(@TempDir Path dir) throws Exception {
        BrowserReportTest.assumeBrowser();
        Path out = dir.resolve("review");
        ReportWriter.read(Reviews.twelve(dir), out, RunFolders.VERSION);

        ChromeDriver driver = BrowserReportTest.chromium(dir);
        try {
            driver.get(out.resolve(ReportWriter.PAGE).toUri().toString());
            List<WebElement> keys = driver.findElements(By.cssSelector("#fig-compare-fronts-1 .legend button svg"));
            assertEquals(12, keys.size());
            Set<String> pairs = new HashSet<>();
            for (WebElement key : keys) {
                WebElement mark = key.findElement(By.tagName("path"));
                String shape = mark.getAttribute("d").replaceAll("[-\\d.]+", "");
                pairs.add(mark.getAttribute("fill") + " " + shape);
            }
            assertEquals(12, pairs.size(), "twelve distinct colour and marker pairs: " + pairs);
            assertEquals(List.of(), BrowserChecks.overlaps(driver), "text over text in a chart");
            BrowserChecks.screenshot(driver, "fig-compare-fronts-1", "twelve-fronts");
        } finally {
            driver.quit();
        }
    }

    /** The tip names row K of pareto.csv with every knob's value as that row has it. */
    private static void assertDesign(String tip, Path sweep) throws Exception {
        assertTrue(tip.contains(" of pareto.csv"), "a design's tip: " + tip);
        int row = Integer.parseInt(tip.replaceAll("(?s).*design (\\d+) of pareto\\.csv.*", "$1"));
        List<String> lines = Files.readAllLines(sweep.resolve("pareto.csv"));
        String[] header = lines.get(0).split(",");
        String[] cells = lines.get(row).split(",");
        int knobs = 0;
        for (int c = 0; c < header.length; c++) {
            if (dev.ridgeline.search.eval.Metric.byId(header[c]).isEmpty()) {
                assertTrue(tip.contains(header[c] + " = " + cells[c]), header[c] + " = " + cells[c] + " in " + tip);
                knobs++;
            }
        }
        assertTrue(knobs >= 2, "the tip shows the knobs: " + tip);
    }
}
