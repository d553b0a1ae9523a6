package dev.ridgeline.hardware.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled device presets against reference/hardware.md. */
class PresetsTest {
    private static final List<String> EXPECTED_IDS = List.of("a100-sxm-80gb", "apple-m1-gpu", "coral-edge-tpu",
            "h100-pcie", "h100-sxm", "hi3519av100", "jetson-agx-orin-64gb", "jetson-nano", "jetson-orin-nano-8gb",
            "jetson-orin-nano-8gb-super", "raspberry-pi-5", "rtx-4090", "t4", "v100-sxm2", "xeon-8480",
            "xeon-8490h");

    static List<String> ids() {
        return EXPECTED_IDS;
    }

    @Test
    void thePresetsAreExactlyTheSixteenDevicesOfTheReferenceTable() {
        assertEquals(EXPECTED_IDS, Devices.presetIds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void everyPresetLoadsUnderItsIdAndNamesItsSource(String id) {
        DeviceProfile device = Devices.preset(id);
        assertEquals(id, device.id(), "the id inside the file equals its file name");
        assertFalse(device.source().isBlank(), id + " has no source");
        assertFalse(device.peaks().isEmpty(), id + " supports no precision");
        assertPositiveFinite(device.bandwidthBytesPerSecond(), id + " bandwidth");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void everyPeakIsAboveZeroAndFinite(String id) {
        for (Map.Entry<Precision, PrecisionPeak> e : Devices.preset(id).peaks().entrySet()) {
            String what = id + " " + e.getKey().id();
            PrecisionPeak peak = e.getValue();
            assertPositiveFinite(peak.opsPerSecond(), what);
            peak.matrix().ifPresent(m -> assertPositiveFinite(m, what + " matrix"));
            peak.vector().ifPresent(v -> assertPositiveFinite(v, what + " vector"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void everyDerivedOrUnverifiedFigureSaysWhereItComesFrom(String id) {
        Devices.preset(id).peaks().forEach((precision, peak) -> {
            if (peak.status() != FigureStatus.DATASHEET) {
                assertFalse(peak.note().isBlank(), id + " " + precision.id() + " is " + peak.status()
                        + " but its note gives no formula or source");
            }
        });
    }

    /** The headline figures of hardware.md; engine "matrix" or "vector" says which peak is checked. */
    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource({
        "h100-sxm,             fp16, matrix, 989e12",
        "h100-pcie,            fp16, matrix, 756e12",
        "h100-pcie,            fp16, vector, 96e12",
        "h100-pcie,            int8, matrix, 1513e12",
        "h100-pcie,            fp32, vector, 51e12",
        "a100-sxm-80gb,        fp16, matrix, 312e12",
        "a100-sxm-80gb,        fp16, vector, 78e12",
        "a100-sxm-80gb,        int8, matrix, 624e12",
        "a100-sxm-80gb,        fp64, matrix, 19.5e12",
        "v100-sxm2,            fp16, matrix, 125e12",
        "v100-sxm2,            fp32, vector, 15.7e12",
        "v100-sxm2,            int8, vector, 62e12",
        "t4,                   int8, matrix, 130e12",
        "t4,                   fp16, matrix, 65e12",
        "t4,                   fp32, vector, 8.1e12",
        "rtx-4090,             fp16, matrix, 165e12",
        "rtx-4090,             fp32, vector, 82.6e12",
        "rtx-4090,             int8, matrix, 661e12",
        "jetson-agx-orin-64gb, fp32, vector, 5.3e12",
        "jetson-agx-orin-64gb, fp16, matrix, 42.5e12",
        "jetson-agx-orin-64gb, int8, matrix, 85e12",
        "jetson-orin-nano-8gb, fp32, vector, 1.28e12",
        "jetson-orin-nano-8gb, fp16, matrix, 10e12",
        "jetson-orin-nano-8gb, int8, matrix, 20e12",
        "jetson-nano,          fp32, vector, 0.236e12",
        "jetson-nano,          fp16, vector, 0.472e12",
        "apple-m1-gpu,         fp32, vector, 2.6e12",
        "apple-m1-gpu,         fp16, vector, 2.6e12",
        "raspberry-pi-5,       fp32, vector, 0.154e12",
        "raspberry-pi-5,       fp64, vector, 0.077e12",
        "raspberry-pi-5,       fp16, vector, 0.307e12",
        "raspberry-pi-5,       int8, vector, 0.614e12",
        "jetson-orin-nano-8gb-super, int8, matrix, 33.5e12",
        "coral-edge-tpu,       int8, matrix, 4e12",
        "xeon-8480,            fp64, vector, 5.4e12",
        "xeon-8480,            fp32, vector, 10.8e12",
        "xeon-8480,            bf16, matrix, 115e12",
        "xeon-8480,            int8, matrix, 229e12",
        "xeon-8490h,           fp32, vector, 11.1e12",
        "xeon-8490h,           bf16, matrix, 117e12",
        "xeon-8490h,           int8, matrix, 233e12",
        "hi3519av100,          int8, matrix, 1.7e12",
    })
    void headlinePeaksMatchTheReferenceTable(String id, String precision, String engine, double expected) {
        PrecisionPeak peak = Devices.preset(id).require(Precision.byId(precision).orElseThrow());
        OptionalDouble figure = "matrix".equals(engine) ? peak.matrix() : peak.vector();
        assertTrue(figure.isPresent(), id + " " + precision + " has no " + engine + " peak");
        assertClose(expected, figure.getAsDouble(), id + " " + precision + " " + engine);
    }

    @ParameterizedTest(name = "{0}: {1} B/s")
    @CsvSource({
        "h100-sxm,             3350e9",
        "h100-pcie,            2000e9",
        "a100-sxm-80gb,        2039e9",
        "v100-sxm2,            900e9",
        "t4,                   320e9",
        "rtx-4090,             1008e9",
        "jetson-agx-orin-64gb, 204.8e9",
        "jetson-orin-nano-8gb, 68e9",
        "jetson-nano,          25.6e9",
        "apple-m1-gpu,         68.25e9",
        "raspberry-pi-5,       17.1e9",
        "jetson-orin-nano-8gb-super, 102e9",
        "xeon-8480,            307.2e9",
        "xeon-8490h,           307.2e9",
    })
    void bandwidthsMatchTheReferenceTable(String id, double expected) {
        assertClose(expected, Devices.preset(id).bandwidthBytesPerSecond(), id + " bandwidth");
    }

    @Test
    void tensorCoreGpusUseTheMatrixPeakByDefault() {
        PrecisionPeak a100 = Devices.preset("a100-sxm-80gb").require(Precision.FP16);
        assertEquals(Engine.MATRIX, a100.engine());
        assertEquals(312e12, a100.opsPerSecond());
        assertEquals(Engine.MATRIX, Devices.preset("jetson-orin-nano-8gb").require(Precision.FP16).engine());
        assertEquals(Engine.VECTOR, Devices.preset("v100-sxm2").require(Precision.INT8).engine(),
                "Volta has no INT8 tensor cores");
        assertEquals(Engine.VECTOR, Devices.preset("jetson-nano").require(Precision.FP16).engine());
    }

    @Test
    void derivedFiguresAreMarkedDerived() {
        DeviceProfile orinNano = Devices.preset("jetson-orin-nano-8gb");
        assertEquals(FigureStatus.DERIVED, orinNano.require(Precision.FP16).status());
        assertEquals(FigureStatus.DERIVED, orinNano.require(Precision.FP32).status());
        assertEquals(FigureStatus.DATASHEET, orinNano.bandwidthStatus());
        assertEquals(FigureStatus.DATASHEET, Devices.preset("jetson-nano").require(Precision.FP32).status());
        assertEquals(FigureStatus.DERIVED, Devices.preset("v100-sxm2").require(Precision.FP64).status());
        DeviceProfile xeon = Devices.preset("xeon-8480");
        assertEquals(DeviceClass.CPU, xeon.deviceClass());
        assertEquals(FigureStatus.DERIVED, xeon.require(Precision.INT8).status());
        assertEquals(FigureStatus.DERIVED, xeon.bandwidthStatus());
    }

    @Test
    void unverifiedFiguresAreMarkedUnverified() {
        DeviceProfile coral = Devices.preset("coral-edge-tpu");
        assertEquals(FigureStatus.UNVERIFIED, coral.bandwidthStatus(), "the USB host link is an estimate");
        assertEquals(FigureStatus.DATASHEET, coral.require(Precision.INT8).status());
        DeviceProfile hisilicon = Devices.preset("hi3519av100");
        assertEquals(FigureStatus.UNVERIFIED, hisilicon.bandwidthStatus());
        assertEquals(FigureStatus.UNVERIFIED, hisilicon.require(Precision.INT8).status());
    }

    @Test
    void estimatedFiguresNameThePeakAndBandwidthThatNoDatasheetStates() {
        assertEquals(List.of("bandwidth (unverified)"),
                Devices.preset("coral-edge-tpu").estimatedFigures(Precision.INT8));
        assertEquals(List.of("int8 peak (unverified)", "bandwidth (unverified)"),
                Devices.preset("hi3519av100").estimatedFigures(Precision.INT8));
        assertEquals(List.of("fp16 peak (derived)"),
                Devices.preset("jetson-orin-nano-8gb").estimatedFigures(Precision.FP16));
        assertEquals(List.of("fp64 peak (derived)"), Devices.preset("v100-sxm2").estimatedFigures(Precision.FP64));
        assertEquals(List.of(), Devices.preset("v100-sxm2").estimatedFigures(Precision.FP32));
        assertEquals(List.of(), Devices.preset("h100-sxm").estimatedFigures(Precision.FP16));
    }

    @Test
    void coralIsAnInt8OnlyNpuWithHostMemoryAndEightMegabytesOnChip() {
        DeviceProfile coral = Devices.preset("coral-edge-tpu");
        assertEquals(DeviceClass.NPU, coral.deviceClass());
        assertEquals("int8", coral.supported());
        assertEquals(0.0, coral.memoryCapacityBytes(), "no device DRAM: no fit check");
        assertEquals(8.0e6, coral.onChipBufferBytes());
        assertEquals("edgetpu", coral.runtimeId());
        assertEquals(8.0e6, coral.runtime().weightCacheBytes(), "weights that fit the 8 MB SRAM stay on chip");
        assertEquals(0.5e9, coral.runtime().weightStreamBytesPerSecond(), "the rest stream over USB 3");
        BadInputException e = assertThrows(BadInputException.class, () -> coral.require(Precision.FP32));
        assertTrue(e.getMessage().contains("does not support fp32"), e.getMessage());
        assertTrue(e.getMessage().contains("it supports int8"), e.getMessage());
    }

    @Test
    void unsupportedPrecisionsAreAbsentNeverZero() {
        assertFalse(Devices.preset("apple-m1-gpu").peak(Precision.INT8).isPresent(), "M1 GPU INT8 is unverified");
        assertFalse(Devices.preset("apple-m1-gpu").peak(Precision.FP64).isPresent());
        assertFalse(Devices.preset("jetson-nano").peak(Precision.INT8).isPresent());
        assertFalse(Devices.preset("t4").peak(Precision.BF16).isPresent(), "Turing has no BF16");
        assertFalse(Devices.preset("xeon-8480").peak(Precision.FP16).isPresent());
        assertEquals("fp64, fp32, fp16, int8", Devices.preset("raspberry-pi-5").supported());
        assertEquals("fp32, fp16, int8", Devices.preset("jetson-orin-nano-8gb").supported());
        assertEquals("fp64, fp32, fp16", Devices.preset("jetson-nano").supported());
    }

    @Test
    void deviceMemoryIsGivenWhereTheDeviceHasItsOwn() {
        assertEquals(80e9, Devices.preset("a100-sxm-80gb").memoryCapacityBytes());
        assertEquals(8e9, Devices.preset("jetson-orin-nano-8gb").memoryCapacityBytes());
        assertEquals(4e9, Devices.preset("jetson-nano").memoryCapacityBytes());
        assertEquals(0.0, Devices.preset("xeon-8480").memoryCapacityBytes(), "host RAM");
    }

    private static void assertPositiveFinite(double value, String what) {
        assertTrue(value > 0 && Double.isFinite(value), what + " is " + value);
    }

    /** Within 1%: the table rounds (e.g. "~229" for 229.4, "17.1" for 17.07). */
    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 0.01 * expected, what + ": expected ~" + expected + ", got " + actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void everyPresetNamesItsDefaultRuntimeAndWhereEachRuntimesConstantsComeFrom(String id) {
        DeviceProfile device = Devices.preset(id);
        assertFalse(device.runtimes().isEmpty(), id + " names no runtime");
        assertEquals(device.runtimes().get(0).id(), device.runtimeId(), "the default runtime comes first");
        for (RuntimeProfile r : device.runtimes()) {
            assertTrue(r.source().length() > 30, id + ":" + r.id() + " does not say where its constants come from");
            DeviceProfile under = Devices.resolve(id + ":" + r.id());
            assertEquals(r, under.runtime());
            assertEquals(r.computeEfficiency(), under.computeEfficiency());
            assertEquals(r.kernelOverheadSeconds(), under.layerOverheadSeconds());
        }
    }

    @Test
    void aJetsonRunsTensorRtByDefaultAndNcnnThroughVulkanWhenNamed() {
        DeviceProfile trt = Devices.resolve("jetson-agx-orin-64gb");
        DeviceProfile vulkan = Devices.resolve("jetson-agx-orin-64gb:ncnn-vulkan");
        assertEquals("tensorrt", trt.runtimeId());
        assertEquals("ncnn-vulkan", vulkan.runtimeId());
        assertTrue(vulkan.computeEfficiency() < trt.computeEfficiency());
        assertEquals(trt.peaks(), vulkan.peaks(), "one chip: the peaks stay");
        assertEquals("ncnn-vulkan", Devices.resolve("configs/hardware/jetson-nano.yaml:ncnn-vulkan").runtimeId(),
                "a device file takes a runtime the same way");
        BadInputException e = assertThrows(BadInputException.class, () -> Devices.resolve("t4:openvino"));
        assertTrue(e.getMessage().contains("has no runtime 'openvino'; it has tensorrt"), e.getMessage());
    }

    @Test
    void theOrinNanoPresetsNameTheirPowerMode() {
        assertTrue(Devices.preset("jetson-orin-nano-8gb").name().contains("original"));
        assertTrue(Devices.preset("jetson-orin-nano-8gb-super").name().contains("Super"));
        assertTrue(Devices.preset("jetson-orin-nano-8gb-super").require(Precision.INT8).opsPerSecond()
                > Devices.preset("jetson-orin-nano-8gb").require(Precision.INT8).opsPerSecond());
    }
}
