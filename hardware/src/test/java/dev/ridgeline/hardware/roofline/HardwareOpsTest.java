package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.count.LayerFacts;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.AdaptiveAvgPool;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.ReduceMean;
import dev.ridgeline.core.op.Softmax;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operations a device executes per layer ({@link HardwareOps}, the rules of its Javadoc and of
 * docs/hardware.md), each worked out by hand on a 1x4x6x6 map (144 elements).
 */
class HardwareOpsTest {
    private static final Shape MAP = Shape.of(1, 4, 6, 6);

    private static long ops(Op op, Shape output) {
        return HardwareOps.of(LayerFacts.of(op, List.of(MAP), output));
    }

    private static long ops(Op op) {
        return ops(op, MAP);
    }

    @Test
    void convAndLinearAreTwoPerMacPlusABiasAddPerOutput() {
        Shape out = Shape.of(1, 8, 6, 6); // 288 outputs, 4 x 9 = 36 MACs each: 10,368 MACs
        assertEquals(2 * 10_368, ops(new Conv2d(4, 8, Window.square(3, 1, 1), 1, false), out));
        assertEquals(2 * 10_368 + 288, ops(new Conv2d(4, 8, Window.square(3, 1, 1), 1, true), out));
        // a transposed 2x2 stride-2 conv to 1x8x12x12: each input position feeds 8 x 4 outputs from 4 channels
        Shape up = Shape.of(1, 8, 12, 12);
        long macs = 36L * 4 * 8 * 4; // 4,608
        assertEquals(2 * macs, ops(new ConvTranspose2d(4, 8, Window.square(2, 2, 0), 0, 0, 1, false), up));
        assertEquals(2 * macs + 1_152, ops(new ConvTranspose2d(4, 8, Window.square(2, 2, 0), 0, 0, 1, true), up));
        Shape flat = Shape.of(3, 10);
        long linear = HardwareOps.of(LayerFacts.of(new Linear(16, 10, true), List.of(Shape.of(3, 16)), flat));
        assertEquals(2 * 3 * 16 * 10 + 30, linear);
        assertEquals(2 * 3 * 16 * 10,
                HardwareOps.of(LayerFacts.of(new Linear(16, 10, false), List.of(Shape.of(3, 16)), flat)));
        long matmul = HardwareOps.of(LayerFacts.of(new MatMul(), List.of(Shape.of(2, 3, 5), Shape.of(2, 5, 7)),
                Shape.of(2, 3, 7)));
        assertEquals(2 * 2 * 3 * 5 * 7, matmul, "2 per MAC and nothing else");
    }

    @Test
    void normsActivationsAndElementwiseOpsCostTheirPerElementRule() {
        assertEquals(2 * 144, ops(new BatchNorm(4, true)));
        assertEquals(144, ops(Activation.relu()));
        assertEquals(2 * 144, ops(new Activation(ActivationKind.RELU6, false)));
        assertEquals(4 * 144, ops(new Activation(ActivationKind.SIGMOID, false)));
        assertEquals(4 * 144, ops(new Activation(ActivationKind.HARDSIGMOID, false)));
        assertEquals(5 * 144, ops(new Activation(ActivationKind.SILU, false)));
        assertEquals(5 * 144, ops(new Activation(ActivationKind.HARDSWISH, false)));
        assertEquals(8 * 144, ops(new Activation(ActivationKind.GELU, false)));
        assertEquals(5 * 144, ops(new Activation(ActivationKind.TANH, false)));
        assertEquals(2 * 144, ops(Activation.leakyRelu(0.1)));
        assertEquals(2 * 144, ops(Activation.clip(0, 6)));
        assertEquals(144, ops(new Activation(ActivationKind.SQRT, false)));
        assertEquals(144, ops(Elementwise.of(Elementwise.Function.SUB)));
        assertEquals(3 * 144, ops(Elementwise.of(Elementwise.Function.POW)));
        assertEquals(5 * 144, ops(new Softmax(1)));
        assertEquals(144, HardwareOps.of(LayerFacts.of(new Add(), List.of(MAP, MAP), MAP)));
    }

    @Test
    void poolingAndReductionsCountTheirWindowsAndInputs() {
        Shape pooled = Shape.of(1, 4, 3, 3); // 36 outputs
        assertEquals(36 * (9 - 1), ops(Pool2d.max(3, 2, 1), pooled), "kernel area - 1 compares");
        assertEquals(36 * 9, ops(Pool2d.avg(3, 2, 1), pooled), "kernel area adds and a divide");
        Shape one = Shape.of(1, 4, 1, 1);
        assertEquals(144 + 4, ops(new GlobalAvgPool(), one), "an add per input, a divide per output");
        assertEquals(144 + 4, ops(new AdaptiveAvgPool(1, 1), one));
        assertEquals(144 + 4, ops(new ReduceMean(List.of(2, 3), true), one));
    }

    @Test
    void bilinearUpsamplingIsSevenPerOutputAndNearestIsFree() {
        Shape up = Shape.of(1, 4, 12, 12); // 576 outputs
        assertEquals(7 * 576, ops(new Upsample(Upsample.Mode.BILINEAR, 2, 2, 0, 0), up));
        assertEquals(0, ops(new Upsample(Upsample.Mode.NEAREST, 2, 2, 0, 0), up));
    }
}
