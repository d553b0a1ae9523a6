package dev.ridgeline.report.measure;

import dev.ridgeline.store.measure.ValidationReport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.measure.runtime.Environment;
import dev.ridgeline.measure.validate.Accuracy;
import dev.ridgeline.measure.validate.Validation;
import dev.ridgeline.measure.validate.ValidationPoint;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A validation's summary, CSV and chart. */
class ValidationReportTest {
    private static Validation.Result result() {
        List<ValidationPoint> points = List.of(
                new ValidationPoint("a.yaml", "[0]", 0.001, 0.0012, 0.05, 0.00105, 0.002),
                new ValidationPoint("a.yaml", "[1]", 0.002, 0.0021, 0.25, 0.0024, 0.003),
                new ValidationPoint("b.yaml", "[0, 1]", 0.004, 0.0041, 0.02, 0.0040, 0.009));
        double[] measured = {0.001, 0.002, 0.004};
        return new Validation.Result(points, Accuracy.of(measured, new double[] {0.00105, 0.0024, 0.0040}),
                Accuracy.of(measured, new double[] {0.002, 0.003, 0.009}),
                new Environment("onnxruntime", "1.20.0", "all", 2, "cpu", "unknown", 2, "Linux", "JVM"));
    }

    @Test
    void theSummaryGivesBothProfilesFiguresAndFlagsNoisyDesigns() {
        String text = ValidationReport.summary(result(), "mine (calibrated)", "generic-cpu (uncalibrated)");
        assertTrue(text.startsWith("3 held-out designs measured in onnxruntime 1.20.0, 2 thread(s)"), text);
        // errors 5%, 20%, 0%: median 5%, 2 of 3 within 10%
        assertTrue(text.matches("(?s).*mine \\(calibrated\\) +1\\.000 +1\\.000 +5\\.0% .* 67%\\n.*"), text);
        assertTrue(text.contains("NOISY: 1 of 3 designs"), text);
    }

    @Test
    void theCsvHasOneDesignPerRowAndTheChartIsAPng(@TempDir Path dir) throws Exception {
        StringWriter csv = new StringWriter();
        ValidationReport.csv(result(), csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals("job,choices,measuredSeconds,medianSeconds,relativeSpread,predictedSeconds,comparedSeconds",
                lines.get(0));
        assertEquals("b.yaml,\"[0, 1]\",0.004,0.0041,0.02,0.004,0.009", lines.get(3));

        Path png = dir.resolve("validation.png");
        Files.write(png, ValidationChart.png(result(), "mine", "generic"));
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
        assertEquals(5, ValidationChart.chart(result(), "mine", "generic").getSeriesMap().size(),
                "the diagonal, the +-10% band and both profiles");
        // kept for a look, beside the browser test's screenshots
        Path look = Path.of("report/target/browser/validation.png");
        Files.createDirectories(look.getParent());
        Files.copy(png, look, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
