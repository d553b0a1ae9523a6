package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.graph.LayerPrecision;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference MobileNetV2 quantized in the QDQ form ONNX Runtime's quantizer writes, made by
 * reference/models/make_qdq_mobilenet_v2.py with Debian's python3-onnx: it reads with the float model's MACs and
 * params, every computing layer at INT8, and its latency (at the default FP32 report) is the float model's at
 * INT8, layer by layer.
 */
class QuantizedMobileNetV2Test {
    static final Path FLOAT = Path.of("reference/models/mobilenet_v2.onnx");
    static final Path SCRIPT = Path.of("reference/models/make_qdq_mobilenet_v2.py");

    @TempDir
    static Path dir;
    static Model quantized;
    static Model floating;

    @BeforeAll
    static void generate() throws IOException, InterruptedException {
        boolean available = new ProcessBuilder("/usr/bin/python3", "-c", "import onnx").start().waitFor() == 0;
        if (!available) {
            assertTrue(!"true".equals(System.getenv("CI")), "python3-onnx is missing: .ci/run installs it");
            assumeTrue(false, "Debian's python3-onnx is missing (apt-get install python3-onnx)");
        }
        Path out = dir.resolve("mobilenet_v2_qdq.onnx");
        Process p = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), out.toString(), FLOAT.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        quantized = ModelLoader.load(out.toString());
        floating = ModelLoader.load(FLOAT.toString());
    }

    private static CostReport count(Model m, int elementBytes) {
        return Counter.count(ShapeInference.infer(m, 1), Convention.MACS, elementBytes);
    }

    @Test
    void readsWithTheFloatModelsMacsAndParamsNoQdqLayerAndNoScaleAsWeight() {
        CostReport q = count(quantized, 4);
        CostReport f = count(floating, 4);
        assertEquals(300_774_272L, q.totals().macs());
        assertEquals(f.totals().macs(), q.totals().macs());
        assertEquals(f.totals().params(), q.totals().params());
        assertEquals(f.layers().size(), q.layers().size(), "Q/DQ pairs are no layers");
        // each layer's int8 weights and int32 bias stored for it; scales and zero points are not weights
        assertEquals(3_487_816L, quantized.storedParams().orElseThrow());
    }

    @Test
    void everyComputingLayerIsInt8AndMovesOneBytePerElement() {
        CostReport q = count(quantized, 4);
        for (LayerCost layer : q.layers()) {
            if (!layer.node().op().isView()) {
                assertEquals(Optional.of(LayerPrecision.INT8), layer.precision(), layer.node().describe());
            }
        }
        assertEquals(count(floating, 1).totals().readBytes(), q.totals().readBytes());
        assertEquals(count(floating, 1).weightBytes(), q.weightBytes());
    }

    @Test
    void latencyIsThatOfInt8LayerByLayer() {
        DeviceProfile device = Devices.preset("jetson-orin-nano-8gb");
        LatencyReport q = Roofline.time(count(quantized, 4), device, RooflineOptions.of(Precision.FP32));
        LatencyReport int8 = Roofline.time(count(floating, 1), device, RooflineOptions.of(Precision.INT8));
        LatencyReport fp32 = Roofline.time(count(floating, 4), device, RooflineOptions.of(Precision.FP32));
        assertEquals(int8.totalSeconds(), q.totalSeconds(), 1e-12 * int8.totalSeconds());
        for (int i = 0; i < q.layers().size(); i++) {
            assertEquals(int8.layers().get(i).seconds(), q.layers().get(i).seconds(), 1e-15, q.layers().get(i).name());
        }
        assertTrue(q.totalSeconds() < fp32.totalSeconds(), q.totalSeconds() + " vs fp32 " + fp32.totalSeconds());
        assertTrue(Files.exists(FLOAT));
    }
}
