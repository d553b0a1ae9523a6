package dev.ridgeline.core.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.AdaptiveAvgPool;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Dropout;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Identity;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The output shape of each op through {@link ShapeInference}, and the MACs that follow from it. */
class OpShapeInferenceTest {

    private static Model single(Shape input, Op op) {
        return Model.builder("m").input("input", input).add(new Node("layer", op, List.of("input"))).build();
    }

    private static Shape out(Shape input, Op op) {
        return ShapeInference.infer(single(input, op), input.batch()).shapeOf("layer");
    }

    private static CostReport count(Model model, int batch) {
        return Counter.count(ShapeInference.infer(model, batch), Convention.MACS, 4);
    }

    // ---- transposed convolution ----

    @Test
    void transposedConvWithStrideTwoAndOutputPaddingDoublesSevenToFourteen() {
        ConvTranspose2d t = new ConvTranspose2d(16, 8, Window.square(3, 2, 1), 1, 1, 1, false);
        assertEquals(Shape.of(1, 8, 14, 14), out(Shape.of(1, 16, 7, 7), t));
        ConvTranspose2d noOutputPadding = new ConvTranspose2d(16, 8, Window.square(3, 2, 1), 0, 0, 1, false);
        assertEquals(Shape.of(1, 8, 13, 13), out(Shape.of(1, 16, 7, 7), noOutputPadding));
    }

    @Test
    void transposedConvMacsScatterEachInputOverCoutPerGroupTimesKSquared() {
        ConvTranspose2d t = new ConvTranspose2d(16, 8, Window.square(3, 2, 1), 1, 1, 1, true);
        CostReport r = count(single(Shape.of(1, 16, 7, 7), t), 2);
        // N * Hin * Win * Cin * (Cout/g) * K^2, not the output positions
        assertEquals(2L * 7 * 7 * 16 * 8 * 9, r.totals().macs());
        assertEquals(16L * 8 * 9 + 8, r.totals().params());
        ConvTranspose2d grouped = new ConvTranspose2d(16, 8, Window.square(3, 2, 1), 1, 1, 2, false);
        CostReport g = count(single(Shape.of(1, 16, 7, 7), grouped), 1);
        assertEquals(7L * 7 * 16 * 4 * 9, g.totals().macs());
        assertEquals(16L * 4 * 9, g.totals().params());
    }

    @Test
    void transposedConvWithSamePaddingMultipliesByStride() {
        ConvTranspose2d t = new ConvTranspose2d(4, 4, new Window(4, 4, 2, 3, 1, 1, Padding.SAME), 0, 0, 1, false);
        assertEquals(Shape.of(1, 4, 10, 15), out(Shape.of(1, 4, 5, 5), t));
    }

    // ---- matrix product ----

    @Test
    void matMulBroadcastsLeadingDimensionsAndCountsMTimesNTimesK() {
        Model m = Model.builder("mm").input("a", Shape.of(2, 3, 4, 5)).input("b", Shape.of(1, 5, 6))
                .add(new Node("mm", new MatMul(), List.of("a", "b"))).build();
        ShapedModel shaped = ShapeInference.infer(m, Map.of());
        assertEquals(Shape.of(2, 3, 4, 6), shaped.shapeOf("mm"));
        assertEquals(2L * 3 * 4 * 6 * 5, Counter.count(shaped, Convention.MACS, 4).totals().macs());
        assertEquals(2L * 2 * 3 * 4 * 6 * 5, Counter.count(shaped, Convention.PYTORCH, 4).totals().flops());
    }

    @Test
    void matMulWithDifferentInnerDimensionsIsRejected() {
        Model m = Model.builder("mm").input("a", Shape.of(1, 4, 5)).input("b", Shape.of(1, 4, 6))
                .add(new Node("mm", new MatMul(), List.of("a", "b"))).build();
        String message = assertThrows(BadInputException.class, () -> ShapeInference.infer(m, 1)).getMessage();
        assertTrue(message.contains("'mm' (matmul)") && message.contains("inner dimensions differ"), message);
    }

    // ---- resizing, flattening, shuffling ----

    @Test
    void upsampleByScaleFloorsTheScaledSize() {
        assertEquals(Shape.of(1, 3, 14, 14), out(Shape.of(1, 3, 7, 7), Upsample.scale(Upsample.Mode.NEAREST, 2)));
        assertEquals(Shape.of(1, 3, 10, 10), out(Shape.of(1, 3, 7, 7), Upsample.scale(Upsample.Mode.BILINEAR, 1.5)));
        assertEquals(Shape.of(1, 3, 21, 14),
                out(Shape.of(1, 3, 7, 7), new Upsample(Upsample.Mode.NEAREST, 3, 2, 0, 0)));
    }

    @Test
    void upsampleBySizeIgnoresTheInputSize() {
        Upsample toSize = new Upsample(Upsample.Mode.BILINEAR, 0, 0, 20, 30);
        assertEquals(Shape.of(1, 3, 20, 30), out(Shape.of(1, 3, 7, 7), toSize));
        assertEquals(Shape.of(1, 3, 20, 30), out(Shape.of(1, 3, 64, 48), toSize));
    }

    @Test
    void flattenMergesEveryDimensionFromItsStart() {
        assertEquals(Shape.of(1, 25_088), out(Shape.of(1, 512, 7, 7), new Flatten(1)));
        assertEquals(Shape.of(1, 4, 15), out(Shape.of(1, 4, 3, 5), new Flatten(2)));
    }

    @Test
    void flattenIsAViewThatMovesNoBytes() {
        CostReport r = count(single(Shape.of(1, 512, 7, 7), new Flatten(1)), 1);
        assertEquals(0, r.totals().memoryTrafficBytes());
        assertEquals(25_088, r.totals().activations());
        assertEquals(0, r.featureMapElements());
        assertEquals(4L * 25_088, r.peakActivationBytes());
    }

    @Test
    void channelShuffleKeepsTheShape() {
        assertEquals(Shape.of(1, 24, 8, 8), out(Shape.of(1, 24, 8, 8), new ChannelShuffle(3)));
    }

    @Test
    void shapePreservingOpsKeepTheShape() {
        Shape x = Shape.of(2, 6, 5, 5);
        assertEquals(x, out(x, new Dropout(0.5)));
        assertEquals(x, out(x, new Identity()));
    }

    // ---- pooling ----

    @Test
    void ceilModePoolingKeepsThePartialWindow() {
        Pool2d ceil = new Pool2d(true, Window.square(3, 2, 0), true, true);
        Pool2d floor = Pool2d.max(3, 2, 0);
        // 112: (112 - 3) / 2 = 54.5 -> 55 + 1 = 56 in ceil mode, 54 + 1 = 55 in floor mode
        assertEquals(Shape.of(1, 64, 56, 56), out(Shape.of(1, 64, 112, 112), ceil));
        assertEquals(Shape.of(1, 64, 55, 55), out(Shape.of(1, 64, 112, 112), floor));
        // GoogLeNet's maxpool3: (28 - 3) / 2 = 12.5 -> 13 + 1 = 14 (floor would give 13)
        assertEquals(Shape.of(1, 480, 14, 14), out(Shape.of(1, 480, 28, 28), ceil));
        assertEquals(Shape.of(1, 480, 13, 13), out(Shape.of(1, 480, 28, 28), floor));
        // GoogLeNet's maxpool4 (2x2, stride 2, ceil): 14 -> 7 either way
        assertEquals(Shape.of(1, 832, 7, 7),
                out(Shape.of(1, 832, 14, 14), new Pool2d(true, Window.square(2, 2, 0), true, true)));
    }

    @Test
    void ceilModeDropsAWindowStartingInTheTrailingPadding() {
        Pool2d ceil = new Pool2d(true, Window.square(2, 2, 1), true, true);
        // padded [0, 7): windows at 0, 2, 4 fit; a 4th would start at 6, past the input and its leading pad
        assertEquals(Shape.of(1, 1, 3, 3), out(Shape.of(1, 1, 5, 5), ceil));
    }

    @Test
    void adaptiveAndGlobalPoolingGiveTheirFixedSize() {
        assertEquals(Shape.of(1, 512, 7, 7), out(Shape.of(1, 512, 13, 13), new AdaptiveAvgPool(7, 7)));
        assertEquals(Shape.of(3, 512, 1, 1), out(Shape.of(3, 512, 13, 9), new GlobalAvgPool()));
    }

    // ---- "same" padding ----

    @Test
    void samePaddingWithStrideTwoGivesCeilOfHalfTheInput() {
        assertEquals(Shape.of(1, 8, 14, 14), out(Shape.of(1, 3, 28, 28), new Conv2d(3, 8, Window.square(3, 2,
                Padding.SAME), 1, false)));
        assertEquals(Shape.of(1, 8, 4, 4), out(Shape.of(1, 3, 7, 7), new Conv2d(3, 8, Window.square(3, 2,
                Padding.SAME), 1, false)));
        assertEquals(Shape.of(1, 64, 112, 112), out(Shape.of(1, 3, 224, 224), new Conv2d(3, 64, Window.square(7, 2,
                Padding.SAME), 1, false)));
        Window dilated = new Window(3, 3, 2, 2, 2, 2, Padding.SAME);
        assertEquals(Shape.of(1, 8, 15, 15), out(Shape.of(1, 3, 29, 29), new Conv2d(3, 8, dilated, 1, false)));
        assertEquals(Shape.of(1, 3, 4, 4), out(Shape.of(1, 3, 7, 7), new Pool2d(true, Window.square(3, 2,
                Padding.SAME), false, true)));
    }

    // ---- linear and concat over other ranks ----

    @Test
    void linearActsOnTheLastDimensionOfAnyRank() {
        Model m = single(Shape.of(1, 10, 32), new Linear(32, 64, false));
        assertEquals(Shape.of(2, 10, 64), ShapeInference.infer(m, 2).shapeOf("layer"));
        assertEquals(2L * 10 * 64 * 32, count(m, 2).totals().macs());
    }

    @Test
    void concatAlongANegativeAxisCountsFromTheEnd() {
        Model m = Model.builder("cat").input("a", Shape.of(1, 8, 4, 4)).input("b", Shape.of(1, 8, 4, 6))
                .add(new Node("cat", new Concat(-1), List.of("a", "b"))).build();
        assertEquals(Shape.of(1, 8, 4, 10), ShapeInference.infer(m, 1).shapeOf("cat"));
    }
}
