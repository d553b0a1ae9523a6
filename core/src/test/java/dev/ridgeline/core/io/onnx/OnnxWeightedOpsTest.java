package dev.ridgeline.core.io.onnx;

import static dev.ridgeline.core.io.onnx.OnnxGraphs.attr;
import static dev.ridgeline.core.io.onnx.OnnxGraphs.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pool2d;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conv, ConvTranspose, Gemm, MatMul, BatchNormalization and pooling read from ONNX, against hand counts. */
class OnnxWeightedOpsTest {
    private static LayerCost layer(CostReport r, String name) {
        return r.layers().stream().filter(l -> l.node().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void groupedDilatedConvTakesItsChannelsFromTheWeightsAndCountsBias() {
        Model m = OnnxGraphs.graph().input("x", 1, 8, 32, 32).weight("w", 16, 2, 3, 3).weight("b", 16)
                .op("Conv", "conv", List.of("x", "w", "b"), attr("group", 4), attr("dilations", 2, 2),
                        attr("pads", 2, 2, 2, 2), attr("kernel_shape", 3, 3))
                .output("conv").read();
        Conv2d conv = (Conv2d) m.node("conv").orElseThrow().op();
        assertEquals(new Conv2d(8, 16, new dev.ridgeline.core.op.Window(3, 3, 1, 1, 2, 2, Padding.of(2)), 4, true),
                conv);
        LayerCost l = layer(count(m, 1), "conv");
        assertEquals(Shape.of(1, 16, 32, 32), l.outputShape());
        assertEquals(16L * 32 * 32 * 2 * 9, l.cost().macs(), "N Ho Wo Cout (Cin/g) K^2");
        assertEquals(16L * 2 * 9 + 16, l.cost().params());
    }

    @Test
    void stridedConvWithAsymmetricPadsAndSameUpper() {
        Model m = OnnxGraphs.graph().input("x", 1, 3, 15, 15).weight("w", 4, 3, 3, 3).weight("w2", 4, 4, 3, 3)
                .op("Conv", "a", List.of("x", "w"), attr("strides", 2, 2), attr("pads", 0, 0, 1, 1))
                .op("Conv", "b", List.of("a", "w2"), attr("strides", 2, 2), attr("auto_pad", "SAME_UPPER"))
                .output("b").read();
        CostReport r = count(m, 1);
        assertEquals(Shape.of(1, 4, 7, 7), layer(r, "a").outputShape(), "floor((15 + 0 + 1 - 3) / 2) + 1");
        assertEquals(Shape.of(1, 4, 4, 4), layer(r, "b").outputShape(), "SAME: ceil(7 / 2)");
    }

    @Test
    void convTransposeScattersEachInputOverCoutTimesKernel() {
        Model m = OnnxGraphs.graph().input("x", 1, 4, 8, 8).weight("w", 4, 2, 4, 4)
                .op("ConvTranspose", "up", List.of("x", "w"), attr("strides", 2, 2), attr("pads", 1, 1, 1, 1))
                .output("up").read();
        assertEquals(new ConvTranspose2d(4, 2, new dev.ridgeline.core.op.Window(4, 4, 2, 2, 1, 1, Padding.of(1)), 0,
                0, 1, false), m.node("up").orElseThrow().op());
        LayerCost l = layer(count(m, 1), "up");
        assertEquals(Shape.of(1, 2, 16, 16), l.outputShape(), "(8 - 1) * 2 - 2 + 4 = 16");
        assertEquals(4L * 8 * 8 * 2 * 16, l.cost().macs());
        assertEquals(4L * 2 * 16, l.cost().params());
    }

    @Test
    void convTransposeOutputShapeAttributeSetsThePads() {
        Model m = OnnxGraphs.graph().input("x", 1, 4, 8, 8).weight("w", 4, 2, 3, 3)
                .op("ConvTranspose", "up", List.of("x", "w"), attr("strides", 2, 2), attr("output_shape", 16, 16),
                        attr("output_padding", 1, 1))
                .output("up").read();
        assertEquals(Shape.of(1, 2, 16, 16), layer(count(m, 1), "up").outputShape());
    }

    @Test
    void gemmWithTransposedWeightsAndBiasIsALinearLayer() {
        Model m = OnnxGraphs.graph().input("x", 1, 64).weight("w", 10, 64).weight("b", 10)
                .op("Gemm", "fc", List.of("x", "w", "b"), attr("transB", 1)).output("fc").read();
        assertEquals(new Linear(64, 10, true), m.node("fc").orElseThrow().op());
        LayerCost l = layer(count(m, 1), "fc");
        assertEquals(640, l.cost().macs());
        assertEquals(650, l.cost().params());
    }

    @Test
    void gemmWithoutTransposeReadsWeightsAsInByOut() {
        Model m = OnnxGraphs.graph().input("x", 1, 64).weight("w", 64, 10)
                .op("Gemm", "fc", List.of("x", "w")).output("fc").read();
        assertEquals(new Linear(64, 10, false), m.node("fc").orElseThrow().op());
    }

    @Test
    void matMulByAConstantIsALinearLayerWithoutBiasAndOfTwoTensorsAMatmul() {
        Model m = OnnxGraphs.graph().input("x", 2, 7, 32).weight("w", 32, 16)
                .op("MatMul", "proj", List.of("x", "w"))
                .node("Transpose", "t", List.of("proj"), List.of("pt"), attr("perm", 0, 2, 1))
                .op("MatMul", "scores", List.of("proj", "pt")).output("scores").read();
        assertEquals(new Linear(32, 16, false), m.node("proj").orElseThrow().op());
        CostReport r = count(m, 2);
        assertEquals(2L * 7 * 16 * 32, layer(r, "proj").cost().macs());
        assertEquals(Shape.of(2, 7, 7), layer(r, "scores").outputShape());
        assertEquals(2L * 7 * 7 * 16, layer(r, "scores").cost().macs());
    }

    @Test
    void batchNormHasAScaleAndShiftPerChannel() {
        Model m = OnnxGraphs.graph().input("x", 1, 6, 4, 4).weight("s", 6).weight("b", 6).weight("mean", 6)
                .weight("var", 6).op("BatchNormalization", "bn", List.of("x", "s", "b", "mean", "var"))
                .output("bn").read();
        assertEquals(new BatchNorm(6, true), m.node("bn").orElseThrow().op());
        assertEquals(12, count(m, 1).totals().params());
    }

    @Test
    void weightsInConstantNodesCountLikeInitializers() {
        Model m = OnnxGraphs.graph().input("x", 1, 3, 8, 8)
                .constant("w", OnnxGraphs.floats("", 4, 3, 3, 3)).constant("b", OnnxGraphs.floats("", 4))
                .op("Conv", "conv", List.of("x", "w", "b"), attr("pads", 1, 1, 1, 1)).output("conv").read();
        assertEquals(4 * 27 + 4, count(m, 1).totals().params());
        assertEquals(List.of("conv"), m.nodes().stream().map(n -> n.name()).toList(), "constants are not nodes");
    }

    @Test
    void dequantizedWeightsOfAQuantizedExportKeepTheirDimensions() {
        ai.onnx.proto.OnnxMl.TensorProto int8 = ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setName("wq")
                .setDataType(ai.onnx.proto.OnnxMl.TensorProto.DataType.INT8_VALUE).addDims(4).addDims(3).addDims(3)
                .addDims(3).build();
        Model m = OnnxGraphs.graph().input("x", 1, 3, 8, 8).constant("wq", int8).constant("scale",
                        OnnxGraphs.scalar(0.1f)).constant("zero", OnnxGraphs.scalar(0))
                .node("DequantizeLinear", "dq", List.of("wq", "scale", "zero"), List.of("w"))
                .op("Conv", "conv", List.of("x", "w")).output("conv").read();
        assertEquals(new Conv2d(3, 4, dev.ridgeline.core.op.Window.square(3, 1, 0), 1, false),
                m.node("conv").orElseThrow().op());
    }

    @Test
    void identityAliasesOfOneStoredTensorCountWhereEachLayerUsesThem() {
        Model m = OnnxGraphs.graph().input("x", 1, 4, 8, 8).weight("w", 4, 4, 1, 1).weight("zeros", 4)
                .node("Identity", "alias_w", List.of("w"), List.of("w2"))
                .node("Identity", "alias_b", List.of("zeros"), List.of("b2"))
                .op("Conv", "a", List.of("x", "w", "zeros")).op("Conv", "b", List.of("a", "w2", "b2"))
                .output("b").read();
        CostReport r = count(m, 1);
        assertEquals(2 * (16 + 4), r.totals().params(), "each conv counts the weights and bias it uses");
        assertEquals(List.of("a", "b"), m.nodes().stream().map(n -> n.name()).toList());
        assertEquals(20, m.storedParams().orElseThrow(), "stored once");
    }

    @Test
    void ceilModePoolingRoundsUpAndAverageKeepsCountIncludePad() {
        Model m = OnnxGraphs.graph().input("x", 1, 4, 8, 8)
                .op("MaxPool", "max", List.of("x"), attr("kernel_shape", 3, 3), attr("strides", 2, 2),
                        attr("ceil_mode", 1))
                .op("AveragePool", "avg", List.of("max"), attr("kernel_shape", 3, 3), attr("pads", 1, 1, 1, 1),
                        attr("count_include_pad", 1))
                .op("GlobalAveragePool", "gap", List.of("avg")).output("gap").read();
        CostReport r = count(m, 1);
        assertEquals(Shape.of(1, 4, 4, 4), layer(r, "max").outputShape(), "ceil((8 - 3) / 2) + 1 = 4, floor gives 3");
        Pool2d avg = (Pool2d) m.node("avg").orElseThrow().op();
        assertTrue(avg.countIncludePad() && !avg.max());
        assertEquals(Shape.of(1, 4, 1, 1), layer(r, "gap").outputShape());
    }
}
