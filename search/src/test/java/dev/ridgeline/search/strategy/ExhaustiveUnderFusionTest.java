package dev.ridgeline.search.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.MeasureSetup;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.eval.ReferenceEvaluator;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.space.SpaceSpec;
import dev.ridgeline.search.space.Spaces;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** An exhaustive sweep under engine fusion gives every point the reference path's latency. */
class ExhaustiveUnderFusionTest {
    private static Map<Long, Double> sweep(PointEvaluator evaluator) {
        Map<Long, Double> latency = new ConcurrentHashMap<>();
        Exhaustive.withDefaults().withThreads(2).withChunkPoints(7).run(evaluator, PointFilter.ACCEPT_ALL,
                Shard.ALL, () -> (index, choices, metrics) -> latency.put(index,
                        metrics[Metric.LATENCY_SECONDS.ordinal()]), (a, b) -> a);
        return latency;
    }

    @Test
    void everyPointsLatencyIsTheReferencePathsUnderEngineFusion() {
        SpaceSpec spec = new SpaceSpec(List.of(Spaces.widths(Spaces.stages("layer3", "layer4"), 0.5, 1.0)),
                List.of(new SpaceSpec.KernelSpec(Spaces.stages("layer4"), List.of(3, 5))),
                List.of(new SpaceSpec.SeparableSpec(Spaces.stages("layer3"), List.of(false, true))), null);
        ResolvedSpace space = SpaceBuilder.build(Zoo.load("resnet18"), spec);
        MeasureSetup setup = new MeasureSetup(Convention.MACS, 1, Precision.FP32, Devices.preset("xeon-8480"),
                Optional.of(Fusion.ENGINE));
        Map<Long, Double> fast = sweep(EvaluatorCompiler.compile(space, setup));
        Map<Long, Double> slow = sweep(new ReferenceEvaluator(space, setup));
        assertEquals(space.space().size().longValueExact(), fast.size());
        assertTrue(fast.size() >= 8, "a space with several points: " + fast.size());
        for (Map.Entry<Long, Double> e : slow.entrySet()) {
            double expected = e.getValue();
            assertEquals(expected, fast.get(e.getKey()), expected * 1e-9, "point " + e.getKey());
        }
        MeasureSetup none = setup.withFusion(Optional.of(Fusion.NONE));
        Map<Long, Double> unfused = sweep(new ReferenceEvaluator(space, none));
        assertTrue(unfused.get(0L) > slow.get(0L), "fusion saves time on every point");
    }
}
