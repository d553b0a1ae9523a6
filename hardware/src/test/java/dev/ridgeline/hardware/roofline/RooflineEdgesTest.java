package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.hardware.device.DeviceClass;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.FigureStatus;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The roofline's rules at their edges (docs/hardware.md): a fused kernel moves its head's reads and its last
 * member's writes, wherever the group sits in the model; an engine the device has no peak for is refused; an
 * output exactly the size of the on-chip buffer stays on chip; only the reads of the previous layer's output are
 * served from it.
 */
class RooflineEdgesTest {
    private static final Shape MAP = Shape.of(1, 16, 8, 8); // 1,024 elements, 2,048 bytes at FP16

    private static DeviceProfile device(double onChipBytes, PrecisionPeak peak) {
        return new DeviceProfile("t", "test", DeviceClass.GPU, Map.of(Precision.FP16, peak), 1e11,
                FigureStatus.DERIVED, 0, onChipBytes, 1.0, 1.0, 0, "test", Fusion.ENGINE);
    }

    private static final PrecisionPeak VECTOR = new PrecisionPeak(Double.NaN, 1e12, Engine.VECTOR,
            FigureStatus.DERIVED, "t");

    @Test
    void aLaterGroupMovesItsHeadsReadsAndItsTailsWrites() {
        // conv a (+ relu) then conv b + bn + relu: the second group does not start at layer 0
        Model model = Model.builder("two").input("input", MAP)
                .add(new Node("a", Layers.conv3x3(16, 16, 1), List.of("input")))
                .add(new Node("ra", Activation.relu(), List.of("a")))
                .add(new Node("b", Layers.conv3x3(16, 16, 1), List.of("ra")))
                .add(new Node("bn", new BatchNorm(16, true), List.of("b")))
                .add(new Node("rb", Activation.relu(), List.of("bn")))
                .build();
        LatencyReport r = Roofline.time(Layers.count(model, 1, Precision.FP16), device(0, VECTOR),
                RooflineOptions.of(Precision.FP16));
        long weights = 16L * 16 * 9 * 2; // 4,608 bytes
        long map = 1_024L * 2;
        assertEquals(map + weights + map, r.layers().get(0).bytes(), "a reads the input and its weights, ra writes");
        assertEquals(map + weights + map, r.layers().get(2).bytes(), "b reads ra's output, rb writes; BN folded");
        assertEquals(Bound.FUSED, r.layers().get(4).bound());
        assertEquals("b", r.layers().get(4).fusedInto());
    }

    @Test
    void aFusedAddReadsItsOtherOperandAtThatOperandsSize() {
        // conv then an add of a per-channel 1x16x1x1 input: the add runs in the conv's kernel and reads 16 values
        Model model = Model.builder("bias").input("input", MAP).input("shift", Shape.of(1, 16, 1, 1))
                .add(new Node("a", Layers.conv3x3(16, 16, 1), List.of("input")))
                .add(new Node("sum", new Add(), List.of("a", "shift")))
                .build();
        LatencyReport r = Roofline.time(Layers.count(model, 1, Precision.FP16), device(0, VECTOR),
                RooflineOptions.of(Precision.FP16));
        assertEquals(Bound.FUSED, r.layers().get(1).bound());
        assertEquals(2_048 + 4_608 + 16 * 2 + 2_048, r.layers().get(0).bytes(),
                "input and weights, the 16-value operand, the sum's output");
    }

    @Test
    void anEngineTheDeviceHasNoPeakForIsRefusedAndOneItHasIsUsed() {
        Model model = Layers.single(MAP, Layers.conv3x3(16, 16, 1));
        var counted = Layers.count(model, 1, Precision.FP16);
        BadInputException e = assertThrows(BadInputException.class, () -> Roofline.time(counted, device(0, VECTOR),
                new RooflineOptions(Precision.FP16, Optional.of(Engine.MATRIX), false)));
        assertTrue(e.getMessage().contains("device 't' gives no matrix peak for fp16"), e.getMessage());
        PrecisionPeak both = new PrecisionPeak(4e12, 1e12, Engine.MATRIX, FigureStatus.DERIVED, "t");
        LatencyReport vector = Roofline.time(counted, device(0, both),
                new RooflineOptions(Precision.FP16, Optional.of(Engine.VECTOR), false));
        assertEquals(1e12, vector.peakOpsPerSecond());
        assertEquals(Engine.VECTOR, vector.engine());
        LatencyReport matrix = Roofline.time(counted, device(0, both), RooflineOptions.of(Precision.FP16));
        assertEquals(4e12, matrix.peakOpsPerSecond(), "the preset's own engine");
        PrecisionPeak matrixOnly = new PrecisionPeak(4e12, Double.NaN, Engine.MATRIX, FigureStatus.DERIVED, "t");
        BadInputException v = assertThrows(BadInputException.class, () -> Roofline.time(counted,
                device(0, matrixOnly), new RooflineOptions(Precision.FP16, Optional.of(Engine.VECTOR), false)));
        assertTrue(v.getMessage().contains("gives no vector peak"), v.getMessage());
    }

    @Test
    void onChipReuseTakesAnOutputExactlyTheBuffersSizeAndOnlyReadsOfThePreviousLayer() {
        // a, then an add of a and the model input: only the read of a is served on chip
        Model model = Model.builder("join").input("input", MAP)
                .add(new Node("a", Layers.conv3x3(16, 16, 1), List.of("input")))
                .add(new Node("sum", new Add(), List.of("a", "input")))
                .build();
        var counted = Layers.count(model, 1, Precision.FP16);
        RooflineOptions reuse = new RooflineOptions(Precision.FP16, Optional.empty(), true)
                .withFusion(Optional.of(Fusion.NONE));
        RooflineOptions plain = RooflineOptions.of(Precision.FP16).withFusion(Optional.of(Fusion.NONE));
        long without = Roofline.time(counted, device(2_048, VECTOR), plain).layers().get(1).bytes();
        assertEquals(3 * 2_048, without, "two operands read, one output written");
        assertEquals(without - 2_048, Roofline.time(counted, device(2_048, VECTOR), reuse).layers().get(1).bytes(),
                "a's 2,048-byte output fits a 2,048-byte buffer exactly");
        assertEquals(without, Roofline.time(counted, device(2_047, VECTOR), reuse).layers().get(1).bytes(),
                "one byte less and it does not");
        assertEquals("compute", Bound.COMPUTE.id());
    }
}
