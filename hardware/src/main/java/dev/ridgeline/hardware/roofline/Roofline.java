package dev.ridgeline.hardware.roofline;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.count.LayerFacts;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.PrecisionPeak;
import java.util.ArrayList;
import java.util.List;

/**
 * The roofline latency model: each layer takes the longer of its compute time and its memory time,
 * plus a fixed overhead; the model takes the sum (layers run one after another).
 */
public final class Roofline {
    private Roofline() {
    }

    /**
     * @param report counts of the model, made at the precision's element size (its bytes are what moves)
     */
    public static LatencyReport time(CostReport report, DeviceProfile device, RooflineOptions options) {
        if (report.elementBytes() != options.precision().bytes()) {
            throw new IllegalArgumentException("the report counts " + report.elementBytes() + "-byte elements, but "
                    + options.precision().id() + " has " + options.precision().bytes());
        }
        PrecisionPeak peak = device.require(options.precision());
        Engine engine = options.engine().orElse(peak.engine());
        if (engine != peak.engine()) {
            if ((engine == Engine.MATRIX ? peak.matrix() : peak.vector()).isEmpty()) {
                throw new dev.ridgeline.core.BadInputException("device '" + device.id() + "' gives no "
                        + engine.name().toLowerCase(java.util.Locale.ROOT) + " peak for " + options.precision().id());
            }
            peak = peak.using(engine);
        }
        double computeRate = device.computeEfficiency() * peak.opsPerSecond();
        double memoryRate = device.memoryEfficiency() * device.bandwidthBytesPerSecond();
        List<LayerCost> layers = report.layers();
        List<LayerTiming> timings = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            LayerCost layer = layers.get(i);
            long ops = HardwareOps.of(new LayerFacts(layer.node().op(), layer.inputShapes(), layer.outputShape(),
                    layer.cost().macs()));
            long bytes = layer.cost().memoryTrafficBytes();
            if (options.onChipReuse() && i > 0) {
                bytes -= onChipRead(layers.get(i - 1), layer, report.elementBytes(), device.onChipBufferBytes());
            }
            double compute = ops / computeRate;
            double memory = bytes / memoryRate;
            boolean runs = ops > 0 || bytes > 0;
            double seconds = Math.max(compute, memory) + (runs ? device.layerOverheadSeconds() : 0);
            timings.add(new LayerTiming(layer.node().name(), ops, bytes, compute, memory, seconds,
                    compute > memory ? Bound.COMPUTE : Bound.MEMORY));
        }
        long required = Math.addExact(report.weightBytes(), report.peakActivationBytes());
        return new LatencyReport(device, options.precision(), engine, report.batch(), peak.opsPerSecond(),
                options.onChipReuse(), timings, required);
    }

    /** Bytes of {@code layer}'s reads of the previous layer's output when that output fits on chip. */
    private static long onChipRead(LayerCost previous, LayerCost layer, int elementBytes, double bufferBytes) {
        Node node = layer.node();
        long produced = previous.outputShape().numel() * elementBytes;
        if (node.op().isView() || produced > bufferBytes) {
            return 0;
        }
        long reads = node.inputs().stream().filter(in -> in.equals(previous.node().name())).count();
        return reads * produced;
    }
}
