package dev.ridgeline.report.analysis;

import dev.ridgeline.store.analysis.AnalysisJson;
import dev.ridgeline.store.analysis.Provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.LatencyReport;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LatencyJsonTest {
    private static final Provenance PROVENANCE = Provenance.of("9.9.9", "resnet50", "ab12");

    /** The whole analysis as written and read back: what a program consuming the JSON sees. */
    static JsonNode json(CostReport report, LatencyReport latency) throws Exception {
        StringWriter out = new StringWriter();
        AnalysisJson.write(report, Optional.of(latency), PROVENANCE, out);
        return new ObjectMapper().readTree(out.toString());
    }

    static JsonNode timed(Path dir, String model, Precision precision, boolean edge) throws Exception {
        DeviceProfile device = edge ? TestDevices.write(dir, "edge", TestDevices.EDGE) : Devices.preset("h100-sxm");
        CostReport report = TestDevices.count(Zoo.load(model), 1, precision);
        return json(report, TestDevices.time(report, device, precision, edge));
    }

    @Test
    void latencyFieldsFollowTheContractThenTheAdditions() throws Exception {
        CostReport report = TestDevices.count(TinyModels.tiny(), 1, Precision.FP32);
        JsonNode root = json(report, TestDevices.time(report, Devices.preset("h100-sxm"), Precision.FP32, false));
        assertEquals("latency", AnalysisJsonTest.fieldNames(root).get(AnalysisJsonTest.fieldNames(root).size() - 1));
        JsonNode latency = root.get("latency");
        assertEquals(List.of("hardware", "precision", "peakOpsPerSecond", "bandwidthBytesPerSecond",
                "computeEfficiency", "memoryEfficiency", "layerOverheadSeconds", "totalSeconds",
                "hardwareName", "hardwareSource", "engine", "onChipReuse", "fusion", "ridgeOpsPerByte",
                "throughputPerSecond",
                "memoryBoundShare", "utilization", "totalOps", "totalBytes", "memoryRequiredBytes",
                "memoryCapacityBytes", "fitsInMemory", "runtime", "inferenceOverheadSeconds",
                "weightStreamBytesPerSecond", "layers"), AnalysisJsonTest.fieldNames(latency));
        assertEquals(List.of("name", "ops", "bytes", "computeSeconds", "memorySeconds", "seconds", "bound",
                "arithmeticIntensity", "computeEfficiency", "computeFill", "streamedWeightBytes"),
                AnalysisJsonTest.fieldNames(latency.get("layers").get(0)));
        assertEquals("tensorrt", latency.get("runtime").asText());
        assertEquals(5.06e-5, latency.get("inferenceOverheadSeconds").asDouble());
        assertEquals("h100-sxm", latency.get("hardware").asText());
        assertEquals("NVIDIA H100 SXM5 80GB", latency.get("hardwareName").asText());
        assertEquals("NVIDIA H100 Tensor Core GPU datasheet", latency.get("hardwareSource").asText());
        assertEquals("fp32", latency.get("precision").asText());
        assertEquals("vector", latency.get("engine").asText(), "h100-sxm has no fp32 matrix peak");
        assertEquals(67.0e12, latency.get("peakOpsPerSecond").asDouble());
    }

    @Test
    void withoutLatencyThereIsNoLatencyField() throws Exception {
        JsonNode root = AnalysisJsonTest.json(TinyModels.count(TinyModels.tiny(), 1,
                dev.ridgeline.core.count.Convention.MACS));
        assertFalse(root.has("latency"));
    }

    @Test
    void theTinyModelOnRoundNumbersTakesTheHandWorkedTimes(@TempDir Path dir) throws Exception {
        DeviceProfile round = TestDevices.write(dir, "round", TestDevices.ROUND);
        CostReport report = TestDevices.count(TinyModels.tiny(), 1, Precision.FP32);
        JsonNode latency = json(report, TestDevices.time(report, round, Precision.FP32, false)).get("latency");
        JsonNode layers = latency.get("layers");
        // conv: 2 x 6912 + 256 bias adds = 14,080 ops; (192 + 112) x 4 read + 1024 written = 2,240 bytes
        assertLayer(layers.get(0), "conv", 14_080, 2_240, 14.08e-6, "compute");
        // relu: 256 ops; 1024 read + 1024 written
        assertLayer(layers.get(1), "relu", 256, 2_048, 2.048e-6, "memory");
        // flatten is a view: it computes and moves nothing and takes no time
        assertLayer(layers.get(2), "flatten", 0, 0, 0, "memory");
        // fc: 2 x 2560 + 10 = 5,130 ops; (256 + 2570) x 4 read + 40 written = 11,344 bytes
        assertLayer(layers.get(3), "fc", 5_130, 11_344, 11.344e-6, "memory");
        assertEquals(27.472e-6, latency.get("totalSeconds").asDouble(), 1e-18);
        assertEquals(19_466, latency.get("totalOps").asLong());
        assertEquals(15_632, latency.get("totalBytes").asLong());
        assertEquals(1 / 27.472e-6, latency.get("throughputPerSecond").asDouble(), 1e-6);
        assertEquals(13.392 / 27.472, latency.get("memoryBoundShare").asDouble(), 1e-12);
        assertEquals(19_466 / 27.472e-6 / 1e9, latency.get("utilization").asDouble(), 1e-12);
        assertEquals(1.0, latency.get("ridgeOpsPerByte").asDouble(), 1e-15);
        // 2,682 params x 4 bytes + the peak of 2,048 live activation bytes, against 1000 bytes of memory
        assertEquals(2_682 * 4 + 2_048, latency.get("memoryRequiredBytes").asLong());
        assertEquals(1000, latency.get("memoryCapacityBytes").asLong());
        assertFalse(latency.get("fitsInMemory").asBoolean());
        assertTrue(layers.get(2).get("arithmeticIntensity").isNull(), "a layer that moves nothing has none");
        assertEquals(14_080.0 / 2_240, layers.get(0).get("arithmeticIntensity").asDouble(), 1e-12);
    }

    private static void assertLayer(JsonNode layer, String name, long ops, long bytes, double seconds, String bound) {
        assertEquals(name, layer.get("name").asText());
        assertEquals(ops, layer.get("ops").asLong(), name);
        assertEquals(bytes, layer.get("bytes").asLong(), name);
        assertEquals(seconds, layer.get("seconds").asDouble(), 1e-18, name);
        assertEquals(bound, layer.get("bound").asText(), name);
    }

    @ParameterizedTest(name = "resnet50 on h100-sxm at {0}")
    @EnumSource(Precision.class)
    void eachLayersSecondsIsRecomputedFromTheJsonAlone(Precision precision, @TempDir Path dir) throws Exception {
        assertRecomputable(timed(dir, "resnet50", precision, false));
    }

    @ParameterizedTest(name = "mobilenet_v2 on an edge board at {0}, with on-chip reuse")
    @EnumSource(value = Precision.class, names = {"FP32", "FP16", "INT8"})
    void aDeviceWithOverheadAndOnChipReuseIsRecomputableToo(Precision precision, @TempDir Path dir)
            throws Exception {
        JsonNode root = timed(dir, "mobilenet_v2", precision, true);
        assertTrue(root.get("latency").get("onChipReuse").asBoolean());
        assertEquals(1.5e-5, root.get("latency").get("layerOverheadSeconds").asDouble());
        assertRecomputable(root);
    }

    /** Recomputes every layer's times and the total from the latency object's own figures. */
    static void assertRecomputable(JsonNode root) {
        JsonNode latency = root.get("latency");
        double peak = latency.get("peakOpsPerSecond").asDouble();
        JsonNode streamRate = latency.get("weightStreamBytesPerSecond");
        double memoryRate = latency.get("memoryEfficiency").asDouble()
                * latency.get("bandwidthBytesPerSecond").asDouble();
        double overhead = latency.get("layerOverheadSeconds").asDouble();
        JsonNode layers = latency.get("layers");
        assertEquals(root.get("layers").size(), layers.size(), "one timing per layer");
        double total = 0;
        int running = 0;
        for (int i = 0; i < layers.size(); i++) {
            JsonNode t = layers.get(i);
            String name = t.get("name").asText();
            assertEquals(root.get("layers").get(i).get("name").asText(), name, "in the layers' order");
            long ops = t.get("ops").asLong();
            long bytes = t.get("bytes").asLong();
            double seconds = t.get("seconds").asDouble();
            total += seconds;
            if (ops == 0 && bytes == 0) {
                assertEquals(0.0, seconds, name + " does not run");
                continue;
            }
            running++;
            double compute = ops / (t.get("computeEfficiency").asDouble() * t.get("computeFill").asDouble() * peak);
            long streamed = t.get("streamedWeightBytes").asLong();
            double memory = bytes / memoryRate + (streamed == 0 ? 0 : streamed / streamRate.asDouble());
            assertEquals(compute, t.get("computeSeconds").asDouble(), 1e-12 * compute, name);
            assertEquals(memory, t.get("memorySeconds").asDouble(), 1e-12 * memory, name);
            double expected = Math.max(compute, memory) + overhead;
            assertEquals(expected, seconds, 1e-12 * expected, name);
            assertEquals(compute > memory ? "compute" : "memory", t.get("bound").asText(), name);
        }
        assertTrue(running > 0);
        total += latency.get("inferenceOverheadSeconds").asDouble();
        assertEquals(total, latency.get("totalSeconds").asDouble(), 1e-12 * total);
    }

    @Test
    void secondsAndRatesAreJsonDoublesAndCountsJsonIntegers() throws Exception {
        JsonNode latency = timed(null, "resnet18", Precision.FP16, false).get("latency");
        for (String field : List.of("peakOpsPerSecond", "bandwidthBytesPerSecond", "computeEfficiency",
                "memoryEfficiency", "layerOverheadSeconds", "totalSeconds", "throughputPerSecond", "memoryBoundShare",
                "utilization", "ridgeOpsPerByte")) {
            assertTrue(latency.get(field).isDouble(), field + ": " + latency.get(field));
        }
        for (String field : List.of("totalOps", "totalBytes", "memoryRequiredBytes", "memoryCapacityBytes")) {
            assertTrue(latency.get(field).isIntegralNumber(), field + ": " + latency.get(field));
        }
        assertEquals(80_000_000_000L, latency.get("memoryCapacityBytes").asLong());
        assertTrue(latency.get("fitsInMemory").asBoolean());
        JsonNode conv = latency.get("layers").get(0);
        for (String field : List.of("computeSeconds", "memorySeconds", "seconds", "arithmeticIntensity")) {
            assertTrue(conv.get(field).isDouble(), field + ": " + conv.get(field));
        }
        assertTrue(conv.get("ops").isIntegralNumber() && conv.get("bytes").isIntegralNumber());
    }

    @Test
    void aDeviceOnHostMemoryHasNoCapacityAndNoFitVerdict(@TempDir Path dir) throws Exception {
        JsonNode latency = timed(dir, "resnet18", Precision.FP16, true).get("latency");
        assertTrue(latency.get("memoryCapacityBytes").isNull());
        assertTrue(latency.get("fitsInMemory").isNull());
        assertEquals("made up for tests, page 3", latency.get("hardwareSource").asText());
    }

    @Test
    void theSummaryFiguresFollowFromTheLayers() throws Exception {
        JsonNode root = timed(null, "resnet50", Precision.FP16, false);
        JsonNode latency = root.get("latency");
        double total = latency.get("totalSeconds").asDouble();
        double memoryBound = 0;
        long ops = 0;
        long bytes = 0;
        for (JsonNode t : latency.get("layers")) {
            ops += t.get("ops").asLong();
            bytes += t.get("bytes").asLong();
            if (t.get("bound").asText().equals("memory")) {
                memoryBound += t.get("seconds").asDouble();
            }
        }
        assertEquals(ops, latency.get("totalOps").asLong());
        assertEquals(bytes, latency.get("totalBytes").asLong());
        assertEquals("engine", latency.get("fusion").asText(), "the preset's default");
        assertTrue(bytes < root.get("totals").get("memoryTrafficBytes").asLong(), "fused layers move less");
        for (JsonNode t : latency.get("layers")) {
            if (t.get("bound").asText().equals("fused")) {
                assertEquals(0, t.get("seconds").asDouble());
                assertTrue(t.get("fusedInto").isTextual());
            }
        }
        assertEquals(memoryBound / total, latency.get("memoryBoundShare").asDouble(), 1e-12);
        assertEquals(root.get("batch").asInt() / total, latency.get("throughputPerSecond").asDouble(), 1e-9);
        assertEquals(ops / total / latency.get("peakOpsPerSecond").asDouble(),
                latency.get("utilization").asDouble(), 1e-12);
        assertEquals(root.get("totals").get("weightBytes").asLong()
                        + root.get("totals").get("peakActivationBytes").asLong(),
                latency.get("memoryRequiredBytes").asLong());
        assertEquals(2, root.get("elementBytes").asInt(), "counted at fp16's element size");
    }
}
