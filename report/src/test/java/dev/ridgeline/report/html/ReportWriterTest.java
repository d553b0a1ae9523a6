package dev.ridgeline.report.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.store.read.Run;
import dev.ridgeline.store.read.RunReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of every example job and of zoo models on a device: the page, its charts, nothing else. */
class ReportWriterTest {
    static final List<String> ZOO = List.of("resnet50", "mobilenet_v2", "vgg16");
    private static final Pattern FIGURE = Pattern.compile("<figure id=\"fig-([^\"]+)\">");

    @Test
    void everyExampleJobGetsItsPageAndCharts(@TempDir Path dir) throws Exception {
        List<Path> jobs;
        try (Stream<Path> files = Files.list(Path.of("configs/jobs"))) {
            jobs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(jobs.size() >= 3, "the example jobs: " + jobs);
        for (Path job : jobs) {
            String name = job.getFileName().toString().replace(".yaml", "");
            Path sweep = RunFolders.sweep(job, dir.resolve("runs").resolve(name), name.startsWith("resnet18"));
            Path out = dir.resolve("review").resolve(name);
            ReportWriter.write(RunReader.read(sweep), out, RunFolders.VERSION);
            List<String> ids = assertPageAndCharts(out);
            assertTrue(ids.get(0).startsWith("pareto-latencySeconds-"), name + ": " + ids);
            assertTrue(ids.containsAll(List.of("roofline", "stages", "top-layers", "memory")), name + ": " + ids);
        }
    }

    @Test
    void threeZooModelsOnADeviceGetTheirPagesAndACombinedOne(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String model : ZOO) {
            Path json = RunFolders.analysis(model, "jetson-orin-nano-8gb", "fp16", dir.resolve(model + ".json"));
            files.add(json);
            Path out = dir.resolve("review-" + model);
            ReportWriter.write(RunReader.read(json), out, RunFolders.VERSION);
            assertEquals(List.of("roofline", "stages", "top-layers", "memory"), assertPageAndCharts(out), model);
        }
        Path all = dir.resolve("review-all");
        List<Run> runs = RunReader.read(files);
        ReportWriter.write(runs, all, RunFolders.VERSION);
        List<String> ids = assertPageAndCharts(all);
        assertEquals("compare-latency", ids.get(0), "the comparison comes first: " + ids);
        assertEquals(1 + 3 * 4, ids.size(), ids.toString());
    }

    @Test
    void aPruningPlanGetsItsWaterfallsAndWidths(@TempDir Path dir) throws Exception {
        Path plan = RunFolders.plan(dir.resolve("plan"));
        ReportWriter.write(RunReader.read(plan), dir.resolve("review"), RunFolders.VERSION);
        assertEquals(List.of("plan-latencySeconds", "plan-params", "plan-widths"),
                assertPageAndCharts(dir.resolve("review")));
    }

    @Test
    void theSameRunsGiveTheSameSvgFiles(@TempDir Path dir) throws Exception {
        Path json = RunFolders.analysis("mobilenet_v2", "t4", "fp16", dir.resolve("mnv2.json"));
        Instant when = Instant.parse("2026-01-01T00:00:00Z");
        ReportWriter.write(RunReader.read(json), dir.resolve("a"), "test", when);
        ReportWriter.write(RunReader.read(json), dir.resolve("b"), "test", when);
        for (String id : List.of("roofline", "stages", "top-layers", "memory")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a/charts/" + id + ".svg")),
                    Files.readAllBytes(dir.resolve("b/charts/" + id + ".svg")), id);
        }
        String page = Files.readString(dir.resolve("a/report.html"));
        assertTrue(page.contains("<dt>report date</dt>\n<dd>2026-01-01T00:00:00Z</dd>"), "provenance date");
        assertTrue(page.contains("<dd>" + json.toString() + "</dd>"), "the analysis file in the provenance");
    }

    /** The page exists, is offline, has a figure and caption per chart, and every chart has its SVG and PNG. */
    static List<String> assertPageAndCharts(Path out) throws Exception {
        String page = Files.readString(out.resolve(ReportWriter.PAGE));
        assertFalse(page.contains("<script"), "no JavaScript");
        assertFalse(page.contains("http://") || page.contains("https://"), "nothing fetched from the network");
        assertTrue(page.contains("@media print"), "a print stylesheet");
        List<String> ids = new ArrayList<>();
        Matcher m = FIGURE.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertFalse(ids.isEmpty(), "charts in " + out);
        assertEquals(ids.size(), count(page, "<figcaption>"), "a caption per chart");
        assertEquals(ids.size(), count(page, "<img src=\"data:image/svg+xml;base64,"), "charts inline");
        for (String id : ids) {
            String svg = Files.readString(out.resolve("charts").resolve(id + ".svg"));
            assertTrue(svg.startsWith("<svg") && svg.strip().endsWith("</svg>"), id);
            BufferedImage png = ImageIO.read(out.resolve("charts").resolve(id + ".png").toFile());
            assertTrue(png.getWidth() >= 1000, id + " drawn at 2x: " + png.getWidth());
        }
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            assertEquals(2L * ids.size(), files.count(), "an SVG and a PNG per chart, no temp file");
        }
        return ids;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
