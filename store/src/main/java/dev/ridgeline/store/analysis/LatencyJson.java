package dev.ridgeline.store.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.roofline.Bound;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.hardware.roofline.LayerTiming;
import java.util.Locale;

/**
 * The {@code latency} object of the analyze JSON contract, fields in this order:
 * <pre>
 * hardware (the device id), precision, peakOpsPerSecond, bandwidthBytesPerSecond, computeEfficiency,
 * memoryEfficiency, layerOverheadSeconds, totalSeconds,
 * hardwareName*, hardwareSource*, engine*, onChipReuse*, ridgeOpsPerByte*, throughputPerSecond*, memoryBoundShare*,
 * utilization*, totalOps*, totalBytes*, memoryRequiredBytes*, memoryCapacityBytes*, fitsInMemory*,
 * runtime*, inferenceOverheadSeconds*, weightStreamBytesPerSecond*,
 * layers: [{name, ops, bytes, computeSeconds, memorySeconds, seconds, bound, arithmeticIntensity*,
 *           computeEfficiency*, computeFill*, streamedWeightBytes*}]
 * </pre>
 * Fields marked * are additions. Every parameter of the model is here, so each layer's seconds can be recomputed
 * from this object alone: max(ops / (layer computeEfficiency x computeFill x peakOpsPerSecond), bytes /
 * (memoryEfficiency x bandwidthBytesPerSecond) + streamedWeightBytes / weightStreamBytesPerSecond) +
 * layerOverheadSeconds for a layer that computes or moves anything, else 0; totalSeconds is the layers' sum plus
 * inferenceOverheadSeconds. {@code runtime} is "" and the overhead 0 for a device file that names no runtime;
 * {@code weightStreamBytesPerSecond} is null unless the runtime keeps weights on chip.
 * Seconds and rates are JSON doubles, counts JSON integers. {@code arithmeticIntensity} is null for a layer
 * that moves no bytes; {@code memoryCapacityBytes} and {@code fitsInMemory} are null when the device uses the
 * host's memory; a rate over a total of zero seconds is null.
 */
public final class LatencyJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LatencyJson() {
    }

    public static ObjectNode tree(LatencyReport latency) {
        DeviceProfile device = latency.device();
        double total = latency.totalSeconds();
        ObjectNode root = NODES.objectNode();
        root.put("hardware", device.id());
        root.put("precision", latency.precision().id());
        root.put("peakOpsPerSecond", latency.peakOpsPerSecond());
        root.put("bandwidthBytesPerSecond", device.bandwidthBytesPerSecond());
        root.put("computeEfficiency", device.computeEfficiency());
        root.put("memoryEfficiency", device.memoryEfficiency());
        root.put("layerOverheadSeconds", device.layerOverheadSeconds());
        root.put("totalSeconds", total);

        root.put("hardwareName", device.name());
        root.put("hardwareSource", device.source());
        root.put("engine", latency.engine().name().toLowerCase(Locale.ROOT));
        root.put("onChipReuse", latency.onChipReuse());
        root.put("fusion", latency.fusion().id());
        root.put("ridgeOpsPerByte", device.computeEfficiency() * latency.peakOpsPerSecond()
                / (device.memoryEfficiency() * device.bandwidthBytesPerSecond()));
        putRate(root, "throughputPerSecond", total > 0 ? latency.throughputPerSecond() : Double.NaN);
        // a sum of parts over the sum can round to just above 1
        putRate(root, "memoryBoundShare", total > 0 ? Math.min(1.0, latency.memoryBoundShare()) : Double.NaN);
        putRate(root, "utilization", total > 0 ? latency.utilization() : Double.NaN);
        root.put("totalOps", latency.totalOps());
        root.put("totalBytes", latency.totalBytes());
        root.put("memoryRequiredBytes", latency.memoryRequiredBytes());
        if (device.memoryCapacityBytes() > 0) {
            root.put("memoryCapacityBytes", Math.round(device.memoryCapacityBytes()));
            root.put("fitsInMemory", latency.fitsInMemory());
        } else {
            root.putNull("memoryCapacityBytes");
            root.putNull("fitsInMemory");
        }

        root.put("runtime", device.runtimeId());
        root.put("inferenceOverheadSeconds", latency.inferenceOverheadSeconds());
        if (device.runtime() != null && device.runtime().cachesWeights()) {
            root.put("weightStreamBytesPerSecond", device.runtime().weightStreamBytesPerSecond());
        } else {
            root.putNull("weightStreamBytesPerSecond");
        }

        ArrayNode layers = root.putArray("layers");
        for (int i = 0; i < latency.layers().size(); i++) {
            LayerTiming t = latency.layers().get(i);
            ObjectNode node = layer(t);
            putRate(node, "computeEfficiency", t.computeEfficiency());
            node.put("computeFill", t.computeFill());
            node.put("streamedWeightBytes", t.streamedWeightBytes());
            layers.add(node);
        }
        return root;
    }

    private static ObjectNode layer(LayerTiming t) {
        ObjectNode node = NODES.objectNode();
        node.put("name", t.name());
        node.put("ops", t.ops());
        node.put("bytes", t.bytes());
        node.put("computeSeconds", t.computeSeconds());
        node.put("memorySeconds", t.memorySeconds());
        node.put("seconds", t.seconds());
        node.put("bound", t.bound().id());
        if (t.bound() == Bound.FUSED) {
            node.put("fusedInto", t.fusedInto());
        }
        if (t.bytes() == 0) {
            node.putNull("arithmeticIntensity");
        } else {
            node.put("arithmeticIntensity", t.arithmeticIntensity());
        }
        return node;
    }

    /** JSON has no NaN or infinity: such a figure is written as null. */
    private static void putRate(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
