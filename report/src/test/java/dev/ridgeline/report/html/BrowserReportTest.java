package dev.ridgeline.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ridgeline.store.read.RunReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The page in a real browser: Debian's Chromium driven by its chromedriver (both installed by .ci/run) opens
 * report.html from disk. Every image loads, the console stays free of errors, every chart has its caption, and
 * every table holds the figures of the file it came from. A screenshot is saved to report/target/browser/.
 */
class BrowserReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("report/target/browser/report.png");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Selenium warns that it has no CDP bindings for this Chromium; the test uses none. Held: loggers are weak. */
    private static final java.util.logging.Logger DEVTOOLS_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    /** Every table: its data-source and its body rows, each cell as [text, data-value or null]. */
    private static final String TABLES = "return Array.from(document.querySelectorAll('table')).map(t => ({"
            + "source: t.dataset.source, rows: Array.from(t.tBodies[0].rows).map(r => Array.from(r.cells)"
            + ".map(c => [c.textContent, c.dataset.value === undefined ? null : c.dataset.value]))}));";

    @Test
    void thePageShowsEveryChartCaptionAndFigureInChromium(@TempDir Path dir) throws Exception {
        boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!browser) {
            System.out.println("BrowserReportTest skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver; .ci/run does this)");
        }
        Assumptions.assumeTrue(browser, "no Chromium and chromedriver to drive");

        Path sweep = RunFolders.sweep(Path.of("configs/jobs/resnet18_t4.yaml"), dir.resolve("r18"), true);
        Path analysis = RunFolders.analysis("resnet50", "t4", "fp16", dir.resolve("resnet50.json"));
        Path plan = RunFolders.plan(dir.resolve("plan"));
        Path out = dir.resolve("review");
        ReportWriter.write(RunReader.read(List.of(sweep, analysis, plan)), out, RunFolders.VERSION);

        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1200,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(out.resolve(ReportWriter.PAGE).toUri().toString());

            Object widths = driver.executeScript("return Array.from(document.images).map(i => i.complete ? "
                    + "i.naturalWidth : 0);");
            List<?> naturalWidths = (List<?>) widths;
            assertEquals(1 + 3 + 4 + 4 + 3, naturalWidths.size(), "comparison, 3 fronts, 4 base-model, 4 analysis"
                    + " and 3 plan charts");
            for (Object w : naturalWidths) {
                assertTrue(((Number) w).intValue() > 0, "every image loaded: " + naturalWidths);
            }

            Object captions = driver.executeScript("return Array.from(document.querySelectorAll('figure'))"
                    + ".map(f => f.querySelector('figcaption') ? f.querySelector('figcaption').textContent : '');");
            for (Object caption : (List<?>) captions) {
                assertTrue(caption.toString().matches("(?s).*\\. .*\\d.*"), "a caption with figures: " + caption);
            }

            List<LogEntry> errors = new ArrayList<>();
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                    errors.add(entry);
                }
            }
            assertEquals(List.of(), errors, "console errors");

            Map<String, List<List<List<String>>>> tables = tables(driver.executeScript(TABLES));
            assertSweepTables(tables, sweep);
            assertAnalysisTables(tables, analysis);
            assertPlanTables(tables, plan.resolve("plan.json"));

            long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(1200, (int) Math.min(height, 16000)));
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
            service.stop();
        }
    }

    private static void assertSweepTables(Map<String, List<List<List<String>>>> tables, Path sweep) throws Exception {
        JsonNode summary = JSON.readTree(sweep.resolve("summary.json").toFile());
        for (List<List<String>> row : tables.get("summary.json")) {
            String field = row.get(0).get(0);
            String shown = row.get(1).get(1) != null ? row.get(1).get(1) : row.get(1).get(0);
            assertEquals(summary.get(field).asDouble(), Double.parseDouble(shown), field);
        }
        for (List<List<String>> row : tables.get("summary.json#base")) {
            assertEquals(summary.get("base").get(row.get(0).get(0)).asText(), row.get(1).get(0));
        }
        List<String> pareto = Files.readAllLines(sweep.resolve("pareto.csv"));
        List<List<List<String>>> front = tables.get("pareto.csv");
        assertEquals(Math.min(pareto.size() - 1, SweepSection.FRONT_ROWS), front.size(),
                "every design of the front, up to the page's limit");
        for (int r = 0; r < front.size(); r++) {
            assertEquals(pareto.get(r + 1), String.join(",", front.get(r).stream().map(c -> c.get(0)).toList()));
        }
    }

    private static void assertAnalysisTables(Map<String, List<List<List<String>>>> tables, Path file)
            throws Exception {
        JsonNode json = JSON.readTree(file.toFile());
        String name = file.getFileName().toString();
        List<List<List<String>>> totals = tables.get(name + "#totals");
        assertEquals(json.get("totals").size(), totals.size());
        for (List<List<String>> row : totals) {
            assertEquals(json.get("totals").get(row.get(0).get(0)).asText(), row.get(1).get(0));
        }
        List<List<List<String>>> layers = tables.get(name + "#layers");
        JsonNode timings = json.get("latency").get("layers");
        assertEquals(json.get("layers").size(), layers.size());
        for (int i = 0; i < layers.size(); i++) {
            JsonNode layer = json.get("layers").get(i);
            List<List<String>> row = layers.get(i);
            assertEquals(layer.get("name").asText(), row.get(1).get(0));
            assertEquals(layer.get("op").asText(), row.get(2).get(0));
            int c = 4;
            for (String field : List.of("params", "macs", "flops", "readBytes", "writeBytes")) {
                assertEquals(layer.get(field).asText(), row.get(c++).get(0), layer.get("name") + "." + field);
            }
            assertEquals(timings.get(i).get("seconds").asDouble(), Double.parseDouble(row.get(9).get(1)));
            assertEquals(timings.get(i).get("bound").asText(), row.get(10).get(0));
        }
        Map<String, JsonNode> byName = new HashMap<>();
        json.get("layers").forEach(l -> byName.put(l.get("name").asText(), l));
        List<List<List<String>>> top = tables.get(name + "#layers (top 10)");
        assertEquals(10, top.size());
        for (List<List<String>> row : top) {
            // rank, by latency, seconds, by MACs, macs, by params, params, by activation bytes, writeBytes
            assertEquals(byName.get(row.get(3).get(0)).get("macs").asText(), row.get(4).get(0));
            assertEquals(byName.get(row.get(5).get(0)).get("params").asText(), row.get(6).get(0));
            assertEquals(byName.get(row.get(7).get(0)).get("writeBytes").asText(), row.get(8).get(0));
        }
        List<List<List<String>>> latency = tables.get(name + "#latency");
        assertEquals(json.get("latency").get("totalSeconds").asDouble(), Double.parseDouble(latency.get(0).get(1)
                .get(1)));
        assertFalse(tables.get("base model#layers").isEmpty(), "the sweep's base model, layer by layer");
    }

    private static void assertPlanTables(Map<String, List<List<List<String>>>> tables, Path file) throws Exception {
        JsonNode plan = JSON.readTree(file.toFile());
        List<List<List<String>>> groups = tables.get("plan.json#groups");
        assertEquals(plan.get("groups").size(), groups.size());
        for (int i = 0; i < groups.size(); i++) {
            JsonNode g = plan.get("groups").get(i);
            assertEquals(List.of(g.get("group").asText(), g.get("baseWidth").asText(), g.get("width").asText()),
                    groups.get(i).stream().map(c -> c.get(0)).toList());
        }
        List<List<List<String>>> steps = tables.get("plan.json#steps");
        assertEquals(plan.get("steps").size(), steps.size());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = plan.get("steps").get(i);
            assertEquals(step.get("change").asText(), steps.get(i).get(1).get(0));
            // metrics in name order after the step number and the change
            List<String> names = new ArrayList<>();
            step.get("metrics").fieldNames().forEachRemaining(names::add);
            java.util.Collections.sort(names);
            for (int m = 0; m < names.size(); m++) {
                assertEquals(step.get("metrics").get(names.get(m)).asDouble(),
                        Double.parseDouble(steps.get(i).get(2 + m).get(1)), names.get(m));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<List<List<String>>>> tables(Object script) {
        Map<String, List<List<List<String>>>> tables = new HashMap<>();
        for (Object t : (List<?>) script) {
            Map<String, Object> table = (Map<String, Object>) t;
            tables.put((String) table.get("source"), (List<List<List<String>>>) table.get("rows"));
        }
        return tables;
    }
}
