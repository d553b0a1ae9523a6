package dev.ridgeline.measure.calibrate;

import dev.ridgeline.hardware.device.DeviceClass;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.FigureStatus;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.KernelClass;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import dev.ridgeline.measure.runtime.Environment;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of calibrating this machine: each benchmark's measured and predicted time and relative spread,
 * the fitted constants and where the runs took place.
 */
public record Calibration(List<Benchmark> benchmarks, double[] measuredSeconds, double[] spreads,
                          ProfileFit.Result fit, Environment environment, String date) {
    public double predictedSeconds(int i) {
        return measuredSeconds[i] * Math.exp(fit.logResiduals()[i]);
    }

    /**
     * The fitted device: FP32 on the vector engine at the fastest kind's attainable rate, each kind's rate as its
     * compute efficiency (the dense-conv one as the common one), memory efficiency 1 at the attainable bandwidth,
     * the fitted overhead and engine fusion, every figure {@code measured}.
     */
    public DeviceProfile profile(String id) {
        double[] rates = fit.opsPerSecond();
        double peak = java.util.Arrays.stream(rates).max().orElseThrow();
        PrecisionPeak fp32 = new PrecisionPeak(Double.NaN, peak, Engine.VECTOR, FigureStatus.MEASURED,
                "the fastest kind's attainable FP32 rate, fitted to ORT runs");
        Map<KernelClass, Double> byKind = new EnumMap<>(KernelClass.class);
        for (KernelClass k : KernelClass.values()) {
            byKind.put(k, rates[k.ordinal()] / peak);
        }
        return new DeviceProfile(id, name(), DeviceClass.CPU, Map.of(Precision.FP32, fp32), fit.bytesPerSecond(),
                FigureStatus.MEASURED, 0, 0, byKind.get(KernelClass.CONV), 1.0, fit.overheadSeconds(), source(),
                Fusion.ENGINE, byKind);
    }

    String name() {
        return environment.cpuModel() + ", " + environment.threads() + " thread(s), ONNX Runtime "
                + environment.runtimeVersion() + " (calibrated)";
    }

    String source() {
        return "ridgeline hardware calibrate on " + date + ": " + benchmarks.size() + " ORT runs, least squares on"
                + " log time ratio";
    }
}
