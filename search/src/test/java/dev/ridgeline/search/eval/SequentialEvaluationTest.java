package dev.ridgeline.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sequential (incremental) evaluation gives what full evaluation gives, point by point. */
class SequentialEvaluationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mobilenet_v2", "resnet50", "vgg16"})
    void walkingTheSpaceInOrderMatchesEvaluatingEachPointAfresh(String model) {
        ResolvedSpace space = SpaceBuilder.build(Zoo.load(model), CompiledEvaluatorAgreementTest.spaceFor(model));
        CompiledEvaluator evaluator = EvaluatorCompiler.compile(space, new MeasureSetup(Convention.PTFLOPS, 1,
                Precision.FP16, Devices.preset("h100-sxm")));
        DesignSpace s = space.space();
        PointEvaluator.Sequential sequential = evaluator.sequential();
        SplittableRandom random = new SplittableRandom(11);
        int[] choices = new int[s.knobCount()];
        double[] expected = new double[Metric.COUNT];
        double[] actual = new double[Metric.COUNT];
        int changed = 0;
        for (int step = 0; step < 200_000; step++) {
            if (step % 20_000 == 0) { // jump somewhere else now and then, as a new chunk of a sweep would
                for (int k = 0; k < choices.length; k++) {
                    choices[k] = random.nextInt(s.choices(k));
                }
                changed = 0;
            }
            sequential.evaluate(choices, changed, actual);
            evaluator.evaluate(choices, expected);
            for (Metric m : Metric.values()) {
                double tolerance = m == Metric.LATENCY_SECONDS ? Math.abs(expected[m.ordinal()]) * 1e-12 : 0;
                int at = step;
                assertEquals(expected[m.ordinal()], actual[m.ordinal()], tolerance,
                        () -> m.id() + " at step " + at + " " + Arrays.toString(choices));
            }
            changed = s.next(choices);
            if (changed < 0) {
                Arrays.fill(choices, 0);
                changed = 0;
            }
        }
    }
}
