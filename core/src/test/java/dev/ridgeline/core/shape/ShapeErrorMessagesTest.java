package dev.ridgeline.core.shape;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Mul;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shape errors are {@link BadInputException}s naming the node, its input shapes and the rule broken. */
class ShapeErrorMessagesTest {

    private static Model single(Shape input, String name, Op op) {
        return Model.builder("m").input("input", input).add(new Node(name, op, List.of("input"))).build();
    }

    /** Two inputs a and b joined by {@code op} in node "join". */
    private static Model joined(Shape a, Shape b, Op op) {
        return Model.builder("m").input("a", a).input("b", b).add(new Node("join", op, List.of("a", "b"))).build();
    }

    private static String failure(Model model) {
        return assertThrows(BadInputException.class, () -> ShapeInference.infer(model, 1)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        assertAll(java.util.Arrays.stream(parts)
                .map(p -> () -> assertTrue(message.contains(p), () -> "'" + p + "' missing from: " + message)));
    }

    @Test
    void groupsThatDoNotDivideInputChannelsNameTheNodeShapeAndGroups() {
        String m = failure(single(Shape.of(1, 64, 8, 8), "grouped",
                new Conv2d(64, 2, Window.square(1, 1, 0), 3, false)));
        assertMentions(m, "'grouped' (conv2d)", "1x64x8x8", "groups 3 do not divide the 64 input channels");
    }

    @Test
    void groupsThatDoNotDivideOutputChannelsAreRejected() {
        String m = failure(single(Shape.of(1, 64, 8, 8), "grouped",
                new Conv2d(64, 2, Window.square(1, 1, 0), 4, false)));
        assertMentions(m, "'grouped' (conv2d)", "1x64x8x8", "groups 4 do not divide the 2 output channels");
    }

    @Test
    void kernelLargerThanThePaddedInputNamesBothSizes() {
        String m = failure(single(Shape.of(1, 3, 4, 4), "big", Conv2d.of(3, 8, 7, 1, 1)));
        assertMentions(m, "'big' (conv2d)", "1x3x4x4", "kernel 7x7", "larger than the padded input 6x6");
    }

    @Test
    void dilationThatStretchesTheKernelPastTheInputReportsTheDilatedExtent() {
        Conv2d dilated = new Conv2d(3, 8, new Window(3, 3, 1, 1, 4, 4, Padding.NONE), 1, false);
        String m = failure(single(Shape.of(1, 3, 8, 8), "dilated", dilated));
        assertMentions(m, "'dilated' (conv2d)", "1x3x8x8", "dilated extent 9x9", "padded input 8x8");
    }

    @Test
    void transposedConvPaddingThatLeavesNoOutputIsBelowOne() {
        ConvTranspose2d t = new ConvTranspose2d(3, 3, Window.square(1, 1, 1), 0, 0, 1, false);
        String m = failure(single(Shape.of(1, 3, 1, 1), "up", t));
        assertMentions(m, "'up' (conv_transpose2d)", "1x3x1x1", "output size -1x-1 is below 1");
    }

    @Test
    void upsamplingBelowOnePixelIsBelowOne() {
        String m = failure(single(Shape.of(1, 3, 2, 2), "shrink", Upsample.scale(Upsample.Mode.NEAREST, 0.25)));
        assertMentions(m, "'shrink' (upsample)", "1x3x2x2", "output size 0x0 is below 1");
    }

    @Test
    void poolPaddingOverHalfTheKernelIsRejected() {
        String m = failure(single(Shape.of(1, 3, 8, 8), "pool", Pool2d.max(2, 2, 2)));
        assertMentions(m, "'pool' (maxpool)", "1x3x8x8", "more than half the 2x2 kernel");
    }

    @Test
    void addOfMismatchedShapesNamesBothShapes() {
        String m = failure(joined(Shape.of(1, 8, 4, 4), Shape.of(1, 16, 4, 4), new Add()));
        assertMentions(m, "'join' (add)", "1x8x4x4, 1x16x4x4", "shapes 1x8x4x4 and 1x16x4x4 do not match");
    }

    @Test
    void mulOfMismatchedShapesNamesBothShapes() {
        String m = failure(joined(Shape.of(1, 8, 4, 4), Shape.of(1, 8, 3, 4), new Mul()));
        assertMentions(m, "'join' (mul)", "1x8x4x4, 1x8x3x4", "do not match", "equal or 1");
    }

    @Test
    void squeezeAndExcitationMulBroadcastsAChannelVectorOverTheMap() {
        Model se = joined(Shape.of(1, 8, 1, 1), Shape.of(1, 8, 5, 7), new Mul());
        assertEquals(Shape.of(2, 8, 5, 7), ShapeInference.infer(se, 2).shapeOf("join"));
        Model reversed = joined(Shape.of(1, 8, 5, 7), Shape.of(1, 8, 1, 1), new Mul());
        assertEquals(Shape.of(1, 8, 5, 7), ShapeInference.infer(reversed, 1).shapeOf("join"));
    }

    @Test
    void concatOfMapsWithDifferentSpatialSizesNamesTheShapesAndAxis() {
        String m = failure(joined(Shape.of(1, 8, 4, 4), Shape.of(1, 8, 5, 5), new Concat(1)));
        assertMentions(m, "'join' (concat)", "1x8x4x4, 1x8x5x5", "differ outside the concatenation axis 1");
    }

    @Test
    void concatOfDifferentRanksIsRejected() {
        String m = failure(joined(Shape.of(1, 8, 4, 4), Shape.of(1, 8), new Concat(1)));
        assertMentions(m, "'join' (concat)", "different ranks");
    }

    @Test
    void linearAfterAnUnflattenedFeatureMapSuggestsFlattening() {
        String m = failure(single(Shape.of(1, 512, 7, 7), "fc", new Linear(512 * 7 * 7, 10, true)));
        assertMentions(m, "'fc' (linear)", "1x512x7x7", "expects 25088 input features", "got 7",
                "flatten the feature map first?");
    }

    @Test
    void convOnTheWrongChannelCountNamesBothCounts() {
        String m = failure(single(Shape.of(1, 32, 56, 56), "layer1.0.conv1", Conv2d.of(64, 64, 3, 1, 1)));
        assertMentions(m, "node 'layer1.0.conv1' (conv2d) with input 1x32x56x56: expects 64 input channels, got 32");
    }

    @Test
    void channelShuffleGroupsMustDivideChannels() {
        String m = failure(single(Shape.of(1, 8, 4, 4), "shuffle", new ChannelShuffle(3)));
        assertMentions(m, "'shuffle' (channel_shuffle)", "1x8x4x4", "groups 3 do not divide the 8 channels");
    }

    @Test
    void convOnAVectorNeedsARankFourInput() {
        String m = failure(single(Shape.of(1, 3), "conv", Conv2d.of(3, 8, 1, 1, 0)));
        assertMentions(m, "'conv' (conv2d)", "1x3", "rank 4", "got rank 2");
    }
}
