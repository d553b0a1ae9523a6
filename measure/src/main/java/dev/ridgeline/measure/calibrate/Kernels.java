package dev.ridgeline.measure.calibrate;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.device.DeviceClass;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.FigureStatus;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import dev.ridgeline.hardware.roofline.Bound;
import dev.ridgeline.hardware.roofline.LayerTiming;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import java.util.Map;
import java.util.Optional;

/**
 * The kernels of a model under engine fusion at FP32, as the roofline sees them: each kernel's ops and bytes.
 * Read once per model from the roofline itself (timed on a unit device), so a fit predicts exactly what
 * {@link Roofline} will with the fitted constants.
 */
public record Kernels(double[] ops, double[] bytes) {
    private static final DeviceProfile UNIT = new DeviceProfile("unit", "unit", DeviceClass.CPU,
            Map.of(Precision.FP32, new PrecisionPeak(Double.NaN, 1, Engine.VECTOR, FigureStatus.DERIVED, "")), 1,
            FigureStatus.DERIVED, 0, 0, 1, 1, 0, "unit", Fusion.ENGINE);

    public static Kernels of(Model model, int batch) {
        CostReport report = Counter.count(ShapeInference.infer(model, batch), Convention.MACS, Precision.FP32.bytes());
        var layers = Roofline.time(report, UNIT, RooflineOptions.of(Precision.FP32).withFusion(
                Optional.of(Fusion.ENGINE))).layers().stream()
                .filter(t -> t.bound() != Bound.FUSED && (t.ops() > 0 || t.bytes() > 0)).toList();
        return new Kernels(layers.stream().mapToDouble(LayerTiming::ops).toArray(),
                layers.stream().mapToDouble(LayerTiming::bytes).toArray());
    }

    /** The roofline time with attainable rates (efficiency included) and a per-kernel overhead. */
    public double seconds(double opsPerSecond, double bytesPerSecond, double overheadSeconds) {
        double total = 0;
        for (int k = 0; k < ops.length; k++) {
            total += Math.max(ops[k] / opsPerSecond, bytes[k] / bytesPerSecond) + overheadSeconds;
        }
        return total;
    }
}
