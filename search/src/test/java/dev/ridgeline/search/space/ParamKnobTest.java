package dev.ridgeline.search.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.ReferenceEvaluator;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.job.StrategySpec;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.strategy.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The param knob: each choice is the family member torchvision's constructor builds. */
class ParamKnobTest {
    @TempDir
    Path dir;

    Job job(String space) throws IOException {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, "model: mobilenet_v2\nhardware: t4\nprecision: fp16\nspace:\n" + space
                + "objectives: [{metric: latencySeconds, goal: min}, {metric: macs, goal: max}]\n");
        return JobReader.read(file);
    }

    /** params and MACs of mobilenet_v2(width_mult=W) at 224, from reference/families/torchvision-families.csv. */
    static Map<String, long[]> reference() throws IOException {
        Map<String, long[]> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("reference/families/torchvision-families.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals("mobilenet_v2") && f[2].equals("224")) {
                out.put(f[1].replace("width_mult=", ""), new long[] {Long.parseLong(f[4]), Long.parseLong(f[5])});
            }
        }
        return out;
    }

    @Test
    void everyChoiceIsTorchvisionsFamilyMemberAndTheCompiledEvaluatorAgrees() throws IOException {
        Job job = job("  param: {name: width_mult, choices: [0.35, 0.5, 0.75, 1.0, 1.4]}\n"
                + "  resolution: {choices: [160, 224]}\n");
        ResolvedSpace space = job.resolveSpace();
        assertEquals(List.of("param:width_mult", "resolution"), space.space().knobs().stream().map(Knob::name).toList());
        CompiledEvaluator compiled = EvaluatorCompiler.compile(space, job.setup());
        ReferenceEvaluator reference = new ReferenceEvaluator(space, job.setup());
        Map<String, long[]> torchvision = reference();
        double[] fast = new double[Metric.COUNT];
        double[] slow = new double[Metric.COUNT];
        for (int w = 0; w < 5; w++) {
            for (int r = 0; r < 2; r++) {
                int[] point = {w, r};
                compiled.evaluate(point, fast);
                reference.evaluate(point, slow);
                for (Metric m : List.of(Metric.PARAMS, Metric.MACS, Metric.FLOPS, Metric.PEAK_ACTIVATION_BYTES)) {
                    assertEquals(slow[m.ordinal()], fast[m.ordinal()], m + " at " + w + "," + r);
                }
                assertEquals(slow[Metric.LATENCY_SECONDS.ordinal()], fast[Metric.LATENCY_SECONDS.ordinal()],
                        1e-12 * slow[Metric.LATENCY_SECONDS.ordinal()]);
                if (r == 1) {
                    long[] expected = torchvision.get(space.space().knobs().get(0).labels().get(w));
                    assertEquals(expected[0], (long) fast[Metric.PARAMS.ordinal()], "params at width " + w);
                    assertEquals(expected[1], (long) fast[Metric.MACS.ordinal()], "MACs at width " + w);
                }
            }
        }
    }

    @Test
    void theExactStrategyFindsTheExhaustiveFront() throws IOException {
        Job job = job("  param: {name: width_mult, choices: [0.35, 0.5, 0.75, 1.0]}\n"
                + "  resolution: {choices: [128, 160, 192, 224]}\n");
        List<ParetoPoint> all = SweepRunner.run(job, Shard.ALL, false, 1, p -> { }).front();
        List<ParetoPoint> exact = SweepRunner.run(job.withStrategy(new StrategySpec.Exact(0, 1_000_000)),
                Shard.ALL, false, 1, p -> { }).front();
        assertEquals(all.size(), exact.size());
        assertTrue(all.size() > 2, "a front, not a single point");
        for (int i = 0; i < all.size(); i++) {
            assertArrayEquals(all.get(i).choices(), exact.get(i).choices());
        }
    }

    @Test
    void aParameterTheModelLacksIsNamedWithTheOnesItHas() throws IOException {
        Job job = job("  param: {name: width, choices: [0.5]}\n");
        BadInputException e = assertThrows(BadInputException.class, job::resolveSpace);
        assertTrue(e.getMessage().contains("job.yaml:5:") && e.getMessage().contains("no parameter 'width'")
                && e.getMessage().contains("width_mult"), e.getMessage());
    }

    @Test
    void aParamKnobBesideAWidthKnobIsRefused() throws IOException {
        Job job = job("  param: {name: width_mult, choices: [0.5, 1.0]}\n"
                + "  width: {stages: \"*\", multipliers: [0.5, 1.0]}\n");
        BadInputException e = assertThrows(BadInputException.class, job::resolveSpace);
        assertTrue(e.getMessage().contains("combines with resolution and other param knobs only"), e.getMessage());
    }
}
