package dev.ridgeline.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.space.SpaceSpec;
import dev.ridgeline.search.space.Spaces;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a device whose runtime keeps weights on chip (the Coral Edge TPU, 8 MB) a layer's time depends on the weights
 * before it: latency is the whole design's, every other metric the compiled evaluator's (docs/hardware.md, the
 * weight cache). ResNet-18 at INT8 holds 11.7 MB of weights, so the cache matters.
 */
class WholeDesignLatencyTest {
    private static final MeasureSetup CORAL = new MeasureSetup(Convention.MACS, 1, Precision.INT8,
            Devices.preset("coral-edge-tpu"));

    private static ResolvedSpace space() {
        return SpaceBuilder.build(Zoo.load("resnet18"), new SpaceSpec(List.of(
                Spaces.widths(Spaces.stages("layer3", "layer4"), 0.5, 0.75, 1.0)), List.of(), List.of(), null));
    }

    @Test
    void latencyIsTheWholeDesignsWithTheCacheAndTheOtherMetricsTheCompiledOnes() {
        ResolvedSpace space = space();
        assertTrue(WholeDesignLatency.needed(CORAL));
        MeasureSetup plain = WholeDesignLatency.withoutWeightCache(CORAL);
        assertFalse(WholeDesignLatency.needed(plain), "the same chip without its cache");
        assertEquals(CORAL.device().runtime().id(), plain.device().runtime().id());
        CompiledEvaluator rest = EvaluatorCompiler.compile(space, plain);
        WholeDesignLatency evaluator = WholeDesignLatency.of(space, CORAL, rest);
        assertSame(rest.space(), evaluator.space());
        ReferenceEvaluator reference = new ReferenceEvaluator(space, CORAL);
        boolean cacheMatters = false;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                int[] choices = {a, b};
                double[] actual = new double[Metric.COUNT];
                double[] expected = new double[Metric.COUNT];
                double[] compiled = new double[Metric.COUNT];
                evaluator.evaluate(choices, actual);
                reference.evaluate(choices, expected);
                rest.evaluate(choices, compiled);
                double latency = actual[Metric.LATENCY_SECONDS.ordinal()];
                assertEquals(expected[Metric.LATENCY_SECONDS.ordinal()], latency, 0.0, a + "," + b);
                cacheMatters |= Math.abs(compiled[Metric.LATENCY_SECONDS.ordinal()] - latency) > 1e-9 * latency;
                for (Metric m : List.of(Metric.PARAMS, Metric.MACS, Metric.FLOPS, Metric.WEIGHT_BYTES,
                        Metric.PEAK_ACTIVATION_BYTES)) {
                    assertEquals(compiled[m.ordinal()], actual[m.ordinal()], 0.0, m.id() + " at " + a + "," + b);
                }
                double[] walked = new double[Metric.COUNT];
                evaluator.sequential().evaluate(choices, 0, walked);
                org.junit.jupiter.api.Assertions.assertArrayEquals(actual, walked, "one point at a time");
                double[] lean = new double[Metric.COUNT];
                evaluator.withoutPeakMemory().evaluate(choices, lean);
                assertTrue(Double.isNaN(lean[Metric.PEAK_ACTIVATION_BYTES.ordinal()]));
                assertEquals(latency, lean[Metric.LATENCY_SECONDS.ordinal()], 0.0);
            }
        }
        assertTrue(cacheMatters, "the weight cache changes some design's latency");
    }

    @Test
    void theFusionTimedIsTheOneAskedForElseTheDevicesAndNoneWithoutADevice() {
        assertEquals(CORAL.device().fusion(), CORAL.effectiveFusion());
        for (Fusion f : Fusion.values()) {
            MeasureSetup asked = CORAL.withFusion(java.util.Optional.of(f));
            assertEquals(f, asked.effectiveFusion());
            assertEquals(java.util.Optional.of(f), asked.rooflineOptions().fusion());
            assertEquals(CORAL.device(), asked.device());
        }
        MeasureSetup none = new MeasureSetup(Convention.MACS, 1, Precision.INT8, null);
        assertEquals(Fusion.NONE, none.effectiveFusion());
        assertEquals(Fusion.ENGINE, none.withFusion(java.util.Optional.of(Fusion.ENGINE)).effectiveFusion());
    }

    @Test
    void aDeviceWithoutACacheIsRefusedHereAndACachingOneByTheCompiler() {
        ResolvedSpace space = space();
        MeasureSetup t4 = new MeasureSetup(Convention.MACS, 1, Precision.INT8, Devices.preset("t4"));
        MeasureSetup none = new MeasureSetup(Convention.MACS, 1, Precision.INT8, null);
        assertFalse(WholeDesignLatency.needed(t4));
        assertFalse(WholeDesignLatency.needed(none));
        CompiledEvaluator compiled = EvaluatorCompiler.compile(space, t4);
        String m = assertThrows(IllegalArgumentException.class, () -> WholeDesignLatency.of(space, t4, compiled))
                .getMessage();
        assertEquals("device t4 does not cache weights: use the compiled evaluator", m);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WholeDesignLatency.of(space, none, compiled))
                .getMessage().startsWith("device none "));
        String refused = assertThrows(BadInputException.class, () -> EvaluatorCompiler.compile(space, CORAL))
                .getMessage();
        assertTrue(refused.contains("device 'coral-edge-tpu'") && refused.contains("strategy exhaustive"), refused);
        String refusal = WholeDesignLatency.refusal(CORAL);
        assertTrue(refusal.contains("'coral-edge-tpu'") && refusal.contains("keeps the first "
                + Math.round(CORAL.device().runtime().weightCacheBytes()) + " bytes"), refusal);
    }
}
