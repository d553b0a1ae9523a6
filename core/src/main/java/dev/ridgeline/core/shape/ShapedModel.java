package dev.ridgeline.core.shape;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import java.util.List;
import java.util.Map;

/** A model together with the shape of every tensor, for one input shape and batch. */
public final class ShapedModel {
    private final Model model;
    private final Map<String, Shape> inputShapes;
    private final Shape[] modelInputShapes;
    private final Shape[] outputShapes;

    ShapedModel(Model model, Shape[] modelInputShapes, Shape[] outputShapes) {
        this.model = model;
        Map<String, Shape> byName = new java.util.HashMap<>();
        for (int k = 0; k < modelInputShapes.length; k++) {
            byName.put(model.inputs().get(k).name(), modelInputShapes[k]);
        }
        this.inputShapes = Map.copyOf(byName);
        this.modelInputShapes = modelInputShapes;
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
        int count = model.inputCount(index);
        if (count == 1) {
            return List.of(inputShape(index, 0));
        }
        Shape[] shapes = new Shape[count];
        for (int j = 0; j < count; j++) {
            shapes[j] = inputShape(index, j);
        }
        return List.of(shapes);
    }

    /** The shape of input {@code j} of the node at {@code index}. */
    public Shape inputShape(int index, int j) {
        int ref = model.inputRef(index, j);
        return ref >= 0 ? outputShapes[ref] : modelInputShapes[-1 - ref];
    }
}
