package dev.ridgeline.core.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each op's input count and view-ness, which its kind now carries: the figures are the PyTorch and ONNX
 * operators' (add, mul and matmul take two tensors, concat any number; flatten, reshape, squeeze, unsqueeze,
 * a split's part and the inference-time dropout, stochastic depth and identity are views).
 */
class ArityAndViewTest {

    @Test
    void binaryOpsTakeTwoInputsAndConcatAndUncountedOpsAnyPositiveNumber() {
        assertEquals(Arity.TWO, new Add().arity());
        assertEquals(Arity.TWO, new Mul().arity());
        assertEquals(Arity.TWO, new MatMul().arity());
        assertEquals(Arity.ONE_OR_MORE, new Concat(1).arity());
        assertEquals(Arity.ONE_OR_MORE, new Uncounted("NonMaxSuppression", List.of(4), 0).arity());
    }

    @Test
    void anElementwiseOpTakesTwoComputedTensorsOrOneAndAConstant() {
        assertEquals(Arity.TWO, Elementwise.of(Elementwise.Function.SUB).arity());
        assertEquals(Arity.ONE, Elementwise.withConstant(Elementwise.Function.SUB, List.of()).arity());
    }

    @Test
    void theOtherOpsTakeOneInput() {
        assertEquals(Arity.ONE, Conv2d.of(3, 8, 3, 1, 1).arity());
        assertEquals(Arity.ONE, Pool2d.max(2, 2, 0).arity());
        assertEquals(Arity.ONE, Activation.relu().arity());
        assertEquals(Arity.ONE, new Flatten(1).arity());
        assertEquals(Arity.ONE, new Split(1, List.of(2, 2), 0).arity());
    }

    @Test
    void viewsAreTheOpsThatMoveNoData() {
        List<Op> views = List.of(new Flatten(1), new Dropout(0.5), new Identity(), new Reshape(List.of(0, -1)),
                new Squeeze(List.of(2)), new Unsqueeze(List.of(2)), new Split(1, List.of(2, 2), 1),
                new StochasticDepth(0.1, StochasticDepth.Mode.ROW));
        for (Op op : views) {
            assertTrue(op.isView(), op.type());
            assertTrue(op.aliasesInput(), op.type());
        }
        List<Op> computing = List.of(Conv2d.of(3, 8, 3, 1, 1), new Add(), new Concat(1), Activation.relu(),
                Slice.of(1, 0, 2), new Tile(List.of(1, 2)), new ReduceMean(List.of(2, 3), true));
        for (Op op : computing) {
            assertFalse(op.isView(), op.type());
        }
    }

    @Test
    void anInPlaceActivationAliasesItsInputWithoutBeingAView() {
        Activation inPlace = new Activation(ActivationKind.RELU, true);
        assertFalse(inPlace.isView());
        assertTrue(inPlace.aliasesInput());
        assertFalse(Activation.relu().aliasesInput());
    }
}
