package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import java.util.List;

/**
 * The cost of one node. {@code countedByConvention} is false when the report's convention ignores
 * this op (its flops then read 0 and the report lists the op type as not counted). {@code precision} is
 * present when the model fixes the layer's number format (an INT8 layer of a quantized file): its bytes
 * are then counted at that format's element size.
 */
public record LayerCost(Node node, List<Shape> inputShapes, Shape outputShape, Cost cost, boolean countedByConvention,
                        java.util.Optional<dev.ridgeline.core.graph.LayerPrecision> precision) {
    public LayerCost {
        inputShapes = List.copyOf(inputShapes);
    }

    public LayerCost(Node node, List<Shape> inputShapes, Shape outputShape, Cost cost, boolean countedByConvention) {
        this(node, inputShapes, outputShape, cost, countedByConvention, java.util.Optional.empty());
    }
}
