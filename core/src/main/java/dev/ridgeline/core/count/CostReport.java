package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.Shape;
import java.util.List;
import java.util.Map;

/**
 * The complexity of a model at one input shape, batch, convention and element size. Params and
 * weight bytes are per model; everything else covers the whole batch.
 *
 * @param featureMapElements the seeds' plain sum of feature maps: output elements of every layer
 *                           except in-place layers and views, which add none
 * @param notCounted         op type to number of nodes whose arithmetic the convention ignores
 * @param storedParams       the model's weight elements as its file stores them, shared tensors once
 *                           (present for ONNX files; {@code totals.params} counts every use)
 */
public record CostReport(String modelName, Map<String, Shape> inputShapes, int batch, Convention convention,
                         int elementBytes, List<LayerCost> layers, Cost totals, long weightBytes,
                         long peakActivationBytes, long featureMapElements, Map<String, Integer> notCounted,
                         java.util.OptionalLong storedParams) {
    public CostReport {
        inputShapes = Map.copyOf(inputShapes);
        layers = List.copyOf(layers);
        notCounted = Map.copyOf(notCounted);
    }
}
