package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ridgeline.measure.validate.Accuracy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards docs/measure.md ("Each line is `calibrate` followed at once by `validate`"; "The file. A device profile
 * like any other ... with `status: measured`"; validate "prints, for both: Spearman and Kendall rank correlation
 * ..."): {@code hardware calibrate} then {@code hardware validate} end to end in the real ONNX Runtime, kept small
 * (3 timed runs, 4 held-out designs of the MobileNetV2 example job).
 */
class CalibrateThenValidateTest {
    private static final String JOB = "configs/jobs/mobilenet_v2_orin_nano.yaml";

    @Test
    void aCalibratedFileIsADeviceThatValidateChecksOnHeldOutDesigns(@TempDir Path dir) throws Exception {
        Path device = dir.resolve("my-cpu.yaml");
        Run calibrate = Run.of("hardware", "calibrate", "--out", device.toString(), "--runs", "3", "--jobs", JOB);
        assertEquals(0, calibrate.exitCode(), calibrate.err());
        String yaml = Files.readString(device);
        assertTrue(yaml.contains("status: measured") && yaml.contains("\ncalibration:\n"), yaml);
        List<String> residuals = Files.readAllLines(dir.resolve("my-cpu.residuals.csv"));
        assertEquals("benchmark,kind,batch,measuredSeconds,relativeSpread,predictedSeconds,ratio,logResidual",
                residuals.get(0));
        assertEquals(1 + 43 + 8, residuals.size(), "the standard benchmarks and 8 designs of the job");
        Run show = Run.of("hardware", "show", device.toString());
        assertEquals(0, show.exitCode(), "a device like any other: " + show.err());
        Run analyze = Run.of("analyze", "mobilenet_v2", "--hardware", device.toString(), "--format", "json");
        assertEquals(0, analyze.exitCode(), analyze.err());

        Path out = dir.resolve("val");
        Run validate = Run.of("hardware", "validate", device.toString(), "--designs", "4", "--jobs", JOB, "--runs",
                "3", "--out", out.toString());
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains("Spearman") && validate.out().contains("Kendall"), validate.out());
        assertTrue(validate.out().startsWith("4 held-out designs measured in"), validate.out());

        // the published statistics are those of the rows it wrote: recomputed from validation.csv
        List<String> rows = Files.readAllLines(out.resolve("validation.csv"));
        assertEquals("job,choices,measuredSeconds,medianSeconds,relativeSpread,predictedSeconds,comparedSeconds",
                rows.get(0));
        assertEquals(1 + 4, rows.size());
        double[] measured = new double[4];
        double[] predicted = new double[4];
        double[] compared = new double[4];
        for (int i = 0; i < 4; i++) {
            String[] cells = rows.get(i + 1).split(",");
            int n = cells.length;
            measured[i] = Double.parseDouble(cells[n - 5]);
            predicted[i] = Double.parseDouble(cells[n - 2]);
            compared[i] = Double.parseDouble(cells[n - 1]);
            assertTrue(measured[i] > 0 && predicted[i] > 0 && compared[i] > 0, rows.get(i + 1));
            assertNotEquals(predicted[i], compared[i], "the calibrated file predicts, not the generic CPU");
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("validation.json").toFile());
        assertEquals(4, json.get("designs").asInt());
        assertStatistics(Accuracy.of(measured, predicted), json.get("profile"));
        assertStatistics(Accuracy.of(measured, compared), json.get("comparison"));
        assertTrue(Files.size(out.resolve("validation.png")) > 0);
    }

    @Test
    void fewerThanThreeTimedRunsIsBadInputNamingTheOption(@TempDir Path dir) {
        Run calibrate = Run.of("hardware", "calibrate", "--out", dir.resolve("c.yaml").toString(), "--runs", "2")
                .assertCleanBadInput();
        assertTrue(calibrate.err().contains("--runs must be at least 3, got 2"), calibrate.err());
        Run validate = Run.of("hardware", "validate", "configs/hardware/xeon-8480.yaml", "--runs", "2")
                .assertCleanBadInput();
        assertTrue(validate.err().contains("--runs must be at least 3, got 2"), validate.err());
    }

    private static void assertStatistics(Accuracy expected, JsonNode shown) {
        assertEquals(expected.spearman(), shown.get("spearman").asDouble(), 1e-12, shown.toString());
        assertEquals(expected.kendall(), shown.get("kendall").asDouble(), 1e-12, shown.toString());
        assertEquals(100 * expected.medianAbsError(), shown.get("medianAbsPercentError").asDouble(), 1e-9);
        assertEquals(100 * expected.p90AbsError(), shown.get("p90AbsPercentError").asDouble(), 1e-9);
        assertEquals(expected.shareWithin10(), shown.get("shareWithin10Percent").asDouble(), 1e-12);
    }
}
