package dev.ridgeline.core.shape;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A model together with the shape of every tensor, for one input shape and batch. */
public final class ShapedModel {
    private final Model model;
    private final Map<String, Shape> inputShapes;
    private final Shape[] outputShapes;

    ShapedModel(Model model, Map<String, Shape> inputShapes, Shape[] outputShapes) {
        this.model = model;
        this.inputShapes = Map.copyOf(inputShapes);
        this.outputShapes = outputShapes;
    }

    public Model model() {
        return model;
    }

    /** The batch: the first dimension of the first model input. */
    public int batch() {
        return inputShapes.get(model.inputs().get(0).name()).batch();
    }

    public Map<String, Shape> inputShapes() {
        return inputShapes;
    }

    /** The output shape of the node at {@code index} in {@link Model#nodes()}. */
    public Shape outputShape(int index) {
        return outputShapes[index];
    }

    /** The shape of a named tensor: a model input or a node's output. */
    public Shape shapeOf(String tensor) {
        Shape s = inputShapes.get(tensor);
        if (s != null) {
            return s;
        }
        int i = model.indexOf(tensor);
        if (i < 0) {
            throw new IllegalArgumentException("no tensor named " + tensor);
        }
        return outputShapes[i];
    }

    public List<Shape> inputShapes(int index) {
        Node n = model.nodes().get(index);
        List<Shape> shapes = new ArrayList<>(n.inputs().size());
        for (String in : n.inputs()) {
            shapes.add(shapeOf(in));
        }
        return shapes;
    }
}
