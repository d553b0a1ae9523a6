package dev.ridgeline.report.run;

import dev.ridgeline.store.read.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.report.html.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading run folders: what analyze and sweep wrote, tolerantly, and bad folders as clear errors. */
class RunReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFolderWithoutRidgelineOutputIsBadInputNamingTheFolderAndWhatWasExpected(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");
        BadInputException e = assertThrows(BadInputException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().startsWith(dir + ": no Ridgeline output here; expected summary.json"),
                e.getMessage());
    }

    @Test
    void aDamagedSummaryIsBadInputWithItsLineAndColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("summary.json"), "{\n  \"spaceSize\": 12,\n  \"objectives\": [{\"metric\": \n");
        BadInputException e = assertThrows(BadInputException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("summary.json") + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().endsWith("expected the summary.json that 'ridgeline sweep' writes"),
                e.getMessage());
    }

    @Test
    void aSummaryWithoutObjectivesNamesTheField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("summary.json"), "{\"model\": \"resnet18\", \"budgets\": []}");
        BadInputException e = assertThrows(BadInputException.class, () -> RunReader.read(dir));
        assertEquals(dir.resolve("summary.json") + ": field 'objectives' is missing or not an array",
                e.getMessage());
    }

    @Test
    void aSweepWithoutItsFrontNamesTheMissingFile(@TempDir Path dir) throws Exception {
        RunFolders.sweep(Path.of("configs/jobs/resnet18_t4.yaml"), dir, false);
        Files.delete(dir.resolve("pareto.csv"));
        BadInputException e = assertThrows(BadInputException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("pareto.csv") + ": missing"), e.getMessage());
    }

    @Test
    void anAnalysisReadsTheFiguresOfItsJson(@TempDir Path dir) throws Exception {
        Path file = RunFolders.analysis("resnet18", "t4", "fp16", dir.resolve("r18.json"));
        JsonNode json = JSON.readTree(file.toFile());
        AnalysisRun run = assertInstanceOf(AnalysisRun.class, RunReader.read(file).get(0));
        assertEquals(json.get("totals").get("macs").asLong(), run.totals().get("macs"));
        assertEquals(json.get("layers").size(), run.layers().size());
        JsonNode conv = json.get("layers").get(0);
        LayerRow first = run.layers().get(0);
        assertEquals(conv.get("name").asText(), first.name());
        assertEquals(conv.get("params").asLong(), first.params());
        assertEquals(json.get("latency").get("layers").get(0).get("seconds").asDouble(), first.seconds());
        Roofs roofs = run.roofs().orElseThrow();
        assertEquals(json.get("latency").get("ridgeOpsPerByte").asDouble(), roofs.ridgeOpsPerByte(), 1e-9);
        assertEquals(json.get("latency").get("totalSeconds").asDouble(), roofs.totalSeconds());
        assertEquals("bandwidth datasheet, fp16 peak datasheet", roofs.figureStatuses().replace("derived",
                "datasheet"), "the T4 preset's statuses are read: " + roofs.figureStatuses());
    }

    @Test
    void liveMemoryPeaksAtTheAnalysisPeakActivationBytes(@TempDir Path dir) throws Exception {
        for (String model : List.of("resnet18", "mobilenet_v2", "googlenet")) {
            Path file = RunFolders.analysis(model, "t4", "fp16", dir.resolve(model + ".json"));
            AnalysisRun run = (AnalysisRun) RunReader.read(file).get(0);
            assertEquals(run.layers().size(), run.liveBytes().length, model);
            assertEquals(run.totals().get("peakActivationBytes"), Arrays.stream(run.liveBytes()).max().orElseThrow(),
                    model);
        }
    }

    @Test
    void aSweepReadsItsSummaryFrontCloudAndBaseModel(@TempDir Path dir) throws Exception {
        RunFolders.sweep(Path.of("configs/jobs/resnet18_t4.yaml"), dir, true);
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        SweepRun run = assertInstanceOf(SweepRun.class, RunReader.read(dir).get(0));
        assertEquals(summary.get("frontSize").asInt(), run.pareto().rows().size());
        assertEquals(summary.get("feasiblePoints").asLong(), run.cloud().orElseThrow().feasible());
        assertEquals(summary.get("pointsEvaluated").asLong(), run.cloud().orElseThrow().total());
        assertEquals(List.of("latencySeconds", "macs", "peakActivationBytes"),
                run.objectives().stream().map(SweepRun.Objective::metric).toList());
        AnalysisRun base = run.baseModel().orElseThrow();
        assertEquals(summary.get("base").get("macs").asLong(), base.totals().get("macs"));
        assertEquals(summary.get("base").get("latencySeconds").asDouble(), base.roofs().orElseThrow().totalSeconds(),
                1e-15);
    }
}
