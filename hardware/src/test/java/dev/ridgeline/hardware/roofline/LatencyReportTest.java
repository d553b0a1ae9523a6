package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.hardware.device.DeviceClass;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.FigureStatus;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A latency report's totals and derived figures, from layer timings chosen by hand. */
class LatencyReportTest {
    private static DeviceProfile device(double memoryCapacityBytes) {
        PrecisionPeak peak = new PrecisionPeak(Double.NaN, 1e12, Engine.VECTOR, FigureStatus.DERIVED, "test");
        return new DeviceProfile("test", "test device", DeviceClass.GPU, Map.of(Precision.FP16, peak), 1e11,
                FigureStatus.DERIVED, memoryCapacityBytes, 0, 0.5, 0.8, 0, "test");
    }

    private static LatencyReport report(DeviceProfile device, long requiredBytes) {
        return report(device, requiredBytes, 0);
    }

    private static LatencyReport report(DeviceProfile device, long requiredBytes, double inferenceOverheadSeconds) {
        List<LayerTiming> layers = List.of(
                new LayerTiming("a", 3_000, 100, 0.003, 0.001, 0.003, Bound.COMPUTE),
                LayerTiming.fused("b", "a"),
                new LayerTiming("c", 500, 4_000, 0.0005, 0.0045, 0.0045, Bound.MEMORY),
                new LayerTiming("d", 0, 1_000, 0, 0.0025, 0.0025, Bound.MEMORY));
        return new LatencyReport(device, Precision.FP16, Engine.VECTOR, 4, 1e12, false, Fusion.ENGINE, layers,
                requiredBytes, inferenceOverheadSeconds);
    }

    @Test
    void totalsSumTheLayersAndRatesFollowFromThem() {
        LatencyReport r = report(device(0), 10);
        assertEquals(0.01, r.totalSeconds(), 1e-15);
        assertEquals(3_500, r.totalOps());
        assertEquals(5_100, r.totalBytes());
        assertEquals(4 / 0.01, r.throughputPerSecond(), 1e-9, "samples per second at batch 4");
        assertEquals(0.007 / 0.01, r.memoryBoundShare(), 1e-12);
        assertEquals(3_500 / 0.01 / 1e12, r.utilization(), 1e-18);
        LatencyReport withRuntime = report(device(0), 10, 0.002);
        assertEquals(0.012, withRuntime.totalSeconds(), 1e-15, "the runtime's time per inference counts once");
        assertEquals(4 / 0.012, withRuntime.throughputPerSecond(), 1e-9);
    }

    @Test
    void itFitsInMemoryUpToTheCapacityAndAlwaysWhenTheCapacityIsUnknown() {
        assertTrue(report(device(0), Long.MAX_VALUE).fitsInMemory(), "capacity 0: unknown");
        assertTrue(report(device(1_000), 999).fitsInMemory());
        assertTrue(report(device(1_000), 1_000).fitsInMemory(), "exactly the capacity fits");
        assertFalse(report(device(1_000), 1_001).fitsInMemory());
    }

    @Test
    void arithmeticIntensityIsOpsPerByteAndInfiniteWithoutBytes() {
        assertEquals(30.0, new LayerTiming("a", 3_000, 100, 0, 0, 0, Bound.COMPUTE).arithmeticIntensity());
        assertEquals(0.125, new LayerTiming("a", 500, 4_000, 0, 0, 0, Bound.MEMORY).arithmeticIntensity());
        assertEquals(Double.POSITIVE_INFINITY,
                new LayerTiming("a", 10, 0, 0, 0, 0, Bound.COMPUTE).arithmeticIntensity());
        assertEquals(0.0, new LayerTiming("a", 0, 0, 0, 0, 0, Bound.MEMORY).arithmeticIntensity());
    }
}
