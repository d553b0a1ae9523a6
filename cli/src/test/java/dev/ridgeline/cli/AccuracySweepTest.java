package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps with predicted accuracy end to end: outputs, the report's extrapolated marks, and bad measured files. */
class AccuracySweepTest {
    static final Path JOB = Path.of("configs/jobs/mobilenet_v1_accuracy.yaml");

    /** The example job, measured on widths 0.25 to 0.75 only, so that width 1.0 is extrapolated. */
    static Path narrowJob(Path dir) throws Exception {
        Files.writeString(dir.resolve("measured.csv"), """
                param:width_mult,resolution,accuracy
                0.75,224,68.4
                0.75,128,62.1
                0.25,224,49.8
                0.25,128,41.5
                0.5,160,59.1
                0.5,192,61.7
                """);
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, Files.readString(JOB).replace("mobilenet_v1_measured.csv", "measured.csv"));
        return job;
    }

    @Test
    void theFrontCarriesPredictedAccuracyAndThePageMarksExtrapolatedDesigns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run run = Run.of("sweep", narrowJob(dir).toString(), "--out", out.toString(), "--report", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> pareto = Files.readAllLines(out.resolve("pareto.csv"));
        assertEquals("params,macs,flops,latencySeconds,peakActivationBytes,weightBytes,accuracy,param:width_mult,"
                + "resolution", pareto.get(0));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode accuracy = summary.get("accuracy");
        assertEquals(6, accuracy.get("designs").asInt());
        assertTrue(accuracy.get("leaveOneOutRmse").asDouble() > 0);
        // every front row at width 1.0 is extrapolated, and only those
        int extrapolated = 0;
        for (int i = 1; i < pareto.size(); i++) {
            boolean wide = pareto.get(i).contains(",1.0,");
            assertEquals(wide, summary.get("front").get(i - 1).get("extrapolated").asBoolean(), pareto.get(i));
            extrapolated += wide ? 1 : 0;
        }
        assertTrue(extrapolated > 0, "the widest designs reach the front");
        assertEquals(extrapolated, accuracy.get("extrapolatedFrontRows").size());
        assertTrue(run.out().contains("* marks a design outside the measured range"), run.out());
        String svg = Files.readString(out.resolve("charts/pareto-latencySeconds-accuracy.svg"));
        assertTrue(svg.contains("fill:rgb(243,156,18)"), "extrapolated designs are drawn in their own colour");
        String page = Files.readString(out.resolve("report.html"));
        assertTrue(page.contains(extrapolated + " front designs lie outside it (extrapolated, marked with diamonds)"),
                "the chart's caption counts the marks");
        assertTrue(page.contains("lie outside the measured range (extrapolated)"), "the page says which rows");
        assertTrue(page.contains("leave-one-out error"), "the page states the predictor's error");
    }

    @Test
    void aMeasuredChoiceTheSpaceLacksIsReportedAtItsLine(@TempDir Path dir) throws Exception {
        Path job = narrowJob(dir);
        Files.writeString(dir.resolve("measured.csv"), Files.readString(dir.resolve("measured.csv"))
                .replace("0.5,192,61.7", "0.5,96,61.7"));
        Run run = Run.of("sweep", job.toString(), "--out", dir.resolve("out").toString()).assertCleanBadInput();
        assertTrue(run.err().contains("measured.csv:7:5: resolution has no choice '96'"), run.err());
    }

    @Test
    void tooFewMeasuredDesignsAreBadInput(@TempDir Path dir) throws Exception {
        Path job = narrowJob(dir);
        Files.writeString(dir.resolve("measured.csv"), "param:width_mult,resolution,accuracy\n0.5,224,63.3\n"
                + "0.25,128,41.5\n1.0,160,68.0\n");
        Run run = Run.of("sweep", job.toString(), "--out", dir.resolve("out").toString()).assertCleanBadInput();
        assertTrue(run.err().contains("too few measured designs: 3 designs cannot fit and check the 3 coefficients"),
                run.err());
    }

    @Test
    void accuracyWithoutMeasuredDesignsIsNamedAtTheObjective(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, Files.readString(JOB).replace("accuracy: {measured: mobilenet_v1_measured.csv}\n", "")
                .replace("  accuracy: {min: 60}\n", "  params: {max: 5000000}\n"));
        Run run = Run.of("sweep", job.toString(), "--out", dir.resolve("out").toString()).assertCleanBadInput();
        assertTrue(run.err().contains("job.yaml:16:14:") && run.err().contains("accuracy needs measured designs"),
                run.err());
    }

    @Test
    void aBatchVariesTheAccuracyBudget(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run run = Run.of("batch", "configs/batch/mobilenet_v1_accuracy_budgets.yaml", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonNode index = new ObjectMapper().readTree(out.resolve("index.json").toFile());
        assertEquals(3, index.get("jobs").size());
        long previous = Long.MAX_VALUE;
        double[] floors = {60, 65, 70};
        for (int i = 0; i < 3; i++) {
            JsonNode job = index.get("jobs").get(i);
            assertEquals("done", job.get("status").asText(), job.toString());
            JsonNode summary = new ObjectMapper().readTree(out.resolve(job.get("id").asText())
                    .resolve("summary.json").toFile());
            long feasible = summary.get("feasiblePoints").asLong();
            assertTrue(feasible < previous, "a higher floor keeps fewer designs: " + feasible);
            previous = feasible;
            assertEquals(floors[i], summary.get("budgets").get(0).get("min").asDouble());
            for (JsonNode p : summary.get("front")) {
                assertTrue(p.get("metrics").get("accuracy").asDouble() >= floors[i]);
            }
            // the measured designs, rebased from the job file onto the batch's folder, are the job's six
            assertEquals(6, summary.get("accuracy").get("designs").asInt());
        }
    }

    @Test
    void shardsMergeIntoTheUnsplitFrontWithItsExtrapolatedRows(@TempDir Path dir) throws Exception {
        Path job = narrowJob(dir);
        assertEquals(0, Run.of("sweep", job.toString(), "--out", dir.resolve("all").toString()).exitCode());
        for (int i = 1; i <= 2; i++) {
            Run shard = Run.of("sweep", job.toString(), "--out", dir.resolve("s" + i).toString(), "--shard", i + "/2");
            assertEquals(0, shard.exitCode(), shard.err());
        }
        Run merge = Run.of("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out",
                dir.resolve("merged").toString());
        assertEquals(0, merge.exitCode(), merge.err());
        assertEquals(Files.readString(dir.resolve("all/pareto.csv")), Files.readString(dir.resolve("merged/pareto.csv")));
        ObjectMapper json = new ObjectMapper();
        JsonNode all = json.readTree(dir.resolve("all/summary.json").toFile());
        JsonNode merged = json.readTree(dir.resolve("merged/summary.json").toFile());
        assertEquals(all.get("front"), merged.get("front"));
        assertEquals(all.get("accuracy").get("extrapolatedFrontRows"), merged.get("accuracy").get("extrapolatedFrontRows"));
    }

    @Test
    void designsNamedByTheirModelFilesSweepAndAMissingFileIsNamedAtItsLine(@TempDir Path dir) throws Exception {
        Path job = narrowJob(dir);
        StringBuilder csv = new StringBuilder("model,accuracy\n");
        Files.createDirectories(dir.resolve("designs"));
        int i = 0;
        for (String line : Files.readAllLines(dir.resolve("measured.csv")).subList(1, 7)) {
            String[] cells = line.split(",");
            Path model = dir.resolve("designs/d" + i++ + ".yaml");
            Run export = Run.of("export", job.toString(), "--choices", "param:width_mult=" + cells[0] + ",resolution="
                    + cells[1], "--out", model.toString());
            assertEquals(0, export.exitCode(), export.err());
            csv.append("designs/").append(model.getFileName()).append(',').append(cells[2]).append('\n');
        }
        Path byKnobs = dir.resolve("knobs");
        assertEquals(0, Run.of("sweep", job.toString(), "--out", byKnobs.toString()).exitCode());
        Files.writeString(dir.resolve("measured.csv"), csv);
        Path byModels = dir.resolve("models");
        Run run = Run.of("sweep", job.toString(), "--out", byModels.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.readString(byKnobs.resolve("pareto.csv")), Files.readString(byModels.resolve("pareto.csv")),
                "the same designs, named by their files, give the same predictions");
        Files.writeString(dir.resolve("measured.csv"), csv.toString().replace("designs/d4.yaml", "designs/gone.yaml"));
        Run missing = Run.of("sweep", job.toString(), "--out", dir.resolve("out").toString()).assertCleanBadInput();
        assertTrue(missing.err().contains("measured.csv:6:1: model: no file 'designs/gone.yaml'"), missing.err());
    }

    @Test
    void aParamKnobBesideAKernelKnobIsBadInputAtTheParamKnob(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, "model: mobilenet_v2\nhardware: t4\nprecision: fp16\nspace:\n"
                + "  param: {name: width_mult, choices: [0.5, 1.0]}\n  kernel: {stages: [\"*\"], choices: [3, 5]}\n");
        Run run = Run.of("sweep", job.toString(), "--out", dir.resolve("out").toString()).assertCleanBadInput();
        assertTrue(run.err().contains("job.yaml:5:10: a param knob combines with resolution and other param knobs only"),
                run.err());
    }
}
