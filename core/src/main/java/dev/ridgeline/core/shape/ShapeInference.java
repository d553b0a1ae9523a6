package dev.ridgeline.core.shape;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.ModelInput;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Op;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Infers the shape of every tensor of a model. Errors name the node, its input shapes and the rule
 * broken, e.g. "node 'layer1.0.conv1' (conv2d) with input 1x32x56x56: expects 64 input channels, got 32".
 */
public final class ShapeInference {
    private ShapeInference() {
    }

    /** Shapes at the model's default input shapes with the given batch. */
    public static ShapedModel infer(Model model, int batch) {
        Map<String, Shape> shapes = new HashMap<>();
        for (ModelInput in : model.inputs()) {
            shapes.put(in.name(), in.shape().withBatch(batch));
        }
        return infer(model, shapes);
    }

    /** Shapes for the given input shapes (batch first); inputs not named keep their default shape. */
    public static ShapedModel infer(Model model, Map<String, Shape> inputShapes) {
        Shape[] inputs = new Shape[model.inputs().size()];
        for (int k = 0; k < inputs.length; k++) {
            ModelInput in = model.inputs().get(k);
            Shape s = inputShapes.getOrDefault(in.name(), in.shape());
            BadInputException.check(s.rank() == in.shape().rank(),
                    "input '%s' of model '%s' has rank %d (%s), got %s", in.name(), model.name(), in.shape().rank(),
                    in.shape(), s);
            inputs[k] = s;
        }
        List<Node> nodes = model.nodes();
        Shape[] out = new Shape[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            int count = model.inputCount(i);
            Shape[] in = new Shape[count];
            for (int j = 0; j < count; j++) {
                int ref = model.inputRef(i, j);
                in[j] = ref >= 0 ? out[ref] : inputs[-1 - ref];
            }
            out[i] = outputShape(nodes.get(i), List.of(in));
        }
        return new ShapedModel(model, inputs, out);
    }

    /** The output of one node given its input shapes, with the node named in any error. */
    public static Shape outputShape(Node node, List<Shape> inputs) {
        try {
            return OpShapes.output(node.op(), inputs);
        } catch (ShapeException | ArithmeticException e) {
            throw new BadInputException("node " + node.describe() + " with input "
                    + inputs.stream().map(Shape::toString).collect(Collectors.joining(", ")) + ": " + e.getMessage());
        }
    }

    /** The output of an op given its input shapes; errors carry only the rule. */
    public static Shape outputShape(Op op, List<Shape> inputs) {
        try {
            return OpShapes.output(op, inputs);
        } catch (ShapeException e) {
            throw new BadInputException(op.type() + " with input " + inputs + ": " + e.getMessage());
        }
    }
}
