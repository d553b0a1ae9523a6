package dev.ridgeline.search.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.space.ChannelGroups;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.space.SpaceSpec;
import dev.ridgeline.search.space.Spaces;
import dev.ridgeline.search.strategy.Shard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own network swept: the ONNX export of MobileNetV2, its stages from the exporter's scopes. */
class OnnxMobileNetV2SweepTest {
    private static final Path FILE = Path.of("reference/models/mobilenet_v2.onnx");

    private static Path file() {
        if (!Files.isRegularFile(FILE)) {
            fail(FILE.toAbsolutePath()
                    + " is missing: it is part of the repository (see reference/models/README.md);"
                    + " restore it with git checkout -- reference/models");
        }
        return FILE;
    }

    @Test
    void residualAddsCoupleTheirInputsIntoOneChannelGroup() {
        Model m = ModelLoader.load(file().toString());
        ChannelGroups g = ChannelGroups.analyze(m);
        List<Node> adds = m.nodes().stream().filter(n -> n.op() instanceof Add).toList();
        assertEquals(10, adds.size(), "MobileNetV2 has ten residual connections");
        for (Node add : adds) {
            int[] a = g.groupsOfTensor(add.inputs().get(0));
            int[] b = g.groupsOfTensor(add.inputs().get(1));
            assertEquals(1, a.length);
            assertEquals(a[0], b[0], add.name() + " adds " + add.inputs());
        }
        // stage 4 (features.4 to .6) shares one projection width across its blocks
        ChannelGroups.Group stage4 = g.groups().get(g.groupOfSource("/features/features.4/conv/conv.2/Conv"));
        assertEquals(List.of("/features/features.4/conv/conv.2/Conv", "/features/features.5/conv/conv.2/Conv",
                "/features/features.6/conv/conv.2/Conv"), stage4.members());
        assertEquals(32, stage4.baseChannels());
        assertTrue(g.groups().get(g.groupOfSource("/classifier/classifier.1/Gemm")).fixed());
    }

    @Test
    void widthsOnEveryStageGiveValidNetworks() {
        Model m = ModelLoader.load(file().toString());
        ResolvedSpace space = SpaceBuilder.build(m, new SpaceSpec(List.of(Spaces.widths(Spaces.stages("*"), 0.5,
                1.0)), List.of(), List.of(), null));
        List<String> knobs = space.space().knobs().stream().map(k -> k.name()).toList();
        assertTrue(knobs.contains("width:features.0") && knobs.contains("width:features.18"), knobs.toString());
        assertTrue(space.space().knobs().stream().allMatch(k -> k.target() instanceof KnobTarget.Width));
        int[] half = new int[space.space().knobCount()];
        Model thin = new DesignApplier(space).apply(half);
        CostReport base = Counter.count(ShapeInference.infer(m, 1), Convention.MACS, 4);
        CostReport r = Counter.count(ShapeInference.infer(thin, 1), Convention.MACS, 4);
        assertTrue(r.totals().macs() < base.totals().macs() / 2, "half the widths: " + r.totals().macs());
        assertEquals(m.nodes().size(), thin.nodes().size());
        assertEquals(m.nodes().get(5).name(), thin.nodes().get(5).name(), "the user's names survive");
    }

    @Test
    void aJobOnTheOnnxFileSweeps(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, String.join("\n",
                "model: " + file().toAbsolutePath(),
                "input: 3x224x224",
                "space:",
                "  width: {stages: [features.1, features.2, features.4], multipliers: [0.5, 1.0]}",
                "  kernel: {layers: [\"/features/features.2/conv/conv.1/conv.1.0/Conv\"], choices: [3, 5]}",
                "budgets: {params: {max: 100%}}",
                "objectives: [{metric: params, goal: min}, {metric: macs, goal: max}]",
                "strategy: exhaustive", ""));
        Job j = JobReader.read(job);
        assertEquals(3_487_816, (long) j.baseMetrics()[Metric.PARAMS.ordinal()]);
        SweepResult r = SweepRunner.run(j, Shard.ALL, true, 2, p -> { });
        assertEquals(16, r.evaluated(), "2 x 2 x 2 widths x 2 kernels");
        assertFalse(r.front().isEmpty());
        double[] metrics = r.points().orElseThrow().metrics();
        boolean baseFound = false;
        for (int i = 0; i < r.evaluated(); i++) {
            baseFound |= metrics[i * Metric.COUNT + Metric.MACS.ordinal()] == 300_774_272.0
                    && metrics[i * Metric.COUNT + Metric.PARAMS.ordinal()] == 3_487_816.0;
        }
        assertTrue(baseFound, "the base design is a point of the sweep, with the exact figures");
    }
}
