package dev.ridgeline.core.build;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Model} layer by layer, inferring each output shape as it goes so that layers can
 * take their input channels from what feeds them. Names are scoped: a layer "conv1" added in the
 * scope of block instance "layer1.0" is the node "layer1.0.conv1".
 */
public final class NetworkBuilder {
    private final Model.Builder model;
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Scope root;
    private int nodeCount;

    public NetworkBuilder(String modelName, String inputName, Shape inputShape) {
        this.model = Model.builder(modelName).input(inputName, inputShape);
        shapes.put(inputName, inputShape);
        this.root = new Scope(this, null, "", List.of(), inputName);
    }

    /** The top-level scope; its "input" is the model input. */
    public Scope root() {
        return root;
    }

    public Shape shape(String tensor) {
        Shape s = shapes.get(tensor);
        if (s == null) {
            throw new IllegalArgumentException("no tensor named " + tensor);
        }
        return s;
    }

    /** The nodes added so far. */
    int nodeCount() {
        return nodeCount;
    }

    boolean exists(String tensor) {
        return shapes.containsKey(tensor);
    }

    /** Adds a node whose inputs are full tensor names; returns its output shape. */
    Shape add(Node node) {
        if (shapes.containsKey(node.name())) {
            throw new BadInputException("layer name '" + node.name() + "' is used twice");
        }
        Shape out = ShapeInference.outputShape(node, node.inputs().stream().map(this::shape).toList());
        shapes.put(node.name(), out);
        model.add(node);
        nodeCount++;
        return out;
    }

    public NetworkBuilder description(String text) {
        model.description(text);
        return this;
    }

    public Model build(List<String> outputs) {
        outputs.forEach(model::output);
        return model.build();
    }
}
