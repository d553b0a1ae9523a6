package dev.ridgeline.core.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Pad;
import dev.ridgeline.core.op.ReduceMean;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.Squeeze;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Unsqueeze;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layout ops' shape rules (ONNX's Reshape, Split, Transpose, Squeeze, Unsqueeze, ReduceMean, Slice, Pad,
 * Concat and MatMul, docs/onnx.md), each at its edges: what it accepts gives the shape worked out by hand, one
 * step past is refused with the rule's message.
 */
class LayoutShapeRulesTest {
    private static final Shape X = Shape.of(2, 3, 4);

    private static Shape out(Op op, Shape... in) {
        return OpShapes.output(op, List.of(in));
    }

    private static String refused(Op op, Shape... in) {
        return assertThrows(ShapeException.class, () -> OpShapes.output(op, List.of(in))).getMessage();
    }

    @Test
    void reshapeCopiesZerosInfersOneAxisAndKeepsTheElementCount() {
        assertEquals(Shape.of(2, 12), out(new Reshape(List.of(0, -1)), X));
        assertEquals(Shape.of(2, 3, 4), out(new Reshape(List.of(0, 0, 0)), X), "0 copies up to the last axis");
        assertTrue(refused(new Reshape(List.of(0, 0, 0, 0)), X).contains("copies dimension 3 (0), but the input"));
        assertEquals(Shape.of(6, 4), out(new Reshape(List.of(6, 4)), X));
        assertTrue(refused(new Reshape(List.of(5, -1)), X).contains("24 is not a multiple of 5"));
        assertTrue(refused(new Reshape(List.of(5, 5)), X).contains("to [5, 5] (25 elements)"));
    }

    @Test
    void splitTransposeAndPadCheckTheirAxes() {
        assertEquals(Shape.of(2, 1, 4), out(new Split(1, List.of(1, 2), 0), X));
        assertEquals(Shape.of(2, 3, 3), out(new Split(2, List.of(1, 3), 1), X), "the last axis");
        assertTrue(refused(new Split(0, List.of(1, 1), 0), X).contains("axis 0 is not a non-batch axis"));
        assertTrue(refused(new Split(3, List.of(1, 1), 0), X).contains("axis 3 is not a non-batch axis"));
        assertTrue(refused(new Split(1, List.of(1, 1), 0), X).contains("parts [1, 1] add up to 2, but axis 1"));

        assertEquals(Shape.of(2, 4, 3), out(new Transpose(List.of(0, 2, 1)), X));
        assertTrue(refused(new Transpose(List.of(0, 1)), X).contains("perm [0, 1] has 2 axes, the input 2x3x4 has 3"));

        assertEquals(Shape.of(2, 3, 6), out(new Pad(List.of(0, 0, 1, 0, 0, 1), "constant"), X));
        assertEquals(Shape.of(2, 3, 1), out(new Pad(List.of(0, 0, 0, 0, 0, -3), "constant"), X), "down to one");
        assertTrue(refused(new Pad(List.of(0, 0, -2, 0, 0, -2), "constant"), X).contains("leave axis 2 of 2x3x4 empty"));
        assertTrue(refused(new Pad(List.of(0, 1, 0, 1), "constant"), X).contains("cover 2 axes"));
    }

    @Test
    void squeezeUnsqueezeAndReduceMeanKeepTheBatchAndAnAxis() {
        Shape ones = Shape.of(2, 1, 4, 1);
        assertEquals(Shape.of(2, 4), out(new Squeeze(List.of(1, -1)), ones));
        assertTrue(refused(new Squeeze(List.of(2)), ones).contains("axis 2 of 2x1x4x1 has size 4"));
        assertTrue(refused(new Squeeze(List.of(0)), Shape.of(1, 3)).contains("drops the batch"));
        assertTrue(refused(new Squeeze(List.of(0, 1)), Shape.of(1, 1)).contains("leaves a scalar"));
        assertTrue(refused(new Squeeze(List.of(1, 1)), ones).contains("axis 1 appears twice"));
        assertTrue(refused(new Squeeze(List.of(4)), ones).contains("axis 4 is out of range for rank 4"));
        assertTrue(refused(new Squeeze(List.of(-5)), ones).contains("axis -5 is out of range"));
        assertTrue(refused(new Squeeze(List.of(-4)), Shape.of(1, 1, 4, 1)).contains("drops the batch"),
                "-4 is axis 0 of rank 4");
        assertEquals(Shape.of(2, 1, 4), out(new Squeeze(List.of(3)), ones), "the last axis by its index");
        assertEquals(Shape.of(1, 3, 4), out(new ReduceMean(List.of(0), true), X), "axis 0 counts as it is");

        assertEquals(Shape.of(2, 1, 3, 4, 1), out(new Unsqueeze(List.of(1, 4)), X));
        assertEquals(Shape.of(2, 3, 4, 1), out(new Unsqueeze(List.of(-1)), X));
        assertTrue(refused(new Unsqueeze(List.of(0)), X).contains("inserting axis 0 before the batch"));

        assertEquals(Shape.of(2, 1, 1), out(new ReduceMean(List.of(1, 2), true), X));
        assertEquals(Shape.of(2), out(new ReduceMean(List.of(1, 2), false), X));
        assertTrue(refused(new ReduceMean(List.of(0, 1, 2), false), X).contains("leaves a scalar"));
    }

    @Test
    void sliceCountsLikePythonAndRefusesEmptyOrRepeatedAxes() {
        Shape row = Shape.of(1, 10);
        assertEquals(Shape.of(1, 3), out(new Slice(List.of(1), List.of(2L), List.of(5L), List.of(1L)), row));
        assertEquals(Shape.of(1, 4), out(new Slice(List.of(1), List.of(1L), List.of(8L), List.of(2L)), row),
                "1, 3, 5, 7");
        assertEquals(Shape.of(1, 10), out(new Slice(List.of(1), List.of(-100L), List.of(100L), List.of(1L)), row),
                "clamped to the axis");
        assertEquals(Shape.of(1, 3), out(new Slice(List.of(1), List.of(-3L), List.of(Long.MAX_VALUE), List.of(1L)),
                row), "the last three");
        assertEquals(Shape.of(1, 10), out(new Slice(List.of(1), List.of(-1L), List.of(Long.MIN_VALUE),
                List.of(-1L)), row), "reversed whole");
        assertEquals(Shape.of(1, 5), out(new Slice(List.of(1), List.of(9L), List.of(-11L), List.of(-2L)), row),
                "9, 7, 5, 3, 1");
        assertEquals(Shape.of(1, 1), out(new Slice(List.of(1), List.of(9L), List.of(10L), List.of(1L)), row));
        assertEquals(Shape.of(1, 10), out(new Slice(List.of(1), List.of(100L), List.of(-100L), List.of(-1L)), row),
                "going down, a start past the end is clamped to the last element");
        assertTrue(refused(new Slice(List.of(1), List.of(5L), List.of(5L), List.of(1L)), row).contains("is empty"));
        assertTrue(refused(new Slice(List.of(1), List.of(10L), List.of(20L), List.of(1L)), row).contains("is empty"));
        assertTrue(refused(new Slice(List.of(1, -1), List.of(0L, 0L), List.of(2L, 2L), List.of(1L, 1L)), row)
                .contains("axis 1 is sliced twice"));
    }

    @Test
    void aModelInputOfAnotherRankIsBadInputAndTheBatchIsTheFirstInputs() {
        var model = dev.ridgeline.core.graph.Model.builder("m").input("input", Shape.of(1, 3, 8, 8))
                .add(new dev.ridgeline.core.graph.Node("r", dev.ridgeline.core.op.Activation.relu(),
                        List.of("input")))
                .build();
        var shaped = ShapeInference.infer(model, java.util.Map.of("input", Shape.of(5, 3, 4, 4)));
        assertEquals(5, shaped.batch());
        assertEquals(Shape.of(5, 3, 4, 4), shaped.outputShape(0));
        String m = assertThrows(dev.ridgeline.core.BadInputException.class,
                () -> ShapeInference.infer(model, java.util.Map.of("input", Shape.of(3, 8, 8)))).getMessage();
        assertTrue(m.contains("input 'input' of model 'm' has rank 4"), m);
    }

    @Test
    void concatAndMatMulJoinOnlyWhatFits() {
        assertEquals(Shape.of(2, 5, 4), out(new Concat(1), X, Shape.of(2, 2, 4)));
        assertEquals(Shape.of(2, 3, 9), out(new Concat(-1), X, Shape.of(2, 3, 5)), "the last axis, from the end");
        assertTrue(refused(new Concat(0), X, X).contains("axis 0 is not a non-batch axis"));
        assertTrue(refused(new Concat(3), X, X).contains("axis 3 is not a non-batch axis"));
        assertTrue(refused(new Concat(1), X, Shape.of(2, 3)).contains("have different ranks"));
        assertTrue(refused(new Concat(1), X, Shape.of(2, 3, 5)).contains("differ outside the concatenation axis 1"));

        assertEquals(Shape.of(2, 3, 7), out(new MatMul(), X, Shape.of(4, 7)));
        assertEquals(Shape.of(3, 7), out(new MatMul(), Shape.of(3, 4), Shape.of(4, 7)), "rank 2 is enough");
        assertTrue(refused(new MatMul(), Shape.of(4), Shape.of(4, 7)).contains("rank 2 or more"));
        assertTrue(refused(new MatMul(), Shape.of(3, 4), Shape.of(4)).contains("rank 2 or more"));
        assertTrue(refused(new MatMul(), X, Shape.of(5, 7)).contains("inner dimensions differ"));
        assertEquals(Shape.of(2, 3, 4), OpShapes.broadcast(X, Shape.of(1, 4)));
        assertEquals(Shape.of(2, 3, 4), OpShapes.broadcast(Shape.of(3, 1), X));
        assertTrue(assertThrows(ShapeException.class, () -> OpShapes.broadcast(X, Shape.of(2, 4))).getMessage()
                .contains("do not match"));
    }
}
