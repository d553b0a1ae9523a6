package dev.ridgeline.measure.published;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.ModelInput;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.RuntimeProfile;
import dev.ridgeline.hardware.roofline.Bound;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.hardware.roofline.LayerTiming;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A published figure's model as the roofline sees it on one device, with the runtime's four constants left open:
 * each kernel's compute seconds at full efficiency (its fill and the runtime's precision factor included), its memory seconds at full efficiency and
 * its weight-streaming seconds. Then {@link #seconds} is exactly what {@link Roofline} gives with those constants
 * and no per-kind efficiencies, so a fit of the constants predicts what the fitted profile will.
 */
public record FigureTerms(double[] computeSeconds, double[] memorySeconds, double[] streamSeconds,
                          List<String> kernelNames) {
    /** Time of kernel k with the given efficiencies and time per kernel. */
    public double kernelSeconds(int k, double computeEfficiency, double memoryEfficiency,
                                double kernelOverheadSeconds) {
        return Math.max(computeSeconds[k] / computeEfficiency, memorySeconds[k] / memoryEfficiency + streamSeconds[k])
                + kernelOverheadSeconds;
    }

    /** Time of one inference with the given efficiencies and overheads. */
    public double seconds(double computeEfficiency, double memoryEfficiency, double kernelOverheadSeconds,
                          double inferenceOverheadSeconds) {
        double total = inferenceOverheadSeconds;
        for (int k = 0; k < computeSeconds.length; k++) {
            total += Math.max(computeSeconds[k] / computeEfficiency,
                    memorySeconds[k] / memoryEfficiency + streamSeconds[k]) + kernelOverheadSeconds;
        }
        return total;
    }

    public int kernels() {
        return computeSeconds.length;
    }

    /** The terms of a figure on a device, read from the roofline under the device's runtime at unit constants. */
    public static FigureTerms of(PublishedFigure figure, DeviceProfile device) {
        RuntimeProfile r = device.runtime();
        RuntimeProfile unit = r == null ? new RuntimeProfile("fit", "fit", 1, 1, Map.of(), 0, 0, device.occupancy(), 0,
                0, "unit constants") : r.withConstants(r.id(), r.name(), 1, 1, Map.of(), 0, 0, "unit constants");
        LatencyReport report = Roofline.time(count(figure), device.withRuntime(unit),
                RooflineOptions.of(figure.precision()));
        List<double[]> kernels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double streamRate = unit.weightStreamBytesPerSecond();
        for (LayerTiming t : report.layers()) {
            if (t.bound() == Bound.FUSED || (t.ops() == 0 && t.bytes() == 0 && t.streamedWeightBytes() == 0)) {
                continue;
            }
            double stream = t.streamedWeightBytes() == 0 ? 0 : t.streamedWeightBytes() / streamRate;
            kernels.add(new double[] {t.computeSeconds(), t.memorySeconds() - stream, stream});
            names.add(t.name());
        }
        return new FigureTerms(kernels.stream().mapToDouble(k -> k[0]).toArray(),
                kernels.stream().mapToDouble(k -> k[1]).toArray(), kernels.stream().mapToDouble(k -> k[2]).toArray(),
                List.copyOf(names));
    }

    /** The figure's model counted at its sample shape, batch and precision. */
    public static CostReport count(PublishedFigure figure) {
        Model model = ModelLoader.load(figure.model());
        Map<String, Shape> shapes = new HashMap<>();
        List<Integer> in = figure.input();
        ModelInput first = model.inputs().get(0);
        shapes.put(first.name(), Shape.of(figure.batch(), in.get(0), in.get(1), in.get(2)));
        for (ModelInput other : model.inputs().subList(1, model.inputs().size())) {
            Shape s = other.shape();
            shapes.put(other.name(), s.withBatch(figure.batch()));
        }
        return Counter.count(ShapeInference.infer(model, shapes), Convention.MACS, figure.precision().bytes());
    }

    /** The roofline prediction of a figure on a device under its runtime, in seconds. */
    public static double predict(PublishedFigure figure, DeviceProfile device) {
        return Roofline.time(count(figure), device, RooflineOptions.of(figure.precision())).totalSeconds();
    }

}
