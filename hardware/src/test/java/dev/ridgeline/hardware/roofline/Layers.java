package dev.ridgeline.hardware.roofline;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.device.DeviceClass;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.FigureStatus;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import java.util.List;
import java.util.Map;

/** Single-layer models and devices built in code for roofline tests. */
final class Layers {
    private Layers() {
    }

    static Model single(Shape input, Op op) {
        return Model.builder("one").input("input", input).add(new Node("layer", op, List.of("input"))).build();
    }

    /** A 3x3 conv, padding 1, no bias. */
    static Conv2d conv3x3(int in, int out, int groups) {
        return new Conv2d(in, out, Window.square(3, 1, 1), groups, false);
    }

    static CostReport count(Model model, int batch, Precision precision) {
        return Counter.count(ShapeInference.infer(model, batch), Convention.MACS, precision.bytes());
    }

    static LayerTiming timeOne(Model model, int batch, DeviceProfile device, Precision precision) {
        return Roofline.time(count(model, batch, precision), device, RooflineOptions.of(precision)).layers().get(0);
    }

    /** A device with one vector peak for every precision, no overhead. */
    static DeviceProfile device(double peakOpsPerSecond, double bandwidthBytesPerSecond) {
        PrecisionPeak peak = new PrecisionPeak(Double.NaN, peakOpsPerSecond, Engine.VECTOR, FigureStatus.DERIVED, "test");
        return new DeviceProfile("test", "test device", DeviceClass.GPU,
                Map.of(Precision.FP64, peak, Precision.FP32, peak, Precision.FP16, peak, Precision.BF16, peak,
                        Precision.INT8, peak),
                bandwidthBytesPerSecond, FigureStatus.DERIVED, 0, 0, 0.7, 0.9, 0, "test");
    }
}
