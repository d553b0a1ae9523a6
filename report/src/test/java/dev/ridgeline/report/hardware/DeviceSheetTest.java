package dev.ridgeline.report.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.DeviceYamlReader;
import dev.ridgeline.hardware.device.Devices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceSheetTest {
    private static final String BOARD = """
            id: board
            name: Test Board
            class: soc
            source: a test's own figures
            status: derived
            memory: {bandwidthBytesPerSecond: 25.6e9, bandwidthStatus: unverified}
            efficiency: {compute: 0.5, memory: 0.8}
            layerOverheadSeconds: 2.0e-5
            precisions:
              fp16: {vectorOpsPerSecond: 2.0e12, note: 2 x 1 TFLOPS clusters}
              int8: {matrixOpsPerSecond: 8.0e12, vectorOpsPerSecond: 4.0e12, use: vector}
            """;

    static DeviceProfile board(Path dir) throws IOException {
        Path file = dir.resolve("board.yaml");
        Files.writeString(file, BOARD);
        return DeviceYamlReader.read(file);
    }

    @Test
    void everyPrecisionShowsItsPeaksEngineRidgePointAndStatus() {
        String text = DeviceSheet.render(Devices.preset("h100-sxm"));
        assertTrue(text.startsWith("NVIDIA H100 SXM5 80GB  |  id h100-sxm  |  gpu\n"), text);
        assertTrue(text.contains("source: NVIDIA H100 Tensor Core GPU datasheet"), text);
        // ridge = 0.736 x peak / (0.905 x 3.35 TB/s): the TensorRT runtime's efficiencies
        assertTrue(text.matches("(?s).*\\nfp64 +67 TFLOPS +34 TFLOPS +matrix +16\\.3 ops/byte +datasheet\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nfp32 +- +67 TFLOPS +vector +16\\.3 ops/byte +datasheet\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nfp16 +989 TFLOPS +133\\.8 TFLOPS +matrix +240\\.1 ops/byte +datasheet\\n.*"),
                text);
        assertTrue(text.matches("(?s).*\\nint8 +1979 TOPS +- +matrix +480\\.4 ops/byte +datasheet\\n.*"), text);
        assertTrue(text.contains("  int8: 3958 TOPS with 2:4 sparsity\n"), "the notes: " + text);
        assertTrue(text.matches("(?s).*\\nfusion +engine +- +BN folded.*"), text);
    }

    @Test
    void theDeviceFiguresCarryTheirStatus() {
        String text = DeviceSheet.render(Devices.preset("h100-sxm"));
        assertTrue(text.matches("(?s).*\\nbandwidth +3350 GB/s +datasheet .*"), text);
        assertTrue(text.matches("(?s).*\\nmemory +80 GB .*"), text);
        assertTrue(text.matches("(?s).*\\non-chip buffer +50 MB .*"), text);
        assertTrue(text.matches("(?s).*\\ncompute efficiency +0\\.74 .*"), text);
        assertTrue(text.matches("(?s).*\\nmemory efficiency +0\\.91 .*"), text);
        assertTrue(text.matches("(?s).*\\nlayer overhead +5\\.34 us .*"), text);
        assertTrue(text.matches("(?s).*\\nruntime +tensorrt +- +TensorRT .*"), text);
        assertTrue(text.matches("(?s).*\\ninference overhead +50\\.6 us .*"), text);
        assertTrue(text.matches("(?s).*\\ntiles +64 x 64, 132 at once .*"), text);
        assertTrue(text.contains("\nruntimes (--hardware h100-sxm:RUNTIME):\n  tensorrt (this one): TensorRT; source:"),
                text);
    }

    @Test
    void aDeviceFileShowsItsOwnFigures(@TempDir Path dir) throws IOException {
        String text = DeviceSheet.render(board(dir));
        assertTrue(text.startsWith("Test Board  |  id board  |  soc\n"), text);
        // fp16: 0.5 x 2 T / (0.8 x 25.6 G); int8 on its vector engine: 0.5 x 4 T / (0.8 x 25.6 G)
        assertTrue(text.matches("(?s).*\\nfp16 +- +2 TFLOPS +vector +48\\.8 ops/byte +derived\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nint8 +8 TOPS +4 TOPS +vector +97\\.7 ops/byte +derived\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nbandwidth +25\\.6 GB/s +unverified .*"), text);
        assertTrue(text.matches("(?s).*\\nmemory +host .*"), text);
        assertTrue(text.matches("(?s).*\\non-chip buffer +unknown .*"), text);
        assertTrue(text.matches("(?s).*\\nlayer overhead +20\\.0 us .*"), text);
        assertTrue(text.contains("  fp16: 2 x 1 TFLOPS clusters\n"), text);
        text.lines().forEach(line -> assertTrue(line.length() <= 120, line.length() + ": " + line));
    }

    @Test
    void theListHasOneLinePerDevice(@TempDir Path dir) throws IOException {
        String text = DeviceListTable.render(List.of(Devices.preset("h100-sxm"), board(dir)));
        List<String> lines = text.lines().toList();
        assertEquals(4, lines.size(), text);
        assertTrue(lines.get(0).matches("id +name +class +precisions +bandwidth +memory"), lines.get(0));
        assertTrue(lines.get(2).matches("h100-sxm +NVIDIA H100 SXM5 80GB +gpu +fp64, fp32, fp16, bf16, int8"
                + " +3350 GB/s +80 GB"), lines.get(2));
        assertTrue(lines.get(3).matches("board +Test Board +soc +fp16, int8 +25\\.6 GB/s +host"), lines.get(3));
    }
}
