package dev.ridgeline.cli;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.ModelInput;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The wiring behind analyze: load the model, infer its shapes at the requested input, count. */
final class Analyzer {
    /** FP32: what the counts' byte figures assume unless a precision says otherwise. */
    static final int ELEMENT_BYTES = 4;

    private Analyzer() {
    }

    /**
     * @param modelSpec a zoo name or a model file
     * @param sample    one sample's shape for the model's first input, or null for the model's own
     */
    static CostReport analyze(String modelSpec, SampleShape sample, int batch, Convention convention,
                              int elementBytes) {
        return analyze(modelSpec, sample, batch, convention, elementBytes, false);
    }

    /**
     * @param batch          the batch, or null for the model's own (1, or an ONNX file's static batch)
     * @param allowUncounted keep the ops of an ONNX file that cannot be counted, listed, instead of failing
     */
    static CostReport analyze(String modelSpec, SampleShape sample, Integer batch, Convention convention,
                              int elementBytes, boolean allowUncounted) {
        // an ONNX file is read at the sample shape: its shape computations are folded at import
        Model model = ModelLoader.load(modelSpec, Optional.ofNullable(sample).map(s -> Shape.of(s.dims())),
                allowUncounted);
        return analyze(model, sample, batch != null ? batch : model.inputs().get(0).shape().batch(), convention,
                elementBytes);
    }

    static CostReport analyze(Model model, SampleShape sample, int batch, Convention convention) {
        return analyze(model, sample, batch, convention, ELEMENT_BYTES);
    }

    /** @param elementBytes bytes per weight and activation element: the precision's size */
    static CostReport analyze(Model model, SampleShape sample, int batch, Convention convention, int elementBytes) {
        // --input replaces the first input's sample; --batch applies to every input
        Map<String, Shape> shapes = new HashMap<>();
        for (ModelInput input : model.inputs()) {
            shapes.put(input.name(), SampleShape.resolve(model.name(), input, shapes.isEmpty() ? sample : null, batch));
        }
        return Counter.count(ShapeInference.infer(model, shapes), convention, elementBytes);
    }
}
