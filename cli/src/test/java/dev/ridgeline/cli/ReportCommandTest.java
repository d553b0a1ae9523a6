package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ridgeline report}, {@code analyze --report} and {@code sweep --report} end to end. */
class ReportCommandTest {

    @Test
    void analyzeWritesItsJsonAndAPageOfIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("review");
        Run run = Run.of("analyze", "mobilenet_v2", "--hardware", "t4", "--precision", "fp16", "--report",
                out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("mobilenet_v2"), "the table still goes to stdout");
        assertTrue(Files.isRegularFile(out.resolve("analysis.json")));
        String page = Files.readString(out.resolve("report.html"));
        assertTrue(page.contains("mobilenet_v2 on t4 (fp16, batch 1)"), "the question in the page");
        assertEquals(List.of("memory.png", "memory.svg", "roofline.png", "roofline.svg", "stages.png", "stages.svg",
                "top-layers.png", "top-layers.svg"), list(out.resolve("charts")));
    }

    @Test
    void sweepWritesItsReportBesideItsFiles(@TempDir Path dir) throws Exception {
        Run run = Run.of("sweep", SweepCommandTest.RESNET18, "--out", dir.toString(), "--report", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + dir.resolve("report.html") + " and 14 chart files"), run.out());
        assertTrue(list(dir.resolve("charts")).contains("pareto-latencySeconds-macs.svg"));
    }

    @Test
    void aSweepWhereNothingMetTheBudgetsStillGetsItsPage(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("tight.yaml");
        Files.writeString(job, Files.readString(Path.of(SweepCommandTest.RESNET18))
                .replace("{weightBytes: {max: 50%}}", "{weightBytes: {max: 1%}}"));
        Run run = Run.of("sweep", job.toString(), "--out", dir.toString(), "--report", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("No point of the 15,552 evaluated met the budgets, so there is no front"), "caption");
        assertTrue(page.contains("closest to the budgets (none met them)"), "summary.json's closest point is marked");
    }

    @Test
    void reportComparesSeveralRuns(@TempDir Path dir) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("report"));
        for (String model : List.of("resnet18", "alexnet")) {
            Path json = dir.resolve(model + ".json");
            Run analysis = Run.of("analyze", model, "--hardware", "t4", "--precision", "fp16", "--format", "json",
                    "--out", json.toString());
            assertEquals(0, analysis.exitCode(), analysis.err());
            args.add(json.toString());
        }
        args.addAll(List.of("--out", dir.resolve("review").toString()));
        Run run = Run.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote " + dir.resolve("review/report.html") + " and 18 chart files"),
                run.out());
        assertTrue(list(dir.resolve("review/charts")).contains("compare-latency.svg"));
    }

    @Test
    void aFolderWithoutRidgelineOutputExitsTwoNamingIt(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run run = Run.of("report", empty.toString(), "--out", dir.resolve("review").toString()).assertCleanBadInput();
        assertTrue(run.err().contains(empty + ": no Ridgeline output here; expected summary.json"), run.err());
        assertFalse(Files.exists(dir.resolve("review/report.html")), "nothing written");
    }

    @Test
    void aDamagedSummaryExitsTwoNamingTheFileAndWhatItExpected(@TempDir Path dir) throws Exception {
        Run sweep = Run.of("sweep", SweepCommandTest.RESNET18, "--out", dir.toString());
        assertEquals(0, sweep.exitCode(), sweep.err());
        Path summary = dir.resolve("summary.json");
        String text = Files.readString(summary);
        Files.writeString(summary, text.substring(0, text.length() / 2));
        Run run = Run.of("report", dir.toString(), "--out", dir.resolve("review").toString()).assertCleanBadInput();
        assertTrue(run.err().contains(summary + ":"), run.err());
        assertTrue(run.err().contains("not valid JSON"), run.err());
        assertTrue(run.err().contains("expected the summary.json that 'ridgeline sweep' writes"), run.err());
    }

    @Test
    void aMissingRunIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        Run run = Run.of("report", missing.toString(), "--out", dir.toString()).assertCleanBadInput();
        assertTrue(run.err().contains(missing + ": no such file or folder"), run.err());
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
