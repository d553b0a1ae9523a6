package dev.ridgeline.store.analysis;

import dev.ridgeline.store.analysis.ReportInputs;
import dev.ridgeline.store.analysis.UncountedOps;

import dev.ridgeline.store.format.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.count.Cost;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.hardware.roofline.LatencyReport;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link CostReport} as the analyze JSON contract, fields in this order:
 * <pre>
 * model, input (one sample, e.g. [3, 224, 224]), batch, convention,
 * conventionUnit*, elementBytes*,
 * totals: {params, uniqueStoredParams*, macs, flops, activations, weightBytes, peakActivationBytes,
 *          memoryTrafficBytes}; uniqueStoredParams only for an ONNX file: its weight elements as stored,
 *          a tensor several layers share counted once (params counts it at every use),
 * perBatch*: names of the totals that cover the whole batch (all but params and weightBytes),
 * featureMapElements*: the seeds' plain sum of feature maps,
 * notCounted*: {op type: number of nodes whose arithmetic the convention ignores},
 * uncounted*: {source op type: number of nodes}, only when an imported model kept ops Ridgeline cannot
 *             count at all (--allow-uncounted); their arithmetic is in no total,
 * inputs*: {input name: one sample's shape}, only for a model with more than one input,
 * provenance*: {tool, version, modelSource, modelSha256},
 * layers: [{name, op, inputs, outputShape (batch first), params, macs, flops, activations*, readBytes,
 *           writeBytes, counted*, precision* (only for a layer whose precision the model fixes, such as "int8"
 *           in a quantized ONNX file; its bytes are at that precision), labels*, then the op's attributes
 *           under their own names}],
 * latency: only when the model was timed on a device, see {@link LatencyJson}
 * </pre>
 * Fields marked * are additions to the contract. {@code counted} is false for a layer whose flops the
 * convention ignores (its flops then read 0). An attribute whose name is taken by a layer field is
 * written as "attr.NAME". Every count is a JSON integer.
 */
public final class AnalysisJson {
    /** The totals that grow with the batch, as {@code perBatch} lists them. */
    public static final List<String> PER_BATCH_TOTALS =
            List.of("macs", "flops", "activations", "peakActivationBytes", "memoryTrafficBytes");

    private static final Set<String> LAYER_FIELDS = Set.of("name", "op", "inputs", "outputShape", "params", "macs",
            "flops", "activations", "readBytes", "writeBytes", "counted", "labels");

    private AnalysisJson() {
    }

    public static void write(CostReport report, Provenance provenance, Writer out) {
        write(report, Optional.empty(), provenance, out);
    }

    /** The report, and its {@code latency} when it was timed on a device. */
    public static void write(CostReport report, Optional<LatencyReport> latency, Provenance provenance, Writer out) {
        Json.writeDocument(tree(report, latency, provenance), out);
    }

    /** The report as a JSON tree, fields in the documented order. */
    public static ObjectNode tree(CostReport report, Provenance provenance) {
        return tree(report, Optional.empty(), provenance);
    }

    /** The report and its latency as a JSON tree, fields in the documented order. */
    public static ObjectNode tree(CostReport report, Optional<LatencyReport> latency, Provenance provenance) {
        ObjectNode root = Json.object();
        Map<String, Shape> inputs = ReportInputs.ordered(report);
        root.put("model", report.modelName());
        root.set("input", ints(ReportInputs.sampleDims(ReportInputs.primary(report))));
        root.put("batch", report.batch());
        root.put("convention", report.convention().id());
        root.put("conventionUnit", report.convention().unit());
        root.put("elementBytes", report.elementBytes());

        Cost t = report.totals();
        ObjectNode totals = root.putObject("totals");
        totals.put("params", t.params());
        report.storedParams().ifPresent(n -> totals.put("uniqueStoredParams", n));
        totals.put("macs", t.macs());
        totals.put("flops", t.flops());
        totals.put("activations", t.activations());
        totals.put("weightBytes", report.weightBytes());
        totals.put("peakActivationBytes", report.peakActivationBytes());
        totals.put("memoryTrafficBytes", t.memoryTrafficBytes());

        ArrayNode perBatch = root.putArray("perBatch");
        PER_BATCH_TOTALS.forEach(perBatch::add);
        root.put("featureMapElements", report.featureMapElements());
        ObjectNode notCounted = root.putObject("notCounted");
        report.notCounted().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> notCounted.put(e.getKey(), e.getValue()));
        Map<String, Integer> uncountedOps = UncountedOps.of(report);
        if (!uncountedOps.isEmpty()) {
            ObjectNode uncounted = root.putObject("uncounted");
            uncountedOps.forEach(uncounted::put);
        }
        if (inputs.size() > 1) {
            ObjectNode all = root.putObject("inputs");
            inputs.forEach((name, shape) -> all.set(name, ints(ReportInputs.sampleDims(shape))));
        }
        ObjectNode source = root.putObject("provenance");
        source.put("tool", provenance.tool());
        source.put("version", provenance.version());
        source.put("modelSource", provenance.modelSource());
        source.put("modelSha256", provenance.modelSha256());

        ArrayNode layers = root.putArray("layers");
        for (LayerCost layer : report.layers()) {
            layers.add(layer(layer));
        }
        latency.ifPresent(l -> root.set("latency", LatencyJson.tree(l)));
        return root;
    }

    private static ObjectNode layer(LayerCost layer) {
        ObjectNode node = Json.object();
        Cost c = layer.cost();
        node.put("name", layer.node().name());
        node.put("op", layer.node().op().type());
        ArrayNode inputs = node.putArray("inputs");
        layer.node().inputs().forEach(inputs::add);
        ArrayNode outputShape = node.putArray("outputShape");
        for (int d : layer.outputShape().toArray()) {
            outputShape.add(d);
        }
        node.put("params", c.params());
        node.put("macs", c.macs());
        node.put("flops", c.flops());
        node.put("activations", c.activations());
        node.put("readBytes", c.readBytes());
        node.put("writeBytes", c.writeBytes());
        node.put("counted", layer.countedByConvention());
        layer.precision().ifPresent(p -> node.put("precision", p.id()));
        ArrayNode labels = node.putArray("labels");
        layer.node().labels().forEach(labels::add);
        layer.node().op().attributes().forEach((name, value) ->
                node.set(LAYER_FIELDS.contains(name) ? "attr." + name : name, Json.tree(value)));
        return node;
    }

    private static ArrayNode ints(List<Integer> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }
}
