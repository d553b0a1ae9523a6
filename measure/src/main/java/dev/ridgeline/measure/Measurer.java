package dev.ridgeline.measure;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.io.onnx.OnnxWriter;
import dev.ridgeline.core.io.onnx.WeightFill;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.shape.ShapedModel;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.FusedGroups;
import dev.ridgeline.measure.runtime.OrtRunner;
import dev.ridgeline.measure.runtime.RunOptions;
import dev.ridgeline.measure.runtime.RunResult;
import dev.ridgeline.measure.runtime.NodeTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures Ridgeline models in ONNX Runtime: writes the model as ONNX with seeded random FP32 weights
 * ({@link OnnxWriter}), runs it ({@link OrtRunner}) and names the profile's kernels by the model's layers.
 */
public final class Measurer {
    /** The seed of the weights every measured design gets. */
    public static final long WEIGHT_SEED = 20_261_128L;

    private Measurer() {
    }

    /** Fails unless the precision can be measured: the writer writes FP32 models. */
    public static void requireMeasurable(Precision precision) {
        BadInputException.check(precision == Precision.FP32, "precision %s cannot be measured: Ridgeline writes FP32"
                + " ONNX models and ONNX Runtime's CPU provider runs them in FP32; measure with --precision fp32 (for a"
                + " job at another precision it runs the design in FP32) and compare ranks, not absolute times",
                precision.id());
    }

    public static Measurement measure(String source, Model model, int batch, RunOptions options) {
        byte[] onnx = OnnxWriter.toProto(model, batch, WeightFill.RANDOM, WEIGHT_SEED).toByteArray();
        return measureFile(source, onnx, model, batch, options);
    }

    /** Names each profiled kernel by the head of its layer's fused group (engine fusion). */
    private static List<NodeTime> kernels(Model model, List<NodeTime> profile) {
        FusedGroups groups = FusedGroups.of(model.nodes(), Fusion.ENGINE);
        return profile.stream().map(t -> t.layer().isEmpty() ? t
                : t.withKernel(model.nodes().get(groups.headOf(model.indexOf(t.layer()))).name())).toList();
    }

    /** Measures an ONNX file as it is (its weights, its graph), naming the profile by the layers of {@code model}. */
    public static Measurement measureFile(String source, byte[] onnx, Model model, int batch, RunOptions options) {
        Set<String> layers = model.nodes().stream().map(Node::name).collect(Collectors.toSet());
        RunResult r = OrtRunner.run(source, onnx, inputShapes(model, batch), options, layers);
        return new Measurement(source, model.name(), batch, r.spread(), kernels(model, r.profile()), r.environment());
    }

    private static Map<String, long[]> inputShapes(Model model, int batch) {
        ShapedModel shaped = ShapeInference.infer(model, batch);
        Map<String, long[]> inputs = new LinkedHashMap<>();
        shaped.inputShapes().forEach((name, shape) -> inputs.put(name,
                java.util.Arrays.stream(shape.toArray()).asLongStream().toArray()));
        return inputs;
    }
}
