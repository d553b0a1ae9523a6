package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import org.junit.jupiter.api.Test;

/** Roofline times worked out by hand from the preset figures. */
class RooflineByHandTest {
    private static final Shape MAP = Shape.of(1, 64, 56, 56);
    private static final long ELEMENTS = 64L * 56 * 56; // 200,704

    /** The h100-sxm preset's TensorRT runtime: efficiencies, time per kernel and per inference, tiles. */
    private static final double CE = 0.736;
    private static final double ME = 0.905;
    private static final double KERNEL = 5.34e-6;
    private static final double INFERENCE = 5.06e-5;
    /** A 56x56 map of 64 channels: 49 tiles of 64 x 64, one wave of the 132 SMs' tiles. */
    private static final double FILL = 3136.0 * 64 / (132 * 64 * 64);

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-12, () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void a3x3ConvIsComputeBoundOnH100AtFp16() {
        DeviceProfile h100 = Devices.preset("h100-sxm");
        LayerTiming t = Layers.timeOne(Layers.single(MAP, Layers.conv3x3(64, 64, 1)), 1, h100, Precision.FP16);
        long ops = 2L * 56 * 56 * 64 * 64 * 9; // 231,211,008
        long bytes = 2 * (ELEMENTS + 64 * 64 * 9 + ELEMENTS); // input, weights, output at 2 bytes: 876,544
        assertEquals(ops, t.ops());
        assertEquals(bytes, t.bytes());
        double compute = ops / (CE * FILL * 989.0e12);
        double memory = bytes / (ME * 3.35e12);
        assertClose(FILL, t.computeFill());
        assertClose(compute, t.computeSeconds());
        assertClose(memory, t.memorySeconds());
        assertClose(compute + KERNEL, t.seconds());
        assertEquals(Bound.COMPUTE, t.bound());
        assertTrue(t.arithmeticIntensity() > h100.ridgeOpsPerByte(Precision.FP16));
    }

    @Test
    void aDepthwise3x3IsMemoryBoundOnH100AtFp16() {
        DeviceProfile h100 = Devices.preset("h100-sxm");
        LayerTiming t = Layers.timeOne(Layers.single(MAP, Layers.conv3x3(64, 64, 64)), 1, h100, Precision.FP16);
        long ops = 2L * 56 * 56 * 64 * 9; // 3,612,672
        long bytes = 2 * (ELEMENTS + 64 * 9 + ELEMENTS); // 803,968
        assertEquals(ops, t.ops());
        assertEquals(bytes, t.bytes());
        assertClose(ops / (CE * FILL * 989.0e12), t.computeSeconds());
        assertClose(bytes / (ME * 3.35e12), t.memorySeconds());
        assertClose(bytes / (ME * 3.35e12) + KERNEL, t.seconds());
        assertEquals(Bound.MEMORY, t.bound());
    }

    @Test
    void onJetsonNanoAtFp32TheConvIsComputeBoundAndTheDepthwiseMemoryBound() {
        DeviceProfile nano = Devices.preset("jetson-nano");
        assertEquals(0.236e12, nano.require(Precision.FP32).opsPerSecond());
        assertEquals(25.6e9, nano.bandwidthBytesPerSecond());
        double computeRate = nano.computeEfficiency() * 0.236e12;
        double memoryRate = nano.memoryEfficiency() * 25.6e9;

        LayerTiming conv = Layers.timeOne(Layers.single(MAP, Layers.conv3x3(64, 64, 1)), 1, nano, Precision.FP32);
        long convBytes = 4 * (ELEMENTS + 64 * 64 * 9 + ELEMENTS); // 1,753,088
        assertEquals(convBytes, conv.bytes());
        assertClose(231_211_008 / computeRate, conv.computeSeconds());
        assertClose(convBytes / memoryRate, conv.memorySeconds());
        assertClose(231_211_008 / computeRate + nano.layerOverheadSeconds(), conv.seconds());
        assertEquals(Bound.COMPUTE, conv.bound());

        LayerTiming dw = Layers.timeOne(Layers.single(MAP, Layers.conv3x3(64, 64, 64)), 1, nano, Precision.FP32);
        long dwBytes = 4 * (ELEMENTS + 64 * 9 + ELEMENTS); // 1,607,936
        assertClose(3_612_672 / computeRate, dw.computeSeconds());
        assertClose(dwBytes / memoryRate + nano.layerOverheadSeconds(), dw.seconds());
        assertEquals(Bound.MEMORY, dw.bound());
    }

    @Test
    void theRidgePointIsWhereTheRoofsMeet() {
        // 0.736 x 989 TFLOPS over 0.905 x 3.35 TB/s
        assertClose(CE * 989.0e12 / (ME * 3.35e12), Devices.preset("h100-sxm").ridgeOpsPerByte(Precision.FP16));
        assertClose(CE * 1979.0e12 / (ME * 3.35e12), Devices.preset("h100-sxm").ridgeOpsPerByte(Precision.INT8));
        assertClose(CE * 67.0e12 / (ME * 3.35e12), Devices.preset("h100-sxm").ridgeOpsPerByte(Precision.FP64));
        DeviceProfile nano = Devices.preset("jetson-nano");
        assertClose(nano.computeEfficiency() * 0.236e12 / (nano.memoryEfficiency() * 25.6e9),
                nano.ridgeOpsPerByte(Precision.FP32));
    }

    @Test
    void aLayerExactlyAtTheRidgeTakesTheSameTimeOnBothRoofs() {
        // intensity = peak / bandwidth x (0.7 / 0.9): both roofs give the same time
        DeviceProfile device = Layers.device(7.0e12, 9.0e11);
        LayerTiming t = Layers.timeOne(Layers.single(MAP, Layers.conv3x3(64, 64, 1)), 1, device, Precision.FP32);
        double ridge = device.ridgeOpsPerByte(Precision.FP32);
        assertClose(t.ops() / ridge / (0.9 * 9.0e11), t.computeSeconds());
    }

    @Test
    void theModelTakesTheSumOfItsLayersAndViewsTakeNothing() {
        var model = dev.ridgeline.core.graph.Model.builder("two").input("input", MAP)
                .add(new dev.ridgeline.core.graph.Node("dw", Layers.conv3x3(64, 64, 64), java.util.List.of("input")))
                .add(new dev.ridgeline.core.graph.Node("flat", new dev.ridgeline.core.op.Flatten(1),
                        java.util.List.of("dw")))
                .build();
        DeviceProfile h100 = Devices.preset("h100-sxm");
        LatencyReport r = Roofline.time(Layers.count(model, 1, Precision.FP16), h100, RooflineOptions.of(Precision.FP16));
        assertEquals(0.0, r.layers().get(1).seconds(), "a view launches nothing");
        assertClose(r.layers().get(0).seconds() + INFERENCE, r.totalSeconds());
        assertClose(r.totalOps() / r.totalSeconds() / 989.0e12, r.utilization());
        assertClose(r.layers().get(0).seconds() / r.totalSeconds(), r.memoryBoundShare());
    }

    @Test
    void anUnsupportedPrecisionIsAnErrorNotAZero() {
        DeviceProfile onlyFp32 = new DeviceProfile("cpu", "a cpu", dev.ridgeline.hardware.device.DeviceClass.CPU,
                java.util.Map.of(Precision.FP32, new dev.ridgeline.hardware.device.PrecisionPeak(Double.NaN, 1e12,
                        dev.ridgeline.hardware.device.Engine.VECTOR, dev.ridgeline.hardware.device.FigureStatus.DERIVED,
                        "")), 1e11, dev.ridgeline.hardware.device.FigureStatus.DERIVED, 0, 0, 0.7, 0.9, 0, "test");
        BadInputException e = assertThrows(BadInputException.class, () -> Roofline.time(
                Layers.count(Layers.single(MAP, Layers.conv3x3(64, 64, 1)), 1, Precision.INT8), onlyFp32,
                RooflineOptions.of(Precision.INT8)));
        assertTrue(e.getMessage().contains("does not support int8; it supports fp32"), e.getMessage());
    }

    @Test
    void onChipReuseServesTheNextLayersReadWhenTheTensorFits() {
        var model = dev.ridgeline.core.graph.Model.builder("two").input("input", MAP)
                .add(new dev.ridgeline.core.graph.Node("a", Layers.conv3x3(64, 64, 1), java.util.List.of("input")))
                .add(new dev.ridgeline.core.graph.Node("b", Layers.conv3x3(64, 64, 1), java.util.List.of("a")))
                .build();
        DeviceProfile h100 = Devices.preset("h100-sxm"); // 50 MB of L2 holds the 401,408-byte map
        var counted = Layers.count(model, 1, Precision.FP16);
        LatencyReport plain = Roofline.time(counted, h100, RooflineOptions.of(Precision.FP16));
        LatencyReport reuse = Roofline.time(counted, h100,
                new RooflineOptions(Precision.FP16, java.util.Optional.empty(), true));
        assertEquals(plain.layers().get(0).bytes(), reuse.layers().get(0).bytes(), "the model input comes from memory");
        assertEquals(plain.layers().get(1).bytes() - 2 * ELEMENTS, reuse.layers().get(1).bytes());
    }
}
