package dev.ridgeline.measure.validate;

import dev.ridgeline.hardware.device.DeviceClass;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.FigureStatus;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import java.util.Map;

/**
 * The uncalibrated baseline {@code validate} compares with: a generic x86 server core as a datasheet would give
 * it, 32 FP32 FLOP per cycle (two 256-bit FMA units) at 2.5 GHz per thread used, one DDR4-3200 channel
 * (25.6 GB/s), the default efficiencies (0.7 compute, 0.9 memory), 1 us per kernel and engine fusion.
 */
public final class GenericCpu {
    public static final double FLOPS_PER_CORE = 32 * 2.5e9;
    public static final double BANDWIDTH_BYTES_PER_SECOND = 25.6e9;

    private GenericCpu() {
    }

    public static DeviceProfile profile(int threads) {
        PrecisionPeak fp32 = new PrecisionPeak(Double.NaN, FLOPS_PER_CORE * threads, Engine.VECTOR,
                FigureStatus.DERIVED, "32 FLOP/cycle x 2.5 GHz x " + threads + " thread(s)");
        return new DeviceProfile("generic-cpu", "generic x86 CPU, " + threads + " thread(s) (uncalibrated)",
                DeviceClass.CPU, Map.of(Precision.FP32, fp32), BANDWIDTH_BYTES_PER_SECOND, FigureStatus.DERIVED, 0, 0,
                0.7, 0.9, 1.0e-6, "generic figures: AVX2 FMA core at 2.5 GHz, one DDR4-3200 channel", Fusion.ENGINE);
    }
}
