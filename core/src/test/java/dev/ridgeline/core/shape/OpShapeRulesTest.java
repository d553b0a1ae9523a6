package dev.ridgeline.core.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.AdaptiveAvgPool;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Softmax;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each op's shape rule at its edges: the smallest input it accepts gives the shape worked out by hand, and one
 * step past it is refused with the rule's message (docs/model-format.md: "a shape that cannot work is an error").
 */
class OpShapeRulesTest {
    private static Shape out(Op op, Shape... in) {
        return OpShapes.output(op, List.of(in));
    }

    private static String refused(Op op, Shape... in) {
        return assertThrows(ShapeException.class, () -> OpShapes.output(op, List.of(in))).getMessage();
    }

    @Test
    void aTransposedConvNeedsAFeatureMapOfItsChannelsAndAnOutputOfAtLeastOne() {
        ConvTranspose2d up = new ConvTranspose2d(4, 8, Window.square(2, 2, 0), 0, 0, 1, false);
        assertEquals(Shape.of(1, 8, 6, 6), out(up, Shape.of(1, 4, 3, 3)));
        assertTrue(refused(up, Shape.of(4, 3, 3)).contains("rank 4"));
        assertTrue(refused(up, Shape.of(1, 5, 3, 3)).contains("expects 4 input channels, got 5"));
        assertTrue(refused(new ConvTranspose2d(4, 6, Window.square(2, 2, 0), 0, 0, 4, false), Shape.of(1, 4, 3, 3))
                .contains("groups 4 must divide both 4 input and 6 output channels"));
        assertTrue(refused(new ConvTranspose2d(6, 4, Window.square(2, 2, 0), 0, 0, 4, false), Shape.of(1, 6, 3, 3))
                .contains("groups 4 must divide"));
        // (1 - 1) x 1 - 2 x 1 + 3 = 1: the smallest output; one more padding row is 0x..
        ConvTranspose2d padded = new ConvTranspose2d(4, 4, Window.square(3, 1, 1), 0, 0, 1, false);
        assertEquals(Shape.of(1, 4, 1, 1), out(padded, Shape.of(1, 4, 1, 1)));
        ConvTranspose2d tooPadded = new ConvTranspose2d(4, 4, Window.square(3, 1, 2), 0, 0, 1, false);
        assertTrue(refused(tooPadded, Shape.of(1, 4, 1, 1)).contains("is below 1 (padding too large)"));
    }

    @Test
    void linearNormsAndScalesNeedTheirFeatureAxis() {
        assertEquals(Shape.of(2, 10), out(new Linear(16, 10, true), Shape.of(2, 16)));
        assertTrue(refused(new Linear(16, 10, true), Shape.of(16)).contains("got rank 1"));
        String flat = refused(new Linear(16, 10, true), Shape.of(2, 12));
        assertTrue(flat.contains("expects 16 input features in the last dimension, got 12"), flat);
        assertFalse(flat.contains("flatten"), "a rank-2 input needs no flatten hint");
        assertTrue(refused(new Linear(16, 10, true), Shape.of(2, 4, 2, 2)).contains("(flatten the feature map first?)"));

        assertEquals(Shape.of(2, 3), out(new BatchNorm(3, true), Shape.of(2, 3)));
        assertTrue(refused(new BatchNorm(3, true), Shape.of(3)).contains("needs a channel dimension, got rank 1"));
        assertTrue(refused(new BatchNorm(3, true), Shape.of(2, 4)).contains("expects 3 channels, got 4"));

        assertEquals(Shape.of(2, 8), out(new LayerNorm(8, LayerNorm.Axis.LAST, true), Shape.of(2, 8)));
        assertTrue(refused(new LayerNorm(8, LayerNorm.Axis.LAST, true), Shape.of(8)).contains("got rank 1"));
        assertTrue(refused(new LayerNorm(8, LayerNorm.Axis.CHANNELS, true), Shape.of(1, 4, 8, 8))
                .contains("normalizes 8 features over the channels axis, got 4"));

        assertEquals(Shape.of(2, 3), out(new Scale(3), Shape.of(2, 3)));
        assertTrue(refused(new Scale(3), Shape.of(3)).contains("needs a channel axis, got rank 1"));
        assertTrue(refused(new Scale(3), Shape.of(1, 4, 2, 2)).contains("scales 3 channels, got 4"));
    }

    @Test
    void poolingAndUpsamplingNeedAFeatureMapAndAnOutputOfAtLeastOne() {
        Shape map = Shape.of(1, 4, 6, 6);
        for (Op op : List.of(Pool2d.max(2, 2, 0), new AdaptiveAvgPool(2, 2), new GlobalAvgPool(),
                new Upsample(Upsample.Mode.NEAREST, 2, 2, 0, 0))) {
            assertTrue(refused(op, Shape.of(4, 6, 6)).contains("needs an N x C x H x W input (rank 4), got rank 3"),
                    op.type());
        }
        assertEquals(Shape.of(1, 4, 2, 3), out(new AdaptiveAvgPool(2, 3), map));
        assertEquals(Shape.of(1, 4, 1, 1), out(new GlobalAvgPool(), map));
        assertEquals(Shape.of(1, 4, 1, 1), out(new Upsample(Upsample.Mode.NEAREST, 0.25, 0.25, 0, 0),
                Shape.of(1, 4, 4, 4)), "4 x 0.25 = 1: the smallest output");
        assertTrue(refused(new Upsample(Upsample.Mode.NEAREST, 0.2, 0.5, 0, 0), Shape.of(1, 4, 4, 4))
                .contains("output size 0x2 is below 1"));
        assertTrue(refused(new Upsample(Upsample.Mode.NEAREST, 0.5, 0.2, 0, 0), Shape.of(1, 4, 4, 4))
                .contains("output size 2x0 is below 1"));
    }

    @Test
    void flattenShuffleElementwiseAndSoftmaxKeepToTheirAxes() {
        assertEquals(Shape.of(2, 12), out(new Flatten(1), Shape.of(2, 3, 4)));
        assertEquals(Shape.of(2, 3, 4), out(new Flatten(2), Shape.of(2, 3, 4)), "the last axis: nothing to merge");
        assertTrue(refused(new Flatten(3), Shape.of(2, 3, 4))
                .contains("cannot flatten from dimension 3 of a rank-3 tensor"));

        assertEquals(Shape.of(2, 6), out(new ChannelShuffle(3), Shape.of(2, 6)));
        assertTrue(refused(new ChannelShuffle(3), Shape.of(6)).contains("needs a channel dimension, got rank 1"));
        assertTrue(refused(new ChannelShuffle(4), Shape.of(1, 6, 2, 2)).contains("groups 4 do not divide the 6"));

        Shape x = Shape.of(2, 3, 4);
        assertEquals(x, out(Elementwise.withConstant(Elementwise.Function.MUL, List.of(3, 1)), x));
        assertTrue(refused(Elementwise.withConstant(Elementwise.Function.MUL, List.of(5, 3, 4)), Shape.of(1, 3, 4))
                .contains("a constant operand must broadcast into the input"), "a constant that grows the batch");
        assertTrue(refused(Elementwise.withConstant(Elementwise.Function.MUL, List.of(1, 1, 3, 4)), x)
                .contains("a constant operand must broadcast into the input"), "a rank the input does not have");

        assertEquals(x, out(new Softmax(2), x));
        assertEquals(x, out(new Softmax(-3), x));
        assertTrue(refused(new Softmax(3), x).contains("axis 3 is out of range for 2x3x4"));
        assertTrue(refused(new Softmax(-4), x).contains("axis -4 is out of range"));
        assertEquals(x, out(Activation.relu(), x));
    }
}
