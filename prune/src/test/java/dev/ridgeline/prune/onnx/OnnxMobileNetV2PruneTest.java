package dev.ridgeline.prune.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.shape.ShapedModel;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanReader;
import dev.ridgeline.prune.EliminationSolver;
import dev.ridgeline.prune.PlanChanges;
import dev.ridgeline.prune.Planner;
import dev.ridgeline.prune.PrunePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ONNX MobileNetV2 export pruned under a latency budget: the sliced file re-imports as planned. */
class OnnxMobileNetV2PruneTest {
    private static final Path FILE = Path.of("reference/models/mobilenet_v2.onnx");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "on {0}, latency at most {1}")
    @CsvSource({"t4, 85%", "jetson-orin-nano-8gb, 80%"})
    void thePrunedOnnxReimportsWithThePlannedShapesAndCounts(String device, String budget) throws Exception {
        if (!Files.isRegularFile(FILE)) {
            fail(FILE.toAbsolutePath() + " is missing: it is part of the repository (see reference/models/README.md)");
        }
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "model: " + FILE.toAbsolutePath() + "\nhardware: " + device + "\nprecision: fp16\n"
                + "per: stage\nbudgets: {latencySeconds: " + budget + "}\n");
        PlanFile request = PlanReader.read(plan);
        PrunePlan p = new Planner(new EliminationSolver()).plan(request,
                WeightScores.tryOnnx(FILE, request.model()));
        assertTrue(p.feasible(), () -> p.attempts().toString());
        assertTrue(OnnxPruner.refusal(p).isEmpty(), () -> OnnxPruner.refusal(p).get());
        Path pruned = dir.resolve("pruned.onnx");
        Files.write(pruned, OnnxPruner.prune(FILE, p));

        Model reimported = ModelLoader.load(pruned.toString());
        Model planned = PlanChanges.prunedModel(p);
        ShapedModel a = ShapeInference.infer(reimported, request.setup().batch());
        ShapedModel b = ShapeInference.infer(planned, request.setup().batch());
        for (Node n : planned.nodes()) {
            assertEquals(b.shapeOf(n.name()), a.shapeOf(n.name()), n.name());
        }
        CostReport r = Counter.count(a, request.setup().convention(), request.setup().precision().bytes());
        assertEquals((long) p.metrics()[Metric.PARAMS.ordinal()], r.totals().params());
        assertEquals((long) p.metrics()[Metric.MACS.ordinal()], r.totals().macs());
        assertTrue(r.totals().params() < request.baseMetrics()[Metric.PARAMS.ordinal()]);
    }
}
