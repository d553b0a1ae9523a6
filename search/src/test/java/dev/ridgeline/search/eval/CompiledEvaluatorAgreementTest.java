package dev.ridgeline.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.space.SpaceSpec;
import dev.ridgeline.search.space.Spaces;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compiled evaluator against the full core + hardware path on random points. */
class CompiledEvaluatorAgreementTest {

    static SpaceSpec spaceFor(String model) {
        return switch (model) {
            case "mobilenet_v2" -> new SpaceSpec(Spaces.mobilenetExample().widths(), Spaces.mobilenetExample().kernels(),
                    Spaces.mobilenetExample().separables(), new SpaceSpec.ResolutionSpec(
                            java.util.List.of(new int[] {160, 160}, new int[] {224, 224}), "job.yaml:1:1"));
            case "vgg16" -> Spaces.rich(true);
            default -> Spaces.rich(false);
        };
    }

    @ParameterizedTest(name = "{0}, {1} on {2} at {3}, batch {4}, fusion {6}")
    @CsvSource({
        "resnet50,     ptflops, a100-sxm-80gb,        fp16, 1, 10000, engine",
        "resnet50,     ptflops, a100-sxm-80gb,        fp16, 1, 3000,  none",
        "mobilenet_v2, macs,    jetson-orin-nano-8gb, fp16, 1, 10000, engine",
        "mobilenet_v2, macs,    jetson-orin-nano-8gb, fp16, 1, 3000,  none",
        "vgg16,        fvcore,  jetson-nano,          fp32, 2, 10000, engine",
        "googlenet,    onnx-tool, t4,                 int8, 1, 500,   engine",
        "resnet18,     macs,    xeon-8480,            fp32, 1, 3000,  engine",
        "shufflenet_v2_x1_0, onnx-tool, t4,           fp16, 1, 1000,  engine",
        "convnext_tiny, fvcore, a100-sxm-80gb,        fp16, 1, 300,   engine",
    })
    void agreesWithTheReferencePathOnRandomPoints(String model, String convention, String device, String precision,
                                                  int batch, int points, String fusion) {
        ResolvedSpace space = SpaceBuilder.build(Zoo.load(model), spaceFor(model));
        MeasureSetup setup = new MeasureSetup(Convention.byId(convention).orElseThrow(), batch,
                Precision.byId(precision).orElseThrow(), Devices.preset(device),
                java.util.Optional.of(Fusion.byId(fusion).orElseThrow()));
        CompiledEvaluator fast = EvaluatorCompiler.compile(space, setup);
        ReferenceEvaluator slow = new ReferenceEvaluator(space, setup);
        SplittableRandom random = new SplittableRandom(model.hashCode());
        int[] choices = new int[space.space().knobCount()];
        double[] expected = new double[Metric.COUNT];
        double[] actual = new double[Metric.COUNT];
        for (int trial = 0; trial < points; trial++) {
            for (int k = 0; k < choices.length; k++) {
                choices[k] = random.nextInt(space.space().choices(k));
            }
            slow.evaluate(choices, expected);
            fast.evaluate(choices, actual);
            String point = Arrays.toString(choices);
            for (Metric m : new Metric[] {Metric.PARAMS, Metric.MACS, Metric.FLOPS, Metric.WEIGHT_BYTES,
                    Metric.PEAK_ACTIVATION_BYTES}) {
                assertEquals(expected[m.ordinal()], actual[m.ordinal()], 0.0, () -> m.id() + " at " + point);
            }
            double latency = expected[Metric.LATENCY_SECONDS.ordinal()];
            assertEquals(latency, actual[Metric.LATENCY_SECONDS.ordinal()], latency * 1e-9, () -> "latency at " + point);
        }
    }
}
