package dev.ridgeline.search.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.search.accuracy.AccuracyPredictor;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Terms}, the evaluator taken apart for the exact solver and the prune planner (its class comment: "anything
 * built on them agrees with it to the last bit"): a point's additive figures are the sums of its layers' terms in any
 * order, to the last bit, and its peak memory is the largest step's sum of live buffers.
 */
class TermsTest {
    private static final Metric[] ADDITIVE = {Metric.PARAMS, Metric.MACS, Metric.FLOPS, Metric.WEIGHT_BYTES,
        Metric.LATENCY_SECONDS};

    @TempDir
    Path dir;

    @Test
    void everyFigureIsTheSumOfItsTermsInAnyOrderAndPeakIsTheLargestStepsLiveBytes() {
        // MobileNetV2's example space: widths, kernels, separable stages and two resolutions (several plans)
        ResolvedSpace space = SpaceBuilder.build(Zoo.load("mobilenet_v2"),
                CompiledEvaluatorAgreementTest.spaceFor("mobilenet_v2"));
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, new MeasureSetup(Convention.MACS, 1,
                Precision.FP16, Devices.preset("jetson-orin-nano-8gb")));
        assertTrue(evaluator.planCount() > 1, "separable knobs select among plans: " + evaluator.planCount());
        SplittableRandom random = new SplittableRandom(5);
        int[] choices = new int[space.space().knobCount()];
        double[] metrics = new double[Metric.COUNT];
        for (int trial = 0; trial < 300; trial++) {
            for (int k = 0; k < choices.length; k++) {
                choices[k] = random.nextInt(space.space().choices(k));
            }
            evaluator.evaluate(choices, metrics);
            Terms terms = Terms.of(evaluator, choices);
            String point = Arrays.toString(choices);
            for (Metric m : ADDITIVE) {
                double forward = 0;
                for (int layer = 0; layer < terms.layers(); layer++) {
                    forward += terms.value(layer, entry(terms.knobs(layer), choices, space), m);
                }
                double backward = 0;
                for (int layer = terms.layers() - 1; layer >= 0; layer--) {
                    backward += terms.value(layer, entry(terms.knobs(layer), choices, space), m);
                }
                assertEquals(metrics[m.ordinal()], forward, 0.0, () -> m.id() + " forward at " + point);
                assertEquals(metrics[m.ordinal()], backward, 0.0, () -> m.id() + " backward at " + point);
            }
            double peak = 0;
            for (int step = 0; step < terms.steps(); step++) {
                double live = 0;
                for (int b : terms.live(step)) {
                    live += terms.bufferBytes(b, entry(terms.bufferKnobs(b), choices, space));
                }
                peak = Math.max(peak, live);
            }
            assertEquals(metrics[Metric.PEAK_ACTIVATION_BYTES.ordinal()], peak, 0.0, () -> "peak at " + point);
        }
    }

    @Test
    void aTermsTableHasAnEntryPerCombinationOfItsKnobsAndPeakIsNotATerm() {
        ResolvedSpace space = SpaceBuilder.build(Zoo.load("mobilenet_v2"),
                CompiledEvaluatorAgreementTest.spaceFor("mobilenet_v2"));
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, new MeasureSetup(Convention.MACS, 1,
                Precision.FP16, null));
        Terms terms = evaluator.terms(0);
        for (int layer = 0; layer < terms.layers(); layer++) {
            int combinations = 1;
            int[] knobs = terms.knobs(layer);
            for (int i = 0; i < knobs.length; i++) {
                combinations *= space.space().choices(knobs[i]);
                assertTrue(i == 0 || knobs[i - 1] < knobs[i], "ascending knobs " + Arrays.toString(knobs));
            }
            assertEquals(combinations, terms.entries(layer), "layer " + layer + " over " + Arrays.toString(knobs));
            // without a device there is no latency, and accuracy without a predictor is unknown
            assertTrue(Double.isNaN(terms.value(layer, 0, Metric.LATENCY_SECONDS)));
            assertTrue(Double.isNaN(terms.value(layer, 0, Metric.ACCURACY)));
            assertEquals(terms.value(layer, 0, Metric.PARAMS) * 2, terms.value(layer, 0, Metric.WEIGHT_BYTES), 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> terms.value(0, 0, Metric.PEAK_ACTIVATION_BYTES));
        assertEquals(evaluator.compiledLayers(), java.util.stream.IntStream.range(0, evaluator.planCount())
                .map(p -> evaluator.terms(p).layers()).sum());
    }

    @Test
    void anInputLargerThanEveryActivationSetsThePeakAtEachResolutionAndPrecision() throws IOException {
        // a 1x1 conv of stride 4 to one channel: while it runs, its input (3xRxR) and output (1 x R/4 x R/4) are
        // live, and nothing later is larger; the resolution is the space's only knob, knob 0
        Files.writeString(dir.resolve("squeeze.yaml"), "name: squeeze\ninput: 3x64x64\nlayers:\n"
                + "  - conv: {name: c, out: 1, kernel: 1, stride: 4}\n");
        for (String precision : new String[] {"fp16", "fp32"}) {
            Path job = dir.resolve("job-" + precision + ".yaml");
            Files.writeString(job, "model: squeeze.yaml\nhardware: t4\nprecision: " + precision + "\nbatch: 2\n"
                    + "space:\n  resolution: {choices: [32, 64]}\n"
                    + "objectives: [{metric: latencySeconds, goal: min}, {metric: peakActivationBytes, goal: min}]\n");
            Job j = JobReader.read(job);
            ResolvedSpace space = j.resolveSpace();
            assertEquals(1, space.space().knobCount());
            CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, j.setup());
            ReferenceEvaluator reference = new ReferenceEvaluator(space, j.setup());
            int bytes = precision.equals("fp16") ? 2 : 4;
            double[] metrics = new double[Metric.COUNT];
            double[] expected = new double[Metric.COUNT];
            for (int choice = 0; choice < 2; choice++) {
                int r = choice == 0 ? 32 : 64;
                evaluator.evaluate(new int[] {choice}, metrics);
                reference.evaluate(new int[] {choice}, expected);
                double peak = 2.0 * (3 * r * r + (r / 4) * (r / 4)) * bytes;
                assertEquals(peak, metrics[Metric.PEAK_ACTIVATION_BYTES.ordinal()], 0.0, precision + " at " + r);
                assertEquals(peak, expected[Metric.PEAK_ACTIVATION_BYTES.ordinal()], 0.0, precision + " at " + r);
                assertArrayEquals(new double[] {2.0 * (r / 4) * (r / 4) * 3}, new double[] {
                    metrics[Metric.MACS.ordinal()]}, precision + " at " + r);
            }
        }
    }

    @Test
    void predictedAccuracyIsTheInterceptPlusOneTermPerKnobInTheEvaluatorAndInTheTerms() {
        ResolvedSpace space = SpaceBuilder.build(Zoo.load("mobilenet_v2"),
                CompiledEvaluatorAgreementTest.spaceFor("mobilenet_v2"));
        int knobs = space.space().knobCount();
        double[][] perKnob = new double[knobs][];
        boolean[][] measured = new boolean[knobs][];
        for (int k = 0; k < knobs; k++) {
            perKnob[k] = new double[space.space().choices(k)];
            measured[k] = new boolean[perKnob[k].length];
            for (int c = 0; c < perKnob[k].length; c++) {
                perKnob[k][c] = (k + 1) * c * 0.125 - 0.25; // dyadic: every sum is exact
                measured[k][c] = true;
            }
        }
        AccuracyPredictor predictor = new AccuracyPredictor("by hand", 4, 70, perKnob, measured, 0.1, 0.2,
                java.util.Collections.nCopies(knobs, "one level per choice"));
        CompiledEvaluator plain = EvaluatorCompiler.compile(space, new MeasureSetup(Convention.MACS, 1,
                Precision.FP16, Devices.preset("t4")));
        assertTrue(plain.accuracy().isEmpty());
        CompiledEvaluator evaluator = plain.withAccuracy(predictor);
        assertSame(predictor, evaluator.accuracy().orElseThrow());
        SplittableRandom random = new SplittableRandom(8);
        int[] choices = new int[knobs];
        double[] withAccuracy = new double[Metric.COUNT];
        double[] without = new double[Metric.COUNT];
        for (int trial = 0; trial < 50; trial++) {
            double expected = 70;
            for (int k = 0; k < knobs; k++) {
                choices[k] = random.nextInt(space.space().choices(k));
                expected += (k + 1) * choices[k] * 0.125 - 0.25;
            }
            evaluator.evaluate(choices, withAccuracy);
            plain.evaluate(choices, without);
            assertEquals(expected, withAccuracy[Metric.ACCURACY.ordinal()], 0.0);
            assertTrue(Double.isNaN(without[Metric.ACCURACY.ordinal()]));
            for (Metric m : ADDITIVE) {
                assertEquals(without[m.ordinal()], withAccuracy[m.ordinal()], 0.0, m.id());
            }
            Terms terms = Terms.of(evaluator, choices);
            assertEquals(Terms.of(plain, choices).layers() + knobs + 1, terms.layers(), "a term per knob, one more");
            double sum = 0;
            double params = 0;
            for (int layer = 0; layer < terms.layers(); layer++) {
                int e = entry(terms.knobs(layer), choices, space);
                assertTrue(e < terms.entries(layer));
                sum += terms.value(layer, e, Metric.ACCURACY);
                params += terms.value(layer, e, Metric.PARAMS);
            }
            assertEquals(expected, sum, 0.0);
            assertEquals(without[Metric.PARAMS.ordinal()], params, 0.0, "accuracy terms add no params");
        }
        Terms terms = evaluator.terms(0);
        int first = terms.layers() - knobs - 1;
        assertArrayEquals(new int[] {0}, terms.knobs(first));
        assertEquals(space.space().choices(0), terms.entries(first));
        assertArrayEquals(new int[0], terms.knobs(terms.layers() - 1), "the intercept's term reads no knob");
        assertEquals(1, terms.entries(terms.layers() - 1));
        assertEquals(70, terms.value(terms.layers() - 1, 0, Metric.ACCURACY), 0.0);
        AccuracyPredictor short1 = new AccuracyPredictor("by hand", 4, 70, new double[][] {{0}},
                new boolean[][] {{true}}, 0, 0, List.of("flat"));
        assertThrows(IllegalArgumentException.class, () -> plain.withAccuracy(short1));
    }

    /** The mixed-radix entry of {@code knobs}' choices, the last knob fastest. */
    private static int entry(int[] knobs, int[] choices, ResolvedSpace space) {
        int e = 0;
        for (int k : knobs) {
            e = e * space.space().choices(k) + choices[k];
        }
        return e;
    }
}
