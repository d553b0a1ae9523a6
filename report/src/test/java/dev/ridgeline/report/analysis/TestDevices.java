package dev.ridgeline.report.analysis;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.DeviceYamlReader;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Device files written for tests, and models counted and timed on them. */
final class TestDevices {
    /**
     * Round figures for hand-worked times: 1 G ops/s in fp32, 1 GB/s, efficiencies 1, no overhead, 1000 bytes
     * of memory (too little for any model).
     */
    static final String ROUND = """
            id: round
            name: Round Numbers
            class: npu
            source: made up for tests
            memory: {bandwidthBytesPerSecond: 1.0e9, capacityBytes: 1000}
            efficiency: {compute: 1.0, memory: 1.0}
            precisions:
              fp32: {vectorOpsPerSecond: 1.0e9}
            """;

    /** Odd efficiencies, an overhead, host memory and an on-chip buffer, in fp32, fp16 and int8. */
    static final String EDGE = """
            id: edge
            name: Edge Board
            class: soc
            source: made up for tests, page 3
            memory: {bandwidthBytesPerSecond: 51.2e9, onChipBufferBytes: 4.0e6}
            efficiency: {compute: 0.55, memory: 0.65}
            layerOverheadSeconds: 1.5e-5
            precisions:
              fp32: {vectorOpsPerSecond: 0.5e12}
              fp16: {matrixOpsPerSecond: 8.0e12, vectorOpsPerSecond: 1.0e12}
              int8: {matrixOpsPerSecond: 16.0e12, status: unverified, note: from a review}
            """;

    private TestDevices() {
    }

    static DeviceProfile write(Path dir, String name, String yaml) {
        try {
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, yaml);
            return DeviceYamlReader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CostReport count(Model model, int batch, Precision precision) {
        return Counter.count(ShapeInference.infer(model, batch), Convention.MACS, precision.bytes());
    }

    static LatencyReport time(CostReport report, DeviceProfile device, Precision precision, boolean onChipReuse) {
        return Roofline.time(report, device, new RooflineOptions(precision, Optional.empty(), onChipReuse));
    }
}
