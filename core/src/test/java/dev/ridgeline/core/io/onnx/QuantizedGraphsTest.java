package dev.ridgeline.core.io.onnx;

import static dev.ridgeline.core.io.onnx.OnnxGraphs.attr;
import static dev.ridgeline.core.io.onnx.OnnxGraphs.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.graph.LayerPrecision;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Quantized graphs: QDQ pairs fold onto the layer they wrap; the integer ops read as their float op at INT8. */
class QuantizedGraphsTest {
    private static TensorProto typed(String name, TensorProto.DataType type, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    /** x -> Q -> DQ -> Conv(DQ(int8 w), DQ(int32 b)) -> Relu -> Q -> DQ -> Conv (float weights) */
    static OnnxGraphs qdqConv() {
        OnnxGraphs g = OnnxGraphs.graph().input("x", 1, 3, 8, 8).weight("s", 1).weight("ws", 4).weight("bs", 4)
                .weight("w2", 2, 4, 1, 1);
        g.initializer(typed("zp", TensorProto.DataType.UINT8)).initializer(typed("w", TensorProto.DataType.INT8, 4, 3,
                3, 3)).initializer(typed("wz", TensorProto.DataType.INT8, 4)).initializer(typed("b",
                TensorProto.DataType.INT32, 4)).initializer(typed("bz", TensorProto.DataType.INT32, 4));
        return g.node("QuantizeLinear", "q0", List.of("x", "s", "zp"), List.of("xq"))
                .node("DequantizeLinear", "dq0", List.of("xq", "s", "zp"), List.of("xd"))
                .node("DequantizeLinear", "dqw", List.of("w", "ws", "wz"), List.of("wd"), attr("axis", 0))
                .node("DequantizeLinear", "dqb", List.of("b", "bs", "bz"), List.of("bd"), attr("axis", 0))
                .op("Conv", "conv", List.of("xd", "wd", "bd"), attr("pads", 1, 1, 1, 1))
                .op("Relu", "relu", List.of("conv"))
                .node("QuantizeLinear", "q1", List.of("relu", "s", "zp"), List.of("rq"))
                .node("DequantizeLinear", "dq1", List.of("rq", "s", "zp"), List.of("rd"))
                .op("Conv", "head", List.of("rd", "w2")).output("head");
    }

    @Test
    void qdqPairsAreNoLayersAndTheWrappedConvAndItsReluAreInt8() {
        Model m = qdqConv().read();
        assertEquals(List.of("conv", "relu", "head"), m.nodes().stream().map(Node::name).toList());
        assertEquals(Optional.of(LayerPrecision.INT8), m.precisionOf("conv"));
        assertEquals(Optional.of(LayerPrecision.INT8), m.precisionOf("relu"), "quantized right after an INT8 conv");
        assertEquals(Optional.empty(), m.precisionOf("head"), "its weights are float");
        CostReport r = count(m, 1);
        assertEquals(4 * 27 + 4 + 2 * 4, r.totals().params());
        assertEquals(64 * 4 * 27 + 64 * 2 * 4, r.totals().macs());
        assertEquals(4 * 27 + 4 + 2 * 4, m.storedParams().orElseThrow(), "scales and zero points are not weights");
        // the INT8 conv reads its input and weights and writes its output at 1 byte, the float head at 4
        assertEquals(3 * 64 + 4 * 27 + 4, r.layers().get(0).cost().readBytes());
        assertEquals((4 * 64 + 2 * 4) * 4, r.layers().get(2).cost().readBytes());
    }

    @Test
    void qLinearConvConvIntegerAndMatMulIntegerReadAsTheirFloatOpAtInt8() {
        OnnxGraphs g = OnnxGraphs.graph().input("x", 1, 3, 8, 8).weight("s", 1);
        g.initializer(typed("zp", TensorProto.DataType.UINT8)).initializer(typed("w", TensorProto.DataType.INT8,
                4, 3, 3, 3)).initializer(typed("b", TensorProto.DataType.INT32, 4))
                .initializer(typed("w2", TensorProto.DataType.INT8, 4, 4, 1, 1))
                .initializer(typed("m", TensorProto.DataType.INT8, 8, 5));
        Model m = g.node("QuantizeLinear", "q", List.of("x", "s", "zp"), List.of("xq"))
                .op("QLinearConv", "qconv", List.of("xq", "s", "zp", "w", "s", "zp", "s", "zp", "b"),
                        attr("pads", 1, 1, 1, 1))
                .op("ConvInteger", "iconv", List.of("qconv", "w2"))
                .op("MatMulInteger", "imm", List.of("iconv", "m")).output("imm").read();
        assertEquals(List.of("qconv", "iconv", "imm"), m.nodes().stream().map(Node::name).toList());
        m.nodes().forEach(n -> assertEquals(Optional.of(LayerPrecision.INT8), m.precisionOf(n.name()), n.name()));
        CostReport r = count(m, 1);
        assertEquals(4 * 27 + 4 + 16 + 40, r.totals().params());
        assertEquals(64 * 4 * 27 + 64 * 16 + 4 * 8 * 8 * 5, r.totals().macs());
        assertEquals(4 * 27 + 4 + 16 + 40, m.storedParams().orElseThrow());
    }
}
