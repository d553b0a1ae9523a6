package dev.ridgeline.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.LatencyReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis table of a model timed on a device: latency columns per layer and the latency block. */
class LatencyTableTest {

    static String tinyOnRoundNumbers(Path dir) {
        DeviceProfile round = TestDevices.write(dir, "round", TestDevices.ROUND);
        CostReport report = TestDevices.count(TinyModels.tiny(), 1, Precision.FP32);
        return AnalysisTable.render(report, Optional.of(TestDevices.time(report, round, Precision.FP32, false)));
    }

    @Test
    void timeShareAndBoundTakeThePlaceOfTheFlopsShare(@TempDir Path dir) {
        List<String> table = AnalysisTableTest.layerTable(tinyOnRoundNumbers(dir));
        String header = table.get(0);
        assertTrue(header.matches("name +op +output shape +params +MACs +FLOPs +time +% time +bound"), header);
        assertFalse(header.contains("% FLOPs"), header);
        // conv 14.08 us of 27.472 us, compute-bound; relu 2.048 us; fc 11.344 us
        assertTrue(table.get(2).matches("conv .* 14\\.1 us +51\\.3% +compute"), table.get(2));
        assertTrue(table.get(3).matches("relu .* 2\\.05 us +7\\.5% +memory"), table.get(3));
        assertTrue(table.get(4).matches("flatten .* - +- +-"), "a view does not run: " + table.get(4));
        assertTrue(table.get(5).matches("fc .* 11\\.3 us +41\\.3% +memory"), table.get(5));
    }

    @Test
    void theLatencyBlockSummarizesDevicePrecisionTimeThroughputAndMemory(@TempDir Path dir) {
        String text = tinyOnRoundNumbers(dir);
        assertTrue(text.contains("\ndevice                Round Numbers (round)\n"), text);
        assertTrue(text.contains("\nprecision and engine  fp32 on the vector engine: 1 GFLOPS peak, 1 GB/s\n"), text);
        assertTrue(text.contains("\ntotal latency         27.5 us for a batch of 1\n"), text);
        // 1 / 27.472 us
        assertTrue(text.contains("\nthroughput            36,401 samples/s\n"), text);
        // relu and fc: 13.392 of 27.472 us
        assertTrue(text.contains("\nmemory-bound layers   48.7% of the time\n"), text);
        // 19,466 ops in 27.472 us against 1 G ops/s
        assertTrue(text.contains("\nutilization           70.9% of peak (708.6 MFLOPS achieved)\n"), text);
        assertTrue(text.contains("\nmemory required       12.48 KiB (weights and peak activations) of 1 kB:"
                + " does NOT fit\n"), text);
        assertTrue(text.contains("\nridge point           1.0 ops/byte; layers below it are memory-bound\n"), text);
        assertTrue(text.contains("max(ops / (1.0 x peak), bytes / (1.0 x bandwidth)) + 0 s overhead"), text);
        assertTrue(text.contains("made up for tests"), "the figures' source: " + text);
    }

    @Test
    void resnet50OnH100FitsAndStaysReadable() {
        CostReport report = TestDevices.count(Zoo.load("resnet50"), 1, Precision.FP16);
        LatencyReport latency = TestDevices.time(report, Devices.preset("h100-sxm"), Precision.FP16, false);
        String text = AnalysisTable.render(report, Optional.of(latency));
        assertTrue(text.startsWith("resnet50  |  input 3x224x224  |  batch 1  |  convention macs (MACs)  |  2 bytes"
                + " per element\n"), text);
        assertTrue(text.contains("fp16 on the matrix engine: 989 TFLOPS peak, 3350 GB/s"), text);
        assertTrue(text.matches("(?s).*\\nmemory required +\\S+ MiB \\(weights and peak activations\\) of 80 GB:"
                + " fits\\n.*"), text);
        assertTrue(text.contains("ridge point           240.1 ops/byte"), text);
        assertTrue(text.contains("roofline under tensorrt: each layer takes max(ops / (0.736 x fill x peak)"), text);
        assertTrue(text.contains("plus 50.6 us per inference"), text);
        text.lines().forEach(line -> assertTrue(line.length() <= 120, line.length() + ": " + line));
    }

    @Test
    void aDeviceOnHostMemoryHasNoFitCheck(@TempDir Path dir) {
        DeviceProfile edge = TestDevices.write(dir, "edge", TestDevices.EDGE);
        CostReport report = TestDevices.count(TinyModels.tiny(), 1, Precision.INT8);
        String text = AnalysisTable.render(report, Optional.of(TestDevices.time(report, edge, Precision.INT8, true)));
        assertTrue(text.contains("the device uses host memory, no fit check"), text);
        assertTrue(text.contains("int8 on the matrix engine: 16 TOPS peak, 51.2 GB/s"), text);
        assertTrue(text.contains("on-chip reuse on"), text);
    }

    @Test
    void smallUtilizationKeepsTwoDecimals() {
        assertEquals("0.13%", LatencySummary.utilization(0.0013170));
        assertEquals("11.3%", LatencySummary.utilization(0.1131));
        assertEquals("36,401", LatencySummary.throughput(36_400.58));
        assertEquals("82.6", LatencySummary.throughput(82.58));
        assertEquals("0.412", LatencySummary.throughput(0.41234));
    }
}
