package dev.ridgeline.measure.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.DeviceYamlReader;
import dev.ridgeline.hardware.device.FigureStatus;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.KernelClass;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.measure.runtime.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device file calibrate writes reads back as the fitted profile, and validate refuses files without it. */
class CalibrationFilesTest {
    private static Calibration calibration() {
        double[] rates = new double[KernelClass.values().length];
        Arrays.fill(rates, 2.0e11);
        rates[KernelClass.DEPTHWISE.ordinal()] = 5.0e10;
        List<Benchmark> benchmarks = Benchmarks.standard().subList(0, 4);
        return new Calibration(benchmarks, new double[] {1e-3, 2e-3, 3e-3, 4e-3}, new double[] {0.01, 0.2, 0, 0},
                new ProfileFit.Result(rates, 3.0e10, 2.0e-6, new double[] {0.1, -0.1, 0, 0.05}),
                new Environment("onnxruntime", "1.20.0", "all", 2, "Test CPU \"quoted\"", "performance", 2, "Linux",
                        "JVM"), "2026-11-28");
    }

    @Test
    void theWrittenProfileReadsBackWithTheFittedFiguresMeasuredAndFused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-cpu.yaml");
        Files.writeString(file, CalibrationYaml.render(calibration(), "my-cpu", "my-cpu.residuals.csv"));
        DeviceProfile p = DeviceYamlReader.read(file);
        assertEquals("my-cpu", p.id());
        assertEquals(2.0e11, p.require(Precision.FP32).opsPerSecond(), 1e5);
        assertEquals(0.25, p.computeEfficiency(KernelClass.DEPTHWISE), 1e-4);
        assertEquals(1.0, p.computeEfficiency(KernelClass.CONV), 1e-4);
        assertEquals(3.0e10, p.bandwidthBytesPerSecond(), 1e4);
        assertEquals(2.0e-6, p.layerOverheadSeconds(), 1e-11);
        assertEquals(Fusion.ENGINE, p.fusion());
        assertEquals(FigureStatus.MEASURED, p.bandwidthStatus());
        assertEquals(FigureStatus.MEASURED, p.require(Precision.FP32).status());
        CalibrationRecord record = CalibrationRecord.read(file);
        assertEquals(new CalibrationRecord(2, "all", "1.20.0"), record);
        assertTrue(Files.readString(file).contains("cpuModel: \"Test CPU \\\"quoted\\\"\""));
        // docs/measure.md: "a `calibration` section with the environment, the fit and its RMS log residual"
        String text = Files.readString(file);
        String header = "id: \"my-cpu\"\nname: \"Test CPU \\\"quoted\\\", 2 thread(s), ONNX Runtime 1.20.0 (calibrated)\"\n"
                + "class: cpu\nsource: \"ridgeline hardware calibrate on 2026-11-28: 4 ORT runs, least squares on log time"
                + " ratio\"\nstatus: measured\n";
        assertTrue(text.contains(header), text);
        String section = text.substring(text.indexOf("calibration:\n"));
        double rms = Math.sqrt((0.01 + 0.01 + 0 + 0.0025) / 4);
        assertEquals("calibration:\n  date: 2026-11-28\n  runtime: onnxruntime\n  runtimeVersion: \"1.20.0\"\n"
                + "  optLevel: all\n  threads: 2\n  cpuModel: \"Test CPU \\\"quoted\\\"\"\n  governor: \"performance\"\n"
                + "  cores: 2\n  os: \"Linux\"\n  java: \"JVM\"\n  benchmarks: 4\n"
                + "  fit: \"Levenberg-Marquardt least squares on log(predicted / measured), over the logs of the rate of"
                + " each kernel kind, the bandwidth and the overhead; weak prior (0.05) toward the conv rate\"\n"
                + String.format(java.util.Locale.ROOT, "  rmsLogResidual: %.4f%n", rms)
                + "  residuals: \"my-cpu.residuals.csv\"\n", section);
    }

    @Test
    void aDeviceFileWithoutTheCalibrationSectionSaysHowToWriteOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("board.yaml");
        Files.writeString(file, "id: board\nsource: datasheet\nmemory: {bandwidthBytesPerSecond: 1.0e10}\n"
                + "precisions:\n  fp32: {vectorOpsPerSecond: 1.0e11}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> CalibrationRecord.read(file));
        assertTrue(e.getMessage().contains("board.yaml:1:1"), e.getMessage());
        assertTrue(e.getMessage().contains("ridgeline hardware calibrate --out"), e.getMessage());

        Files.writeString(file, "id: board\nsource: s\nmemory: {bandwidthBytesPerSecond: 1.0e10}\n"
                + "precisions:\n  fp32: {vectorOpsPerSecond: 1.0e11}\ncalibration: {optLevel: all}\n");
        BadInputException missing = assertThrows(BadInputException.class, () -> CalibrationRecord.read(file));
        assertTrue(missing.getMessage().contains("threads"), missing.getMessage());
        assertTrue(missing.getMessage().contains("board.yaml:6"), missing.getMessage());
    }
}
