package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.DeviceClass;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.FigureStatus;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fused execution: what a group's head is charged and what its members read. */
class FusionTest {
    private static final Shape MAP = Shape.of(1, 16, 8, 8);
    private static final double OVERHEAD = 2.0e-6;
    private static final DeviceProfile DEVICE = new DeviceProfile("fused", "fused test device", DeviceClass.CPU,
            Map.of(Precision.FP32, new PrecisionPeak(Double.NaN, 1.0e11, Engine.VECTOR, FigureStatus.DERIVED, "t")),
            1.0e10, FigureStatus.DERIVED, 0, 0, 0.5, 0.8, OVERHEAD, "test", Fusion.ENGINE);

    private static Model convBnRelu() {
        return Model.builder("cbr").input("input", MAP)
                .add(new Node("conv", Layers.conv3x3(16, 16, 1), List.of("input")))
                .add(new Node("bn", new BatchNorm(16, true), List.of("conv")))
                .add(new Node("relu", Activation.relu(), List.of("bn")))
                .build();
    }

    private static LatencyReport time(Model model, Fusion fusion) {
        CostReport report = Layers.count(model, 1, Precision.FP32);
        return Roofline.time(report, DEVICE, RooflineOptions.of(Precision.FP32).withFusion(Optional.of(fusion)));
    }

    @Test
    void convBnReluFusesIntoTheConvWithTheConvsBytesAndOverheadAndAllTheOps() {
        CostReport counts = Layers.count(convBnRelu(), 1, Precision.FP32);
        LayerCost conv = counts.layers().get(0);
        LatencyReport unfused = time(convBnRelu(), Fusion.NONE);
        LatencyReport fused = time(convBnRelu(), Fusion.ENGINE);

        LayerTiming head = fused.layers().get(0);
        long allOps = unfused.layers().stream().mapToLong(LayerTiming::ops).sum();
        assertEquals(conv.cost().memoryTrafficBytes(), head.bytes());
        assertEquals(unfused.layers().get(0).ops() + 2 * 16 * 64 + 16 * 64, head.ops(), "conv + bn (2) + relu (1)");
        assertEquals(allOps, head.ops());
        double compute = head.ops() / (0.5 * 1.0e11);
        double memory = head.bytes() / (0.8 * 1.0e10);
        assertEquals(Math.max(compute, memory) + OVERHEAD, head.seconds(), 1e-18);
        assertEquals(head.seconds(), fused.totalSeconds(), 1e-18, "one overhead for the whole chain");
        for (LayerTiming member : fused.layers().subList(1, 3)) {
            assertEquals(Bound.FUSED, member.bound());
            assertEquals("conv", member.fusedInto());
            assertEquals(0, member.seconds());
            assertEquals(0, member.bytes());
        }
        assertEquals(3 * OVERHEAD, unfused.totalSeconds() - unfused.layers().stream()
                .mapToDouble(t -> Math.max(t.computeSeconds(), t.memorySeconds())).sum(), 1e-15);
        assertEquals("", unfused.layers().get(1).fusedInto());
    }

    @Test
    void aResidualAddJoinsTheLaterProducerAndReadsTheOtherOperand() {
        Model model = Model.builder("res").input("input", MAP)
                .add(new Node("conv", Layers.conv3x3(16, 16, 1), List.of("input")))
                .add(new Node("bn", new BatchNorm(16, true), List.of("conv")))
                .add(new Node("add", new Add(), List.of("bn", "input")))
                .add(new Node("relu", Activation.relu(), List.of("add")))
                .build();
        LatencyReport fused = time(model, Fusion.ENGINE);
        long mapBytes = 4L * 16 * 64;
        long convBytes = Layers.count(model, 1, Precision.FP32).layers().get(0).cost().memoryTrafficBytes();
        assertEquals(convBytes + mapBytes, fused.layers().get(0).bytes(), "the conv's traffic and the skip's read");
        assertEquals(List.of("conv", "conv", "conv"), fused.layers().subList(1, 4).stream()
                .map(LayerTiming::fusedInto).toList());
    }

    @Test
    void aLayerWithTwoReadersEndsTheGroup() {
        Model model = Model.builder("fork").input("input", MAP)
                .add(new Node("conv", Layers.conv3x3(16, 16, 1), List.of("input")))
                .add(new Node("relu", Activation.relu(), List.of("conv")))
                .add(new Node("other", Activation.relu(), List.of("conv")))
                .build();
        LatencyReport fused = time(model, Fusion.ENGINE);
        assertTrue(fused.layers().stream().noneMatch(t -> t.bound() == Bound.FUSED));
        assertEquals(time(model, Fusion.NONE).totalSeconds(), fused.totalSeconds(), 1e-18);
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "vgg16", "googlenet"})
    void fusionKeepsEveryOpAndNeverAddsTime(String name) {
        Model model = Zoo.load(name);
        LatencyReport none = time(model, Fusion.NONE);
        LatencyReport engine = time(model, Fusion.ENGINE);
        assertEquals(none.totalOps(), engine.totalOps());
        assertTrue(engine.totalBytes() < none.totalBytes());
        assertTrue(engine.totalSeconds() < none.totalSeconds());
        assertEquals(Fusion.ENGINE, engine.fusion());
    }

    @Test
    void presetsStateTheirFusionAndUserFilesDefaultToNone() {
        for (String id : Devices.presetIds()) {
            assertEquals(Fusion.ENGINE, Devices.preset(id).fusion(), id);
        }
        assertEquals(Fusion.NONE, Layers.device(1e12, 1e11).fusion());
    }
}
