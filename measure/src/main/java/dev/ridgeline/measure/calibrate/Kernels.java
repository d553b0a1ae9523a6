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
import dev.ridgeline.hardware.device.KernelClass;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import dev.ridgeline.hardware.roofline.Bound;
import dev.ridgeline.hardware.roofline.LayerTiming;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kernels of a model under engine fusion at FP32, as the roofline sees them: each kernel's ops, bytes and
 * {@link KernelClass}.
 * Read once per model from the roofline itself (timed on a unit device), so a fit predicts exactly what
 * {@link Roofline} will with the fitted constants.
 */
public record Kernels(double[] ops, double[] bytes, int[] kinds) {
    private static final DeviceProfile UNIT = new DeviceProfile("unit", "unit", DeviceClass.CPU,
            Map.of(Precision.FP32, new PrecisionPeak(Double.NaN, 1, Engine.VECTOR, FigureStatus.DERIVED, "")), 1,
            FigureStatus.DERIVED, 0, 0, 1, 1, 0, "unit", Fusion.ENGINE);

    public static Kernels of(Model model, int batch) {
        CostReport report = Counter.count(ShapeInference.infer(model, batch), Convention.MACS, Precision.FP32.bytes());
        var timings = Roofline.time(report, UNIT, RooflineOptions.of(Precision.FP32).withFusion(
                Optional.of(Fusion.ENGINE))).layers();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < timings.size(); i++) {
            LayerTiming t = timings.get(i);
            if (t.bound() != Bound.FUSED && (t.ops() > 0 || t.bytes() > 0)) {
                kept.add(i);
            }
        }
        return new Kernels(kept.stream().mapToDouble(i -> timings.get(i).ops()).toArray(),
                kept.stream().mapToDouble(i -> timings.get(i).bytes()).toArray(),
                kept.stream().mapToInt(i -> KernelClass.of(model.nodes().get(i).op()).ordinal()).toArray());
    }

    /**
     * The roofline time with attainable rates (efficiency included) and a per-kernel overhead.
     *
     * @param opsPerSecond the attainable compute rate of each {@link KernelClass}, by ordinal
     */
    public double seconds(double[] opsPerSecond, double bytesPerSecond, double overheadSeconds) {
        double total = 0;
        for (int k = 0; k < ops.length; k++) {
            total += Math.max(ops[k] / opsPerSecond[kinds[k]], bytes[k] / bytesPerSecond) + overheadSeconds;
        }
        return total;
    }
}
