package dev.ridgeline.core.io.onnx;

import static dev.ridgeline.core.io.onnx.OnnxGraphs.attr;
import static dev.ridgeline.core.io.onnx.OnnxGraphs.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Transpose;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shape subgraphs folded at import, and inputs with dynamic dimensions. */
class OnnxShapeFoldingTest {
    private static TensorProto scalarIndex(long i) {
        return TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE).addInt64Data(i).build();
    }

    /** x.view(x.size(0), -1) before a classifier, as torch.onnx.export writes it with a dynamic batch. */
    private static OnnxGraphs flattenHead() {
        return OnnxGraphs.graph().input("x", "batch", 3, 8, 8).weight("w", 4, 3, 3, 3).weight("fc_w", 10, 256)
                .op("Conv", "conv", List.of("x", "w"), attr("pads", 1, 1, 1, 1))
                .node("Shape", "shape", List.of("conv"), List.of("s"))
                .constant("zero", scalarIndex(0))
                .node("Gather", "gather", List.of("s", "zero"), List.of("n"), attr("axis", 0))
                .int64s("axes0", 0)
                .node("Unsqueeze", "unsqueeze", List.of("n", "axes0"), List.of("n1"))
                .int64s("minus_one", -1)
                .node("Concat", "concat", List.of("n1", "minus_one"), List.of("target"), attr("axis", 0))
                .op("Reshape", "reshape", List.of("conv", "target"))
                .op("Gemm", "fc", List.of("reshape", "fc_w"), attr("transB", 1)).output("fc");
    }

    @Test
    void shapeGatherConcatReshapeFoldsToABatchGenericTarget() {
        Model m = flattenHead().read();
        assertEquals(List.of("conv", "reshape", "fc"), m.nodes().stream().map(Node::name).toList(),
                "the shape computation is folded away");
        assertEquals(new Reshape(List.of(0, -1)), m.node("reshape").orElseThrow().op());
        CostReport one = count(m, 1);
        CostReport four = count(m, 4);
        assertEquals(Shape.of(4, 10), four.layers().get(2).outputShape());
        assertEquals(4 * one.totals().macs(), four.totals().macs());
        assertEquals(10L * 256 + 4L * 8 * 8 * 27, one.totals().macs());
    }

    @Test
    void dynamicBatchReadsAsOneAndTheBatchOptionScalesEveryCount() {
        Model m = flattenHead().read();
        assertEquals(Shape.of(1, 3, 8, 8), m.inputs().get(0).shape());
        assertEquals(8 * count(m, 1).totals().activations(), count(m, 8).totals().activations());
    }

    @Test
    void channelShuffleThroughShapeArithmeticKeepsItsReshapesAndTranspose() {
        // ShuffleNet: x.view(n, g, c / g, h, w).transpose(1, 2).reshape(n, -1, h, w), sizes from Shape
        Model m = OnnxGraphs.graph().input("x", "n", 8, 4, 4)
                .node("Shape", "shape", List.of("x"), List.of("s"))
                .int64s("idx_n", 0).int64s("idx_c", 1).int64s("idx_hw", 2, 3).int64s("groups", 2)
                .node("Gather", "g_n", List.of("s", "idx_n"), List.of("n"), attr("axis", 0))
                .node("Gather", "g_c", List.of("s", "idx_c"), List.of("c"), attr("axis", 0))
                .node("Gather", "g_hw", List.of("s", "idx_hw"), List.of("hw"), attr("axis", 0))
                .node("Div", "per_group", List.of("c", "groups"), List.of("cg"))
                .node("Concat", "t1", List.of("n", "groups", "cg", "hw"), List.of("target1"), attr("axis", 0))
                .op("Reshape", "split_groups", List.of("x", "target1"))
                .op("Transpose", "swap", List.of("split_groups"), attr("perm", 0, 2, 1, 3, 4))
                .int64s("minus_one", -1)
                .node("Concat", "t2", List.of("n", "minus_one", "hw"), List.of("target2"), attr("axis", 0))
                .op("Reshape", "merge", List.of("swap", "target2")).output("merge").read();
        assertEquals(List.of("split_groups", "swap", "merge"), m.nodes().stream().map(Node::name).toList());
        assertEquals(new Reshape(List.of(0, 2, 4, 4, 4)), m.node("split_groups").orElseThrow().op());
        assertEquals(new Transpose(List.of(0, 2, 1, 3, 4)), m.node("swap").orElseThrow().op());
        CostReport r = count(m, 3);
        assertEquals(Shape.of(3, 2, 4, 4, 4), r.layers().get(0).outputShape());
        assertEquals(Shape.of(3, 8, 4, 4), r.layers().get(2).outputShape());
        assertEquals(0, r.totals().macs());
    }

    @Test
    void dynamicImageSizeTakesTheSampleShape() {
        Model m = OnnxGraphs.graph().input("x", "N", 3, "H", "W").weight("w", 8, 3, 3, 3)
                .op("Conv", "conv", List.of("x", "w"), attr("strides", 2, 2), attr("pads", 1, 1, 1, 1))
                .output("conv").read(Optional.of(Shape.of(3, 64, 48)), false);
        assertEquals(Shape.of(1, 3, 64, 48), m.inputs().get(0).shape());
        assertEquals(Shape.of(1, 8, 32, 24), count(m, 1).layers().get(0).outputShape());
    }

    @Test
    void dynamicImageSizeWithoutASampleShapeSaysToPassInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxGraphs.graph()
                .input("image", "N", 3, "height", "width").weight("w", 8, 3, 3, 3)
                .op("Conv", "conv", List.of("image", "w")).output("conv").read());
        assertTrue(e.getMessage().contains("input 'image' has dynamic dimensions (N x 3 x height x width)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("--input CxHxW"), e.getMessage());
    }

    @Test
    void aSampleShapeWithOtherChannelsThanTheFileIsRejected() {
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxGraphs.graph()
                .input("x", 1, 3, "H", "W").weight("w", 8, 3, 3, 3).op("Conv", "conv", List.of("x", "w"))
                .output("conv").read(Optional.of(Shape.of(1, 32, 32)), false));
        assertTrue(e.getMessage().contains("--input 1x32x32 has 1 channels, but input 'x' has 3"), e.getMessage());
    }

    @Test
    void aStaticExportsLiteralBatchInAReshapeTargetStillFollowsTheBatch() {
        Model m = OnnxGraphs.graph().input("x", 1, 16, 2, 2).int64s("target", 1, 64)
                .op("Reshape", "flat", List.of("x", "target")).output("flat").read();
        assertEquals(new Reshape(List.of(0, 64)), m.node("flat").orElseThrow().op());
        assertEquals(Shape.of(5, 64), count(m, 5).layers().get(0).outputShape());
    }

    @Test
    void constantOfShapeRangeAndWhereFold() {
        // a padding amount computed on constants: Where(Equal(s, 0), ConstantOfShape(...), s) and friends
        Model m = OnnxGraphs.graph().input("x", 1, 4, 6, 6).int64s("two", 2)
                .node("ConstantOfShape", "cos", List.of("two"), List.of("zeros"),
                        attr("value", OnnxGraphs.ints("", 0)))
                .node("Shape", "shape", List.of("x"), List.of("s"))
                .int64s("start", 2).int64s("end", 4)
                .node("Slice", "hw", List.of("s", "start", "end"), List.of("hw"))
                .node("Equal", "eq", List.of("hw", "zeros"), List.of("is_zero"))
                .node("Where", "pick", List.of("is_zero", "zeros", "hw"), List.of("size"))
                .int64s("nc", 1, 4)
                .node("Concat", "cat", List.of("nc", "size"), List.of("target"), attr("axis", 0))
                .op("Reshape", "same", List.of("x", "target")).output("same").read();
        assertEquals(new Reshape(List.of(0, 4, 6, 6)), m.node("same").orElseThrow().op());
    }

    @Test
    void aConstantOfBillionsIsBadInputNamingTheNodeNotAnOutOfMemoryError() {
        BadInputException range = assertThrows(BadInputException.class, () -> OnnxGraphs.graph()
                .input("x", 1, 4, 6, 6).int64s("start", 0).int64s("limit", 2_000_000_000L).int64s("delta", 1)
                .node("Range", "huge_range", List.of("start", "limit", "delta"), List.of("r"))
                .node("Shape", "shape", List.of("r"), List.of("s"))
                .op("Reshape", "same", List.of("x", "s")).output("same").read());
        assertTrue(range.getMessage().contains("huge_range") && range.getMessage().contains("2,000,000,000"),
                range.getMessage());
        BadInputException cos = assertThrows(BadInputException.class, () -> OnnxGraphs.graph()
                .input("x", 1, 4, 6, 6).int64s("dims", 50_000, 40_000)
                .node("ConstantOfShape", "huge_zeros", List.of("dims"), List.of("z"),
                        attr("value", OnnxGraphs.ints("", 0)))
                .node("Shape", "shape", List.of("z"), List.of("s"))
                .op("Reshape", "same", List.of("x", "s")).output("same").read());
        assertTrue(cos.getMessage().contains("huge_zeros"), cos.getMessage());
    }
}
