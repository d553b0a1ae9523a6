package dev.ridgeline.hardware.roofline;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.count.LayerFacts;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.KernelClass;
import dev.ridgeline.hardware.device.Occupancy;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import java.util.ArrayList;
import java.util.List;

/**
 * The roofline latency model: each kernel takes the longer of its compute time and its memory time,
 * plus a fixed overhead; the model takes the sum (kernels run one after another) plus the runtime's fixed time
 * per inference. A kernel is one layer, or under {@link Fusion#ENGINE} a {@link FusedGroups fused group} timed as
 * its head; the compute efficiency is that of the head's {@link KernelClass}, times the runtime's factor for the
 * kernel's precision, times the share of the device the head's output fills ({@link Occupancy#fill}). Under a runtime that keeps weights on chip, the weights of the
 * first layers (in execution order) up to the cache's size stay there and move nothing; each later layer's
 * weights stream in on every inference, at the runtime's stream rate, on top of its memory time. A layer whose
 * precision the model fixes (an INT8 layer of a quantized file) is timed at the device's peak for that precision
 * and moves its own format's bytes, so a mixed-precision network is timed layer by layer.
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
        double memoryRate = device.memoryEfficiency() * device.bandwidthBytesPerSecond();
        Fusion fusion = options.fusion().orElse(device.fusion());
        List<LayerCost> layers = report.layers();
        FusedGroups groups = FusedGroups.of(layers.stream().map(LayerCost::node).toList(), fusion);
        long[] ops = new long[layers.size()];
        long[] bytes = new long[layers.size()];
        int[] tailOf = new int[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            tailOf[groups.headOf(i)] = i;
        }
        for (int i = 0; i < layers.size(); i++) {
            LayerCost layer = layers.get(i);
            int head = groups.headOf(i);
            ops[head] += HardwareOps.of(new LayerFacts(layer.node().op(), layer.inputShapes(), layer.outputShape(),
                    layer.cost().macs()));
            int elementBytes = layer.precision().map(p -> p.elementBytes()).orElse(report.elementBytes());
            long read = head == i ? layer.cost().readBytes() : externalReads(layers, groups, i, elementBytes);
            bytes[head] += read + (tailOf[head] == i ? layer.cost().writeBytes() : 0);
            if (options.onChipReuse() && i > 0 && head == i) {
                bytes[i] -= onChipRead(layers.get(i - 1), layer, elementBytes, device.onChipBufferBytes());
            }
        }
        double[] streamed = streamedWeightBytes(layers, device, report.elementBytes(), bytes, groups);
        Occupancy occupancy = device.occupancy();
        List<LayerTiming> timings = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            String name = layers.get(i).node().name();
            if (groups.fused(i)) {
                timings.add(LayerTiming.fused(name, layers.get(groups.headOf(i)).node().name()));
                continue;
            }
            double rate = layers.get(i).precision().map(p -> layerPeak(device, options, p.id()))
                    .orElse(peak.opsPerSecond());
            double fill = fill(layers.get(i), occupancy);
            Precision precision = layers.get(i).precision().flatMap(p -> Precision.byId(p.id()))
                    .orElse(options.precision());
            double efficiency = device.computeEfficiency(KernelClass.of(layers.get(i).node().op()))
                    * device.precisionFactor(precision);
            double compute = ops[i] / (efficiency * fill * rate);
            double memory = bytes[i] / memoryRate + (streamed[i] > 0
                    ? streamed[i] / device.runtime().weightStreamBytesPerSecond() : 0);
            boolean runs = ops[i] > 0 || bytes[i] > 0 || streamed[i] > 0;
            double seconds = Math.max(compute, memory) + (runs ? device.layerOverheadSeconds() : 0);
            timings.add(new LayerTiming(name, ops[i], bytes[i], compute, memory, seconds,
                    compute > memory ? Bound.COMPUTE : Bound.MEMORY, "", efficiency, fill, (long) streamed[i]));
        }
        long required = Math.addExact(report.weightBytes(), report.peakActivationBytes());
        return new LatencyReport(device, options.precision(), engine, report.batch(), peak.opsPerSecond(),
                options.onChipReuse(), fusion, timings, required, device.inferenceOverheadSeconds());
    }

    /** The share of the device a kernel's head fills: its output positions (batch x spatial) by its channels. */
    static double fill(LayerCost head, Occupancy occupancy) {
        if (occupancy.equals(Occupancy.NONE)) {
            return 1;
        }
        var shape = head.outputShape();
        long numel = shape.numel();
        long channels = shape.rank() >= 2 ? shape.dim(1) : numel;
        long pixels = channels == 0 ? 0 : numel / channels;
        return occupancy.fill(pixels, channels);
    }

    /**
     * Under a weight cache, each kernel's weight bytes that do not fit: the cache fills with the weights of the
     * layers in execution order; those weights leave the kernel's memory traffic (the chip reads them on chip)
     * and the rest are returned to stream in from the host. All zeros without a cache.
     */
    private static double[] streamedWeightBytes(List<LayerCost> layers, DeviceProfile device, int elementBytes,
                                                long[] bytes, FusedGroups groups) {
        double[] streamed = new double[layers.size()];
        if (device.runtime() == null || !device.runtime().cachesWeights()) {
            return streamed;
        }
        double free = device.runtime().weightCacheBytes();
        for (int i = 0; i < layers.size(); i++) {
            long weights = layers.get(i).cost().params()
                    * layers.get(i).precision().map(p -> p.elementBytes()).orElse(elementBytes);
            if (weights == 0 || groups.fused(i)) {
                continue; // a fused batch norm's parameters fold into its head's weights
            }
            int head = i;
            bytes[head] -= Math.min(weights, bytes[head]);
            double cached = Math.min(free, weights);
            free -= cached;
            streamed[head] += weights - cached;
        }
        return streamed;
    }

    /**
     * The peak of a layer whose precision the model fixes (an INT8 layer of a quantized file): the device's peak
     * at that precision, on the engine the options name or the device's choice for it.
     */
    private static double layerPeak(DeviceProfile device, RooflineOptions options, String precisionId) {
        Precision precision = Precision.byId(precisionId).orElseThrow(() -> new IllegalArgumentException(
                "unknown layer precision " + precisionId));
        PrecisionPeak peak = device.require(precision);
        Engine engine = options.engine().orElse(peak.engine());
        boolean available = (engine == Engine.MATRIX ? peak.matrix() : peak.vector()).isPresent();
        return (available && engine != peak.engine() ? peak.using(engine) : peak).opsPerSecond();
    }

    /**
     * What a fused layer reads from outside its group: nothing for a batch norm (folded into the head's weights)
     * or an activation; an add reads its other operand.
     */
    private static long externalReads(List<LayerCost> layers, FusedGroups groups, int i, int elementBytes) {
        LayerCost layer = layers.get(i);
        if (layer.node().op().kind() != dev.ridgeline.core.op.OpKind.ADD) {
            return 0;
        }
        long read = 0;
        int head = groups.headOf(i);
        for (int j = 0; j < layer.node().inputs().size(); j++) {
            String in = layer.node().inputs().get(j);
            boolean inGroup = false;
            for (int k = head; k < i; k++) {
                if (groups.headOf(k) == head && layers.get(k).node().name().equals(in)) {
                    inGroup = true;
                }
            }
            if (!inGroup) {
                read += layer.inputShapes().get(j).numel() * elementBytes;
            }
        }
        return read;
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
