package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.DeviceYamlReader;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Occupancy;
import dev.ridgeline.hardware.device.Precision;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** What a runtime adds to the roofline: occupancy, time per inference, weights kept on chip or streamed. */
class RuntimeTimingTest {
    @Test
    void aLayerThatFillsFewerTilesThanTheChipRunsThatMuchSlower() {
        Occupancy o = new Occupancy(64, 64, 100);
        assertEquals(1.0, o.fill(6400, 64), 1e-12, "100 whole tiles: one full wave");
        assertEquals(1.0, o.fill(6400, 640), 1e-12, "1000 whole tiles: ten full waves");
        assertEquals(0.5, o.fill(3200, 64), 1e-12, "50 tiles: half the chip idles");
        assertEquals(6464.0 * 64 / (200 * 64 * 64), o.fill(6464, 64), 1e-12, "101 tiles: a second wave of one tile");
        assertEquals(10.0 / 64, new Occupancy(64, 64, 1).fill(64, 10), 1e-12, "10 channels pad a 64-wide tile");
        assertEquals(1.0, Occupancy.NONE.fill(1, 1));
    }

    @Test
    void theInferenceOverheadIsAddedOnceToTheKernels() {
        DeviceProfile t4 = Devices.resolve("t4");
        LatencyReport r = Roofline.time(Layers.count(Layers.single(Shape.of(1, 64, 56, 56), Layers.conv3x3(64, 64, 1)),
                1, Precision.INT8), t4, RooflineOptions.of(Precision.INT8));
        assertEquals(t4.runtime().inferenceOverheadSeconds(), r.inferenceOverheadSeconds());
        assertEquals(r.layers().get(0).seconds() + r.inferenceOverheadSeconds(), r.totalSeconds(), 1e-18);
    }

    @Test
    void edgeTpuWeightsBeyondTheCacheStreamOverUsbInExecutionOrder() {
        DeviceProfile coral = Devices.preset("coral-edge-tpu");
        var report = Counter.count(ShapeInference.infer(Zoo.load("vgg16"), 1), Convention.MACS, 1);
        LatencyReport r = Roofline.time(report, coral, RooflineOptions.of(Precision.INT8));
        long streamed = r.layers().stream().mapToLong(LayerTiming::streamedWeightBytes).sum();
        assertEquals(report.weightBytes() - 8_000_000L, streamed, 64, "all but the first 8 MB of weights stream");
        assertEquals(0, r.layers().get(0).streamedWeightBytes(), "the first conv's weights stay on chip");
        LayerTiming fc = r.layers().stream().filter(t -> t.streamedWeightBytes() > 100_000_000L).findFirst()
                .orElseThrow();
        assertTrue(fc.memorySeconds() >= fc.streamedWeightBytes() / 0.5e9, "the big linear layer waits on USB");

        var small = Counter.count(ShapeInference.infer(Zoo.load("mobilenet_v2"), 1), Convention.MACS, 1);
        LatencyReport fits = Roofline.time(small, coral, RooflineOptions.of(Precision.INT8));
        assertEquals(0, fits.layers().stream().mapToLong(LayerTiming::streamedWeightBytes).sum(),
                "MobileNetV2's 3.5 MB of INT8 weights fit the cache");
    }

    @Test
    void aRuntimeSectionIsReadWithItsDefaultAndMistakesNameTheField() {
        String base = """
                id: board
                source: test
                memory: {bandwidthBytesPerSecond: 1.0e11}
                precisions: {fp16: {vectorOpsPerSecond: 1.0e12}}
                """;
        DeviceProfile d = DeviceYamlReader.read("board.yaml", new StringReader(base + """
                runtime: fast
                runtimes:
                  slow: {efficiency: {compute: 0.2}, kernelOverheadSeconds: 1.0e-4, source: assumed}
                  fast: {efficiency: {compute: 0.8, memory: 0.7}, inferenceOverheadSeconds: 1.0e-3,
                         tiles: {pixels: 32, channels: 16, concurrent: 4}, source: assumed}
                """));
        assertEquals("fast", d.runtimeId());
        assertEquals(0.8, d.computeEfficiency());
        assertEquals(0.7, d.memoryEfficiency());
        assertEquals(1.0e-3, d.inferenceOverheadSeconds());
        assertEquals(new Occupancy(32, 16, 4), d.occupancy());
        assertEquals("fast", d.runtimes().get(0).id(), "the default first");
        assertEquals(0.2, d.withRuntime("slow").computeEfficiency());
        assertEquals(0.9, d.withRuntime("slow").memoryEfficiency(), "a left-out field takes the device's");

        BadInputException unknown = assertThrows(BadInputException.class, () -> DeviceYamlReader.read("board.yaml",
                new StringReader(base + "runtime: trt\nruntimes:\n  tensorrt: {source: x}\n")));
        assertTrue(unknown.getMessage().contains("board.yaml:5:10: runtime 'trt' is not one of the runtimes this file"
                + " describes (tensorrt)"), unknown.getMessage());
        BadInputException field = assertThrows(BadInputException.class, () -> DeviceYamlReader.read("board.yaml",
                new StringReader(base + "runtimes:\n  tensorrt: {tiles: {pixels: 0, channels: 8, concurrent: 1}}\n")));
        assertTrue(field.getMessage().startsWith("board.yaml:6:"), field.getMessage());
        assertTrue(field.getMessage().contains("pixels"), field.getMessage());
    }

    @Test
    void aPrecisionFactorSlowsTheComputeOfKernelsAtThatPrecisionOnly() {
        String file = """
                id: board
                source: test
                memory: {bandwidthBytesPerSecond: 1.0e14}
                precisions: {fp16: {vectorOpsPerSecond: 1.0e12}, int8: {vectorOpsPerSecond: 2.0e12}}
                runtimes:
                  plain: {efficiency: {compute: 0.8}, source: assumed}
                  slowInt8: {efficiency: {compute: 0.8}, precisionFactor: {int8: 0.5}, source: assumed}
                """;
        DeviceProfile plain = DeviceYamlReader.read("board.yaml", new StringReader(file));
        DeviceProfile slow = plain.withRuntime("slowInt8");
        assertEquals(0.5, slow.precisionFactor(Precision.INT8));
        assertEquals(1.0, slow.precisionFactor(Precision.FP16), "a precision left out takes 1");
        for (Precision p : new Precision[] {Precision.INT8, Precision.FP16}) {
            var report = Layers.count(Layers.single(Shape.of(1, 64, 56, 56), Layers.conv3x3(64, 64, 1)), 1, p);
            LayerTiming a = Roofline.time(report, plain, RooflineOptions.of(p)).layers().get(0);
            LayerTiming b = Roofline.time(report, slow, RooflineOptions.of(p)).layers().get(0);
            assertEquals(Bound.COMPUTE, a.bound(), "bandwidth is ample: compute-bound");
            double factor = p == Precision.INT8 ? 2 : 1;
            assertEquals(factor * a.computeSeconds(), b.computeSeconds(), 1e-15 * b.computeSeconds(), p.id());
            assertEquals(a.computeEfficiency() / factor, b.computeEfficiency(), 1e-15, "the JSON's efficiency");
        }

        BadInputException bad = assertThrows(BadInputException.class, () -> DeviceYamlReader.read("board.yaml",
                new StringReader(file.replace("int8: 0.5", "int8: 1.5"))));
        assertTrue(bad.getMessage().startsWith("board.yaml:7:"), bad.getMessage());
        assertTrue(bad.getMessage().contains("field 'int8' of precisionFactor must be in (0, 1], got 1.5"),
                bad.getMessage());
        bad = assertThrows(BadInputException.class, () -> DeviceYamlReader.read("board.yaml",
                new StringReader(file.replace("int8: 0.5", "int9: 0.5"))));
        assertTrue(bad.getMessage().contains("unknown precision 'int9' in precisionFactor"), bad.getMessage());
    }
}
