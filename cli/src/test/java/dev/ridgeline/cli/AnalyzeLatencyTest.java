package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ridgeline analyze --hardware --precision}: counts at the precision's size, and roofline latency. */
class AnalyzeLatencyTest {
    private static final long RESNET50_PARAMS = 25_557_032L;

    static JsonNode json(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--format";
        all[args.length + 1] = "json";
        return AnalyzeCommandTest.analyzeJson(all);
    }

    @Test
    void narrowerPrecisionsAreNeverSlowerOnH100() throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String precision : List.of("fp64", "fp32", "fp16", "int8")) {
            JsonNode root = json("resnet50", "--hardware", "h100-sxm", "--precision", precision);
            assertEquals(precision, root.get("latency").get("precision").asText());
            seconds.put(precision, root.get("latency").get("totalSeconds").asDouble());
        }
        assertTrue(seconds.get("fp64") >= seconds.get("fp32"), seconds.toString());
        assertTrue(seconds.get("fp32") >= seconds.get("fp16"), seconds.toString());
        assertTrue(seconds.get("fp16") >= seconds.get("int8"), seconds.toString());
        assertTrue(seconds.get("fp64") > seconds.get("int8"), "the precision changes something: " + seconds);
    }

    @ParameterizedTest(name = "{0}: {1} bytes per element")
    @CsvSource({"fp64, 8", "fp32, 4", "fp16, 2", "bf16, 2", "int8, 1"})
    void theWholeReportIsCountedAtThePrecisionsElementSize(String precision, int bytes) throws Exception {
        JsonNode root = json("resnet50", "--hardware", "h100-sxm", "--precision", precision);
        assertEquals(bytes, root.get("elementBytes").asInt());
        assertEquals(RESNET50_PARAMS * bytes, root.get("totals").get("weightBytes").asLong());
        JsonNode conv1 = root.get("layers").get(0);
        // conv1 reads its 3x224x224 input and 9,408 weights, writes 64x112x112
        assertEquals((3L * 224 * 224 + 9_408) * bytes, conv1.get("readBytes").asLong());
        assertEquals(64L * 112 * 112 * bytes, conv1.get("writeBytes").asLong());
        assertEquals(conv1.get("readBytes").asLong() + conv1.get("writeBytes").asLong(),
                root.get("latency").get("layers").get(0).get("bytes").asLong(), "the roofline moves those bytes");
    }

    @Test
    void hardwareWithoutPrecisionTimesFp32() throws Exception {
        JsonNode root = json("resnet50", "--hardware", "h100-sxm");
        assertEquals(4, root.get("elementBytes").asInt());
        assertEquals("fp32", root.get("latency").get("precision").asText());
        assertEquals(RESNET50_PARAMS * 4, root.get("totals").get("weightBytes").asLong());
    }

    @Test
    void precisionWithoutHardwareOnlyChangesTheElementSize() throws Exception {
        JsonNode fp32 = json("resnet50");
        JsonNode fp16 = json("resnet50", "--precision", "fp16");
        assertFalse(fp16.has("latency"));
        assertEquals(2, fp16.get("elementBytes").asInt());
        assertEquals(fp32.get("totals").get("weightBytes").asLong() / 2,
                fp16.get("totals").get("weightBytes").asLong(), "fp16 halves the weight bytes");
        assertEquals(fp32.get("totals").get("memoryTrafficBytes").asLong() / 2,
                fp16.get("totals").get("memoryTrafficBytes").asLong());
        assertEquals(fp32.get("totals").get("macs"), fp16.get("totals").get("macs"), "counts stay the same");
    }

    @Test
    void eachLayersTimeIsRecomputedFromTheJson(@TempDir Path dir) throws Exception {
        String device = DeviceFiles.write(dir, "npu.yaml", DeviceFiles.INT8_ONLY);
        JsonNode root = json("mobilenet_v2", "--hardware", device, "--precision", "int8", "--batch", "4");
        JsonNode latency = root.get("latency");
        assertEquals("tiny-npu", latency.get("hardware").asText());
        assertEquals("a test's own figures", latency.get("hardwareSource").asText());
        double computeRate = latency.get("computeEfficiency").asDouble() * latency.get("peakOpsPerSecond").asDouble();
        double memoryRate = latency.get("memoryEfficiency").asDouble()
                * latency.get("bandwidthBytesPerSecond").asDouble();
        double total = 0;
        for (JsonNode t : latency.get("layers")) {
            long ops = t.get("ops").asLong();
            long bytes = t.get("bytes").asLong();
            double expected = ops == 0 && bytes == 0 ? 0
                    : Math.max(ops / computeRate, bytes / memoryRate) + latency.get("layerOverheadSeconds").asDouble();
            assertEquals(expected, t.get("seconds").asDouble(), 1e-12 * expected, t.get("name").asText());
            total += t.get("seconds").asDouble();
        }
        assertEquals(total, latency.get("totalSeconds").asDouble(), 1e-12 * total);
        assertEquals(4 / total, latency.get("throughputPerSecond").asDouble(), 1e-9 * 4 / total);
    }

    @Test
    void onChipReuseAndTheEngineReachTheModel() throws Exception {
        JsonNode plain = json("resnet50", "--hardware", "h100-sxm", "--precision", "fp16").get("latency");
        JsonNode reuse = json("resnet50", "--hardware", "h100-sxm", "--precision", "fp16", "--on-chip-reuse")
                .get("latency");
        assertTrue(reuse.get("onChipReuse").asBoolean());
        assertTrue(reuse.get("totalBytes").asLong() < plain.get("totalBytes").asLong(), "reads served on chip");
        JsonNode vector = json("resnet50", "--hardware", "h100-sxm", "--precision", "fp16", "--engine", "vector")
                .get("latency");
        assertEquals("vector", vector.get("engine").asText());
        assertEquals(133.8e12, vector.get("peakOpsPerSecond").asDouble());
        assertTrue(vector.get("totalSeconds").asDouble() > plain.get("totalSeconds").asDouble());
    }

    @Test
    void theTableEndsWithTheLatencyBlock() {
        Run run = Run.of("analyze", "mobilenet_v2", "--hardware", "h100-sxm", "--precision", "fp16");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("mobilenet_v2  |  input 3x224x224  |  batch 1  |  convention macs (MACs)  |  2 bytes"
                + " per element\n"), out);
        assertTrue(out.matches("(?s).*\\nname +op +output shape +params +MACs +FLOPs +time +% time +bound\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nstem\\.conv .* us +\\d+\\.\\d% +memory\\n.*"), out);
        for (String row : List.of("device", "precision and engine", "total latency", "throughput",
                "memory-bound layers", "utilization", "memory required", "ridge point")) {
            assertTrue(out.contains("\n" + row + "  "), row + ":\n" + out);
        }
        assertTrue(out.contains("NVIDIA H100 SXM5 80GB (h100-sxm)"), out);
        assertTrue(out.contains("fp16 on the matrix engine: 989 TFLOPS peak"), out);
        assertTrue(out.contains("of 80 GB: fits"), out);
        out.lines().forEach(line -> assertTrue(line.length() <= 120, line.length() + ": " + line));
    }

    @Test
    void csvAddsSecondsAndBound() {
        Run run = Run.of("analyze", "resnet18", "--hardware", "h100-sxm", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).endsWith(",share,convention,precision,batch,seconds,bound"), lines.get(0));
        assertTrue(lines.get(1).matches("conv1,.*,macs,fp32,1,0\\.0*[1-9][0-9]{5},(compute|memory)"), lines.get(1));
        String total = lines.get(lines.size() - 1);
        assertTrue(total.matches("TOTAL,.*,1\\.000000,macs,fp32,1,0\\.0*[1-9][0-9]{5},"), total);
        assertFalse(run.out().contains("E-"), "no E-notation");
    }

    @Test
    void aFigureNoDatasheetStatesGivesOneWarningLine() {
        Run coral = Run.of("analyze", "mobilenet_v2", "--hardware", "coral-edge-tpu", "--precision", "int8");
        assertEquals(0, coral.exitCode(), coral.err());
        assertEquals("ridgeline: warning: the latency on coral-edge-tpu uses figures no datasheet states: bandwidth"
                + " (unverified) (see 'ridgeline hardware show coral-edge-tpu')\n", coral.err());
        Run orin = Run.of("analyze", "mobilenet_v2", "--hardware", "jetson-orin-nano-8gb", "--precision", "fp16",
                "--format", "json");
        assertEquals(1, orin.err().lines().count(), orin.err());
        assertTrue(orin.err().contains(": fp16 peak (derived) (see"), orin.err());
        Run h100 = Run.of("analyze", "mobilenet_v2", "--hardware", "h100-sxm", "--precision", "fp16");
        assertEquals("", h100.err(), "datasheet figures only: no warning");
    }

    @Test
    void anUnknownPrecisionListsTheKnownOnes() {
        for (String[] args : List.of(new String[] {"analyze", "resnet50", "--precision", "fp8"},
                new String[] {"analyze", "resnet50", "--hardware", "h100-sxm", "--precision", "fp12"})) {
            Run run = Run.of(args).assertCleanBadInput();
            assertTrue(run.err().contains("unknown precision '" + args[args.length - 1] + "'"), run.err());
            assertTrue(run.err().contains("fp64, fp32, fp16, bf16, int8"), run.err());
        }
    }

    @Test
    void aPrecisionTheDeviceLacksGivesTheDevicesMessage(@TempDir Path dir) {
        String device = DeviceFiles.write(dir, "npu.yaml", DeviceFiles.INT8_ONLY);
        Run run = Run.of("analyze", "resnet50", "--hardware", device, "--precision", "fp16").assertCleanBadInput();
        assertTrue(run.err().contains("device 'tiny-npu' (Tiny NPU) does not support fp16; it supports int8"),
                run.err());
        Run byDefault = Run.of("analyze", "resnet50", "--hardware", device).assertCleanBadInput();
        assertTrue(byDefault.err().contains("does not support fp32; it supports int8"), byDefault.err());
        assertTrue(byDefault.err().contains("--precision"), "says how to choose: " + byDefault.err());
    }

    @Test
    void anEngineWithoutAPeakOrAnUnknownEngineIsBadInput(@TempDir Path dir) {
        String device = DeviceFiles.write(dir, "npu.yaml", DeviceFiles.INT8_ONLY);
        Run run = Run.of("analyze", "resnet50", "--hardware", device, "--precision", "int8", "--engine", "vector")
                .assertCleanBadInput();
        assertTrue(run.err().contains("gives no vector peak for int8"), run.err());
        Run unknown = Run.of("analyze", "resnet50", "--hardware", "h100-sxm", "--engine", "tensor")
                .assertCleanBadInput();
        assertTrue(unknown.err().contains("unknown engine 'tensor'; engines: matrix, vector"), unknown.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--engine=matrix", "--on-chip-reuse"})
    void roofLineOptionsNeedHardware(String option) {
        Run run = Run.of("analyze", "resnet50", option).assertCleanBadInput();
        assertTrue(run.err().contains("needs --hardware"), run.err());
    }

    @Test
    void anUnknownPresetSuggestsTheNearest() {
        Run run = Run.of("analyze", "resnet50", "--hardware", "h100").assertCleanBadInput();
        assertTrue(run.err().contains("unknown hardware 'h100'"), run.err());
        assertTrue(run.err().contains("h100-sxm"), run.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing-bandwidth.yaml | MISSING_BANDWIDTH | :5:3: | bandwidthBytesPerSecond",
        "negative-peak.yaml     | NEGATIVE_PEAK     | :7:   | matrixOpsPerSecond",
        "fp12.yaml              | UNKNOWN_PRECISION | :8:3: | unknown precision 'fp12'",
    })
    void aBadDeviceFileNamesFileLineAndField(String name, String which, String line, String field,
                                             @TempDir Path dir) throws Exception {
        String yaml = (String) DeviceFiles.class.getDeclaredField(which).get(null);
        String file = DeviceFiles.write(dir, name, yaml);
        for (String[] args : List.of(new String[] {"analyze", "resnet50", "--hardware", file},
                new String[] {"hardware", "show", file})) {
            Run run = Run.of(args).assertCleanBadInput();
            assertTrue(run.err().contains(file + line), "file and line: " + run.err());
            assertTrue(run.err().contains(field), "the field: " + run.err());
        }
    }

    @Test
    void fusionNoneTimesEveryLayerAndEngineFusesIntoProducers() throws Exception {
        JsonNode none = xeon("--fusion", "none").get("latency");
        JsonNode engine = xeon().get("latency");
        assertEquals("none", none.get("fusion").asText());
        assertEquals("engine", engine.get("fusion").asText(), "the preset's default");
        assertEquals(none.get("totalOps").asLong(), engine.get("totalOps").asLong());
        assertTrue(engine.get("totalSeconds").asDouble() < none.get("totalSeconds").asDouble());
        JsonNode bn1 = engine.get("layers").get(1);
        assertEquals("bn1", bn1.get("name").asText());
        assertEquals("fused", bn1.get("bound").asText());
        assertEquals("conv1", bn1.get("fusedInto").asText());
    }

    /** resnet18 on xeon-8480, whose preset derives its fp32 peak and bandwidth: the one warning says so. */
    private static JsonNode xeon(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "resnet18", "--hardware", "xeon-8480",
                "--format", "json"));
        args.addAll(List.of(extra));
        Run run = Run.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("ridgeline: warning: the latency on xeon-8480 uses figures no datasheet states: fp32 peak "
                + "(derived), bandwidth (derived) (see 'ridgeline hardware show xeon-8480')\n", run.err());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    }
}
