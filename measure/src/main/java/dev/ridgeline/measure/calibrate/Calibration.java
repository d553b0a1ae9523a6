package dev.ridgeline.measure.calibrate;

import dev.ridgeline.hardware.device.DeviceClass;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.FigureStatus;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import dev.ridgeline.measure.runtime.Environment;
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
     * The fitted device: FP32 on the vector engine at the attainable rate, the attainable bandwidth, efficiencies
     * 1 (the rates already include them), the fitted overhead and engine fusion, every figure {@code measured}.
     */
    public DeviceProfile profile(String id) {
        PrecisionPeak fp32 = new PrecisionPeak(Double.NaN, fit.opsPerSecond(), Engine.VECTOR, FigureStatus.MEASURED,
                "attainable FP32 rate fitted to ORT runs");
        return new DeviceProfile(id, name(), DeviceClass.CPU, Map.of(Precision.FP32, fp32), fit.bytesPerSecond(),
                FigureStatus.MEASURED, 0, 0, 1.0, 1.0, fit.overheadSeconds(), source(), Fusion.ENGINE);
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
