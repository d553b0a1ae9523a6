package dev.ridgeline.core.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.AdaptiveAvgPool;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Softmax;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-op rules of docs/conventions.md that the zoo networks do not reach (transposed convs, matmuls,
 * upsampling, layer norms, softmax), each convention's figure worked out by hand from its rule, plus the
 * names a convention reports itself by.
 */
class ConventionRulesTest {
    private static long flops(Convention c, Op op, Shape in, Shape out) {
        return c.flops(LayerFacts.of(op, List.of(in), out));
    }

    /** 2x 2x2 stride-2 transposed conv, 4 -> 8 channels, 1x4x6x6 to 1x8x12x12 (1,152 outputs). */
    @Test
    void aTransposedConvUnderEachConvention() {
        Shape in = Shape.of(1, 4, 6, 6);
        Shape out = Shape.of(1, 8, 12, 12);
        ConvTranspose2d plain = new ConvTranspose2d(4, 8, Window.square(2, 2, 0), 0, 0, 1, false);
        ConvTranspose2d bias = new ConvTranspose2d(4, 8, Window.square(2, 2, 0), 0, 0, 1, true);
        long macs = 36L * 4 * 8 * 4; // each of 36 input positions x 4 channels feeds 8 x 4 outputs: 4,608
        assertEquals(macs, flops(Convention.MACS, plain, in, out));
        assertEquals(2 * macs - 1_152, flops(Convention.SEED, plain, in, out), "n products, n - 1 additions");
        assertEquals(2 * macs, flops(Convention.SEED, bias, in, out), "the bias supplies the missing addition");
        assertEquals(macs, flops(Convention.PTFLOPS, plain, in, out));
        assertEquals(macs + 1_152, flops(Convention.PTFLOPS, bias, in, out));
        assertEquals(1_152L * 4 * 4, flops(Convention.THOP, bias, in, out), "output positions x Cin/g x K");
        assertEquals(1_152L * 8 * 4, flops(Convention.ONNX_TOOL, plain, in, out), "out x Cout/g x K");
        assertEquals(1_152L * 8 * 4 + 1_152, flops(Convention.ONNX_TOOL, bias, in, out));
        assertEquals((4L * 8 * 4 + 8) * 144, flops(Convention.TORCHINFO, bias, in, out), "params x positions");
        assertEquals(2 * macs, flops(Convention.PYTORCH, bias, in, out));
        // in 2 groups: each output sees Cin/g = 2 channels (thop), each input feeds Cout/g = 4 (onnx-tool)
        ConvTranspose2d grouped = new ConvTranspose2d(4, 8, Window.square(2, 2, 0), 0, 0, 2, false);
        assertEquals(1_152L * 2 * 4, flops(Convention.THOP, grouped, in, out));
        assertEquals(1_152L * 4 * 4, flops(Convention.ONNX_TOOL, grouped, in, out));
        assertEquals(macs, flops(Convention.FVCORE, bias, in, out));
    }

    @Test
    void aMatMulAndABiasedLinearUnderEachConvention() {
        LayerFacts mm = LayerFacts.of(new MatMul(), List.of(Shape.of(2, 3, 5), Shape.of(2, 5, 7)), Shape.of(2, 3, 7));
        long macs = 2L * 3 * 5 * 7; // 210, 42 outputs
        assertEquals(2 * macs - 42, Convention.SEED.flops(mm));
        assertEquals(macs, Convention.PTFLOPS.flops(mm));
        assertEquals(macs, Convention.ONNX_TOOL.flops(mm));
        assertEquals(2 * macs, Convention.PYTORCH.flops(mm));
        assertEquals(Convention.NOT_COUNTED, Convention.THOP.flops(mm), "thop has no rule for a functional matmul");
        Shape in = Shape.of(3, 16);
        Shape out = Shape.of(3, 10);
        assertEquals(2 * 480 - 30, flops(Convention.SEED, new Linear(16, 10, false), in, out));
        assertEquals(2 * 480, flops(Convention.SEED, new Linear(16, 10, true), in, out));
        assertEquals(480 + 30, flops(Convention.ONNX_TOOL, new Linear(16, 10, true), in, out));
        assertEquals(480, flops(Convention.ONNX_TOOL, new Linear(16, 10, false), in, out));
        assertEquals(480 + 30, flops(Convention.PTFLOPS, new Linear(16, 10, true), in, out));
        assertEquals(170 * 3, flops(Convention.TORCHINFO, new Linear(16, 10, true), in, out), "params x batch");
        Shape map = Shape.of(1, 4, 6, 6);
        Shape conv = Shape.of(1, 8, 6, 6); // 288 outputs of 36 MACs
        assertEquals(10_368 + 288, flops(Convention.ONNX_TOOL, new Conv2d(4, 8, Window.square(3, 1, 1), 1, true),
                map, conv));
        assertEquals(10_368, flops(Convention.ONNX_TOOL, new Conv2d(4, 8, Window.square(3, 1, 1), 1, false), map,
                conv));
    }

    /** Upsampling 2x4x3x3 to 2x4x6x6: 288 outputs, 144 of them in one sample. */
    @Test
    void upsamplingUnderEachConvention() {
        Shape in = Shape.of(2, 4, 3, 3);
        Shape out = Shape.of(2, 4, 6, 6);
        Upsample bilinear = new Upsample(Upsample.Mode.BILINEAR, 2, 2, 0, 0);
        Upsample nearest = new Upsample(Upsample.Mode.NEAREST, 2, 2, 0, 0);
        assertEquals(4 * 288, flops(Convention.FVCORE, bilinear, in, out));
        assertEquals(288, flops(Convention.FVCORE, nearest, in, out));
        assertEquals(144, flops(Convention.PTFLOPS, bilinear, in, out), "ptflops counts output[0]: one sample");
        assertEquals(144, flops(Convention.PTFLOPS, nearest, in, out));
        assertEquals(11 * 288, flops(Convention.THOP, bilinear, in, out));
        assertEquals(288, flops(Convention.THOP, nearest, in, out));
        assertEquals(4 * 288, flops(Convention.ONNX_TOOL, bilinear, in, out));
        assertEquals(0, flops(Convention.ONNX_TOOL, nearest, in, out));
        assertEquals(Convention.NOT_COUNTED, flops(Convention.MACS, bilinear, in, out));
    }

    /** A layer norm over the last axis of 2x5x8 (80 elements in 10 rows of 8), and softmax over it. */
    @Test
    void layerNormAndSoftmaxUnderEachConvention() {
        Shape x = Shape.of(2, 5, 8);
        LayerNorm affine = new LayerNorm(8, LayerNorm.Axis.LAST, true);
        LayerNorm plain = new LayerNorm(8, LayerNorm.Axis.LAST, false);
        assertEquals(5 * 80, flops(Convention.FVCORE, affine, x, x));
        assertEquals(4 * 80, flops(Convention.FVCORE, plain, x, x));
        assertEquals(80, flops(Convention.PTFLOPS, affine, x, x), "the BN hook, 1 per input element");
        assertEquals(4 * 80, flops(Convention.THOP, affine, x, x));
        assertEquals(2 * 80, flops(Convention.THOP, plain, x, x));
        assertEquals(7 * 80 + 29 * 10, flops(Convention.ONNX_TOOL, affine, x, x));
        assertEquals(16 * 2, flops(Convention.TORCHINFO, affine, x, x), "params x batch");
        Shape map = Shape.of(1, 8, 3, 3);
        LayerNorm channels = new LayerNorm(8, LayerNorm.Axis.CHANNELS, true);
        assertEquals(Convention.NOT_COUNTED, flops(Convention.PTFLOPS, channels, map, map), "LayerNorm2d: no hook");
        assertEquals(Convention.NOT_COUNTED, flops(Convention.THOP, channels, map, map));
        // thop's count_softmax: per row of F = 8 features, 8 exps, 7 adds, 8 divides
        assertEquals(10 * (3 * 8 - 1), flops(Convention.THOP, new Softmax(2), x, x));
        assertEquals(36 * 80, flops(Convention.ONNX_TOOL, new Softmax(2), x, x));
    }

    /** Adaptive average pooling of 1x4x6x6 to 2x3: 24 outputs, each over a 3x2 window (6 / 2 by 6 / 3). */
    @Test
    void adaptivePoolingCountsItsWindow() {
        Shape in = Shape.of(1, 4, 6, 6);
        Shape out = Shape.of(1, 4, 2, 3);
        assertEquals((6 + 1) * 24, flops(Convention.THOP, new AdaptiveAvgPool(2, 3), in, out), "(kernel + 1) per output");
        assertEquals(6 * 24, flops(Convention.ONNX_TOOL, new AdaptiveAvgPool(2, 3), in, out), "kernel per output");
        assertEquals(144, flops(Convention.FVCORE, new AdaptiveAvgPool(2, 3), in, out), "1 per input element");
    }

    @Test
    void eachConventionNamesItsUnitAndItsSource() {
        assertEquals("FLOPs", Convention.SEED.unit());
        assertEquals("MACs", Convention.MACS.unit());
        assertEquals("flops", Convention.FVCORE.unit());
        assertEquals("mult-adds", Convention.TORCHINFO.unit());
        assertEquals("MACs", Convention.ONNX_TOOL.unit());
        assertEquals("PyTorch torch.utils.flop_counter.FlopCounterMode", Convention.PYTORCH.description());
        assertEquals("thop 0.1.1 profile() (vision/basic_hooks.py)", Convention.THOP.description());
    }
}
