package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.LayerPrecision;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.shape.ShapedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts every node of a shaped model under a convention, with totals and peak live memory. */
public final class Counter {
    private Counter() {
    }

    /**
     * @param elementBytes bytes per element for weights and activations (4 for FP32); a layer whose precision
     *                     the model fixes (an INT8 layer of a quantized file) moves its own format's bytes
     */
    public static CostReport count(ShapedModel shaped, Convention convention, int elementBytes) {
        if (elementBytes < 1) {
            throw new IllegalArgumentException("element size must be at least 1 byte");
        }
        Model model = shaped.model();
        List<Node> nodes = model.nodes();
        List<LayerCost> layers = new ArrayList<>(nodes.size());
        Map<String, Integer> notCounted = new TreeMap<>();
        long params = 0;
        long macs = 0;
        long flopsTotal = 0;
        long activations = 0;
        long readBytes = 0;
        long writeBytes = 0;
        long featureMaps = 0;
        long weightBytes = 0;
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            List<Shape> in = shaped.inputShapes(i);
            Shape out = shaped.outputShape(i);
            LayerFacts facts = LayerFacts.of(node.op(), in, out);
            long flops = convention.flops(facts);
            boolean counted = flops != Convention.NOT_COUNTED;
            if (!counted) {
                notCounted.merge(node.op().type(), 1, Integer::sum);
                flops = 0;
            }
            var precision = model.precisionOf(node.name());
            Cost cost = layerCost(facts, flops, precision.map(LayerPrecision::elementBytes).orElse(elementBytes));
            layers.add(new LayerCost(node, in, out, cost, counted, precision));
            weightBytes = Math.addExact(weightBytes, Math.multiplyExact(cost.params(),
                    precision.map(LayerPrecision::elementBytes).orElse(elementBytes)));
            params = Math.addExact(params, cost.params());
            macs = Math.addExact(macs, cost.macs());
            flopsTotal = Math.addExact(flopsTotal, cost.flops());
            activations = Math.addExact(activations, cost.activations());
            readBytes = Math.addExact(readBytes, cost.readBytes());
            writeBytes = Math.addExact(writeBytes, cost.writeBytes());
            if (!node.op().aliasesInput()) {
                featureMaps = Math.addExact(featureMaps, out.numel());
            }
        }
        Cost totals = new Cost(params, macs, flopsTotal, activations, readBytes, writeBytes);
        return new CostReport(model.name(), shaped.inputShapes(), shaped.batch(), convention, elementBytes, layers,
                totals, weightBytes, Liveness.peakBytes(shaped, elementBytes), featureMaps, notCounted,
                model.storedParams());
    }

    /** Reads are inputs plus weights, writes the output; views move nothing. */
    private static Cost layerCost(LayerFacts f, long flops, int elementBytes) {
        long outElements = f.outElements();
        if (f.op().isView()) {
            return new Cost(0, 0, flops, outElements, 0, 0);
        }
        long readElements = f.params();
        for (Shape s : f.inputs()) {
            readElements = Math.addExact(readElements, s.numel());
        }
        return new Cost(f.params(), f.macs(), flops, outElements, Math.multiplyExact(readElements, elementBytes),
                Math.multiplyExact(outElements, elementBytes));
    }
}
