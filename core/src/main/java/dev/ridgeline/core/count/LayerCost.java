package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import java.util.List;

/**
 * The cost of one node. {@code countedByConvention} is false when the report's convention ignores
 * this op (its flops then read 0 and the report lists the op type as not counted).
 */
public record LayerCost(Node node, List<Shape> inputShapes, Shape outputShape, Cost cost, boolean countedByConvention) {
    public LayerCost {
        inputShapes = List.copyOf(inputShapes);
    }
}
