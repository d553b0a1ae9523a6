package dev.ridgeline.core.io.onnx;

import static dev.ridgeline.core.io.onnx.OnnxGraphs.attr;
import static dev.ridgeline.core.io.onnx.OnnxGraphs.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.Upsample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ops that move, select or resize data: shapes as ONNX defines them, no MACs. */
class OnnxLayoutOpsTest {
    private static Shape shape(CostReport r, String name) {
        return r.layers().stream().filter(l -> l.node().name().equals(name)).findFirst().orElseThrow().outputShape();
    }

    @Test
    void splitBecomesOneSplitPartPerOutputAndConcatJoinsThem() {
        Model m = OnnxGraphs.graph().input("x", 1, 8, 4, 4).int64s("sizes", 3, 5)
                .node("Split", "split", List.of("x", "sizes"), List.of("a", "b"), attr("axis", 1))
                .op("Relu", "relu", List.of("b"))
                .op("Concat", "cat", List.of("relu", "a"), attr("axis", 1)).output("cat").read();
        assertEquals(List.of("split:0", "split:1", "relu", "cat"), m.nodes().stream().map(Node::name).toList());
        assertEquals(new Split(1, List.of(3, 5), 1), m.node("split:1").orElseThrow().op());
        CostReport r = count(m, 2);
        assertEquals(Shape.of(2, 3, 4, 4), shape(r, "split:0"));
        assertEquals(Shape.of(2, 5, 4, 4), shape(r, "split:1"));
        assertEquals(Shape.of(2, 8, 4, 4), shape(r, "cat"));
    }

    @Test
    void splitWithoutSizesCutsEqualParts() {
        Model m = OnnxGraphs.graph().input("x", 1, 6, 4, 4)
                .node("Split", "split", List.of("x"), List.of("a", "b", "c"), attr("axis", 1))
                .op("Concat", "cat", List.of("c", "a"), attr("axis", 1)).output("cat").read();
        assertEquals(Shape.of(1, 4, 4, 4), shape(count(m, 1), "cat"));
    }

    @Test
    void sliceWithNegativeBoundsAndStepsClampsLikePython() {
        Model m = OnnxGraphs.graph().input("x", 1, 8, 10, 10).int64s("starts", 1, -1).int64s("ends", 100,
                        Long.MIN_VALUE).int64s("axes", 2, 3).int64s("steps", 2, -3)
                .op("Slice", "s", List.of("x", "starts", "ends", "axes", "steps")).output("s").read();
        assertEquals(Shape.of(1, 8, 5, 4), shape(count(m, 1), "s"), "rows 1,3,5,7,9; columns 9,6,3,0");
    }

    @Test
    void transposeSqueezeUnsqueezeAndFlatten() {
        Model m = OnnxGraphs.graph().input("x", 1, 8, 1, 1).int64s("axes", 2, 3).int64s("at", 1)
                .op("Squeeze", "sq", List.of("x", "axes"))
                .op("Unsqueeze", "unsq", List.of("sq", "at"))
                .op("Transpose", "t", List.of("unsq"), attr("perm", 0, 2, 1))
                .op("Flatten", "flat", List.of("t"), attr("axis", 1)).output("flat").read();
        CostReport r = count(m, 3);
        assertEquals(Shape.of(3, 8), shape(r, "sq"));
        assertEquals(Shape.of(3, 1, 8), shape(r, "unsq"));
        assertEquals(Shape.of(3, 8, 1), shape(r, "t"));
        assertEquals(new Flatten(1), m.node("flat").orElseThrow().op());
        assertEquals(Shape.of(3, 8), shape(r, "flat"));
        assertEquals(0, r.totals().macs());
    }

    @Test
    void squeezeWithoutAxesKeepsTheBatchEvenWhenItIsOne() {
        Model m = OnnxGraphs.graph().opset(11).input("x", 1, 8, 1, 1).op("Squeeze", "sq", List.of("x"))
                .output("sq").read();
        assertEquals(Shape.of(4, 8), shape(count(m, 4), "sq"));
    }

    @Test
    void padAddsBordersPerAxis() {
        Model m = OnnxGraphs.graph().input("x", 1, 4, 6, 6).int64s("pads", 0, 0, 1, 2, 0, 0, 1, 2)
                .op("Pad", "pad", List.of("x", "pads"), attr("mode", "reflect")).output("pad").read();
        assertEquals(Shape.of(1, 4, 8, 10), shape(count(m, 1), "pad"));
    }

    @Test
    void resizeByScalesOrBySizesIsAnUpsample() {
        TensorProto scales = TensorProto.newBuilder().setName("scales").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(4).addFloatData(1).addFloatData(1).addFloatData(2).addFloatData(2).build();
        TensorProto empty = TensorProto.newBuilder().setName("roi").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(0).build();
        Model m = OnnxGraphs.graph().input("x", 1, 4, 5, 5).constant("scales", scales).constant("roi", empty)
                .int64s("sizes", 1, 4, 7, 9)
                .op("Resize", "up", List.of("x", "roi", "scales"), attr("mode", "nearest"))
                .op("Resize", "fit", List.of("up", "", "", "sizes"), attr("mode", "linear")).output("fit").read();
        assertEquals(Upsample.scale(Upsample.Mode.NEAREST, 2), m.node("up").orElseThrow().op());
        assertEquals(new Upsample(Upsample.Mode.BILINEAR, 0, 0, 7, 9), m.node("fit").orElseThrow().op());
        CostReport r = count(m, 1);
        assertEquals(Shape.of(1, 4, 10, 10), shape(r, "up"));
        assertEquals(Shape.of(1, 4, 7, 9), shape(r, "fit"));
    }

    @Test
    void upsampleOfOpset9ReadsItsScalesInput() {
        TensorProto scales = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(4)
                .addFloatData(1).addFloatData(1).addFloatData(2).addFloatData(3).build();
        Model m = OnnxGraphs.graph().opset(9).input("x", 1, 4, 5, 5).constant("s", scales)
                .op("Upsample", "up", List.of("x", "s")).output("up").read();
        assertEquals(Shape.of(1, 4, 10, 15), shape(count(m, 1), "up"));
    }

    @org.junit.jupiter.api.Test
    void aLayerNormOverSeveralAxesIsOneOverTheirProduct() {
        dev.ridgeline.core.graph.Model m = OnnxGraphs.graph().input("x", "n", 4, 8, 8).weight("scale", 4, 8, 8)
                .weight("bias", 4, 8, 8)
                .op("LayerNormalization", "ln", java.util.List.of("x", "scale", "bias"), OnnxGraphs.attr("axis", 1))
                .output("ln").read();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("ln:rows", "ln", "ln:back"),
                m.nodes().stream().map(dev.ridgeline.core.graph.Node::name).toList());
        CostReport r = OnnxGraphs.count(m, 2);
        org.junit.jupiter.api.Assertions.assertEquals(2 * 256, r.totals().params());
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(2, 256), shape(r, "ln"));
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(2, 4, 8, 8), shape(r, "ln:back"));
    }

    @org.junit.jupiter.api.Test
    void aLayerNormsStatisticsAreSlicesOfOneElementPerRowAndAddNoArithmetic() {
        // Mean and InvStdDev of an N x 4 x 8 input normalized over the last axis: N x 4 x 1 each
        dev.ridgeline.core.graph.Model m = OnnxGraphs.graph().opset(17).input("x", "n", 4, 8).weight("scale", 8)
                .weight("bias", 8)
                .node("LayerNormalization", "ln", java.util.List.of("x", "scale", "bias"),
                        java.util.List.of("y", "mean", "inv"))
                .output("y").output("mean").output("inv").read();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("ln", "ln:mean", "ln:inv_std_dev"),
                m.nodes().stream().map(dev.ridgeline.core.graph.Node::name).toList());
        CostReport r = OnnxGraphs.count(m, 2);
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(2, 4, 1), shape(r, "ln:mean"));
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(2, 4, 1), shape(r, "ln:inv_std_dev"));
        org.junit.jupiter.api.Assertions.assertEquals(2 * 8, r.totals().params());
        // fvcore: 5 per input element of the affine layer norm (2 x 4 x 8 = 64 elements), the statistics none
        CostReport fv = dev.ridgeline.core.count.Counter.count(dev.ridgeline.core.shape.ShapeInference.infer(m, 2), dev.ridgeline.core.count.Convention.FVCORE, 4);
        org.junit.jupiter.api.Assertions.assertEquals(5L * 64, fv.layers().stream()
                .mapToLong(l -> l.cost().flops()).sum());
        org.junit.jupiter.api.Assertions.assertEquals(0L, fv.layers().stream()
                .filter(l -> l.node().name().startsWith("ln:")).mapToLong(l -> l.cost().flops()).sum());
    }

    @org.junit.jupiter.api.Test
    void aLayerNormsStatisticsOverSeveralAxesKeepTheLeadingAxes() {
        // axis 1 of 1 x 4 x 8 x 8: one row of 256 per image; InvStdDev alone (Mean left out) is 1 x 1 x 1 x 1
        dev.ridgeline.core.graph.Model m = OnnxGraphs.graph().opset(17).input("x", "n", 4, 8, 8).weight("scale", 4, 8, 8)
                .weight("bias", 4, 8, 8)
                .node("LayerNormalization", "ln", java.util.List.of("x", "scale", "bias"),
                        java.util.List.of("y", "", "inv"), OnnxGraphs.attr("axis", 1))
                .output("y").output("inv").read();
        CostReport r = OnnxGraphs.count(m, 3);
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(3, 1), shape(r, "ln:inv_std_dev"));
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(3, 1, 1, 1), shape(r, "ln:inv_std_dev:back"));
        org.junit.jupiter.api.Assertions.assertTrue(r.layers().stream()
                .noneMatch(l -> l.node().name().equals("ln:mean")));
    }

    @org.junit.jupiter.api.Test
    void anEinsumByAStoredStackOfMatricesIsOneLinearPerMatrix() {
        // "bij,bjk->bik" with B stored 2 x 4 x 5: 2 x 3 x 4 x 5 MACs, B's 40 elements parameters once
        dev.ridgeline.core.graph.Model m = OnnxGraphs.graph().input("x", 2, 3, 4).weight("w", 2, 4, 5)
                .op("Einsum", "z", java.util.List.of("x", "w"), OnnxGraphs.attr("equation", "bij,bjk->bik"))
                .output("z").read();
        CostReport r = OnnxGraphs.count(m, 2);
        org.junit.jupiter.api.Assertions.assertEquals(2L * 3 * 4 * 5, r.totals().macs());
        org.junit.jupiter.api.Assertions.assertEquals(2 * 4 * 5, r.totals().params());
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(2, 3, 5), shape(r, "z"));
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(1, 1, 3, 5), shape(r, "z:linear1"));
    }

    @org.junit.jupiter.api.Test
    void einsumReadsAsTheProductItIs() {
        // attention scores "bhqd,bhkd->bhqk" of two computed tensors: 2 x 4 x 16 x 16 x 8 MACs
        dev.ridgeline.core.graph.Model m = OnnxGraphs.graph().input("x", 2, 4, 16, 8)
                .op("Relu", "k", java.util.List.of("x"))
                .op("Einsum", "scores", java.util.List.of("x", "k"), OnnxGraphs.attr("equation", "bhqd,bhkd->bhqk"))
                .weight("w", 16, 5)
                .op("Einsum", "proj", java.util.List.of("scores", "w"), OnnxGraphs.attr("equation", "bhqk,kc->bhqc"))
                .op("Einsum", "swap", java.util.List.of("proj"), OnnxGraphs.attr("equation", "bhqc->bchq"))
                .output("swap").read();
        CostReport r = OnnxGraphs.count(m, 2);
        org.junit.jupiter.api.Assertions.assertEquals(2L * 4 * 16 * 16 * 8 + 2L * 4 * 16 * 16 * 5, r.totals().macs());
        org.junit.jupiter.api.Assertions.assertEquals(16 * 5, r.totals().params(), "the stored matrix of the linear");
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(2, 5, 4, 16), shape(r, "swap"));
    }

    @org.junit.jupiter.api.Test
    void groupNormalizationHasTwoParametersPerChannel() {
        dev.ridgeline.core.graph.Model m = OnnxGraphs.graph().opset(21).input("x", 1, 8, 4, 4).weight("scale", 8)
                .weight("bias", 8)
                .op("GroupNormalization", "gn", java.util.List.of("x", "scale", "bias"), OnnxGraphs.attr("num_groups", 2))
                .output("gn").read();
        org.junit.jupiter.api.Assertions.assertEquals(new dev.ridgeline.core.op.GroupNorm(8, 2, true),
                m.node("gn").orElseThrow().op());
        org.junit.jupiter.api.Assertions.assertEquals(16, OnnxGraphs.count(m, 1).totals().params());
    }
}
