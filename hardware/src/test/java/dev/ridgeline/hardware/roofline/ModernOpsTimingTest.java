package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.StochasticDepth;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Device operations and bytes of the layer norm, layer scale, split and stochastic depth, by hand. */
class ModernOpsTimingTest {
    private static final Shape MAP = Shape.of(1, 64, 56, 56);
    private static final long ELEMENTS = 64L * 56 * 56; // 200,704 in 3,136 positions

    private static LayerTiming time(dev.ridgeline.core.op.Op op) {
        return Layers.timeOne(Layers.single(MAP, op), 1, Devices.preset("h100-sxm"), Precision.FP16);
    }

    @Test
    void layerNormIsSevenPerElementAffineAndFourPerNormalizedRow() {
        LayerTiming t = time(new LayerNorm(64, LayerNorm.Axis.CHANNELS, true));
        assertEquals(7 * ELEMENTS + 4 * 3136, t.ops());
        assertEquals(2 * (ELEMENTS + 128 + ELEMENTS), t.bytes(), "input, weight and bias, output at 2 bytes");
        assertEquals(5 * ELEMENTS + 4 * 3136, time(new LayerNorm(64, LayerNorm.Axis.CHANNELS, false)).ops());
    }

    @Test
    void aLayerScaleIsOneMultiplyPerElement() {
        LayerTiming t = time(new Scale(64));
        assertEquals(ELEMENTS, t.ops());
        assertEquals(2 * (ELEMENTS + 64 + ELEMENTS), t.bytes());
    }

    @Test
    void splitPartsAndStochasticDepthAreFreeViews() {
        assertEquals(0, time(new Split(1, List.of(32, 32), 1)).ops());
        assertEquals(0, time(new Split(1, List.of(32, 32), 1)).bytes());
        assertEquals(0, time(new StochasticDepth(0.1, StochasticDepth.Mode.ROW)).bytes());
    }

    @Test
    void threeDimensionalWindowsCostTheirKernelVolume() {
        // a 2x2x2 max pool, stride 2, over 1 x 3 x 4 x 4 x 4: 24 outputs, 7 comparisons each
        dev.ridgeline.core.op.Window cube = new dev.ridgeline.core.op.Window(2, 2, 2, 2, 1, 1,
                dev.ridgeline.core.op.Padding.NONE, new dev.ridgeline.core.op.Depth(2, 2, 1, 0, 0));
        Shape volume = Shape.of(1, 3, 4, 4, 4);
        LayerTiming pool = Layers.timeOne(Layers.single(volume, new dev.ridgeline.core.op.Pool2d(true, cube, false,
                true)), 1, Devices.preset("h100-sxm"), Precision.FP16);
        assertEquals(24L * 7, pool.ops());
        // a 3 -> 2 channel conv of that window, no bias: 2 per MAC, 16 outputs x 3 x 8 MACs
        LayerTiming conv = Layers.timeOne(Layers.single(volume, new dev.ridgeline.core.op.Conv2d(3, 2, cube, 1, false)),
                1, Devices.preset("h100-sxm"), Precision.FP16);
        assertEquals(2L * 16 * 3 * 8, conv.ops());
    }
}
