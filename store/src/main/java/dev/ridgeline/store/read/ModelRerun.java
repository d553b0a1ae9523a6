package dev.ridgeline.store.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.shape.ShapedModel;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import dev.ridgeline.store.analysis.AnalysisJson;
import dev.ridgeline.store.analysis.Provenance;
import dev.ridgeline.search.eval.MeasureSetup;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a model through core and hardware again for what a file on disk does not hold: the per-layer analysis
 * of a sweep's base model, and the live memory of each step of an analysis.
 */
final class ModelRerun {
    private ModelRerun() {
    }

    /** The base model of a sweep, counted and timed as the sweep measured it, read back as an analysis. */
    static AnalysisRun analyze(Model model, String modelSpec, String modelSha256, MeasureSetup setup,
                               String toolVersion, Path source) {
        ShapedModel shaped = ShapeInference.infer(model, setup.batch());
        CostReport report = Counter.count(shaped, setup.convention(), setup.precision().bytes());
        Optional<LatencyReport> latency = Optional.ofNullable(setup.device())
                .map(d -> Roofline.time(report, d, RooflineOptions.of(setup.precision())));
        ObjectNode tree = AnalysisJson.tree(report, latency, Provenance.of(toolVersion, modelSpec, modelSha256));
        return AnalysisRun.from(JsonInput.of(source, tree), dev.ridgeline.core.count.Liveness.bytesByStep(shaped, setup.precision().bytes()),
                "");
    }

    /**
     * Live bytes per step of an analysed model, loaded again from where the analysis says it came from.
     *
     * @param sample one sample's shape (e.g. [3, 224, 224]); empty for the model's own
     * @throws RuntimeException when the model cannot be loaded or shaped any more
     */
    static long[] liveBytes(String modelSource, int[] sample, int batch, int elementBytes) {
        Optional<Shape> sampleShape = sample.length == 0 ? Optional.empty() : Optional.of(Shape.of(sample));
        Model model = ModelLoader.load(modelSource, sampleShape, true);
        ShapedModel shaped;
        if (sample.length == 0 || model.inputs().size() != 1) {
            shaped = ShapeInference.infer(model, batch);
        } else {
            int[] dims = new int[sample.length + 1];
            dims[0] = batch;
            System.arraycopy(sample, 0, dims, 1, sample.length);
            shaped = ShapeInference.infer(model, Map.of(model.inputs().get(0).name(), Shape.of(dims)));
        }
        return dev.ridgeline.core.count.Liveness.bytesByStep(shaped, elementBytes);
    }
}
