package dev.ridgeline.core.io.onnx;

import static dev.ridgeline.core.io.onnx.OnnxGraphs.attr;
import static dev.ridgeline.core.io.onnx.OnnxGraphs.count;
import static dev.ridgeline.core.io.onnx.OnnxGraphs.real;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.Mul;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Softmax;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Activations and element-wise arithmetic read from ONNX, with their counts under onnx-tool's rules. */
class OnnxElementwiseOpsTest {
    private static TensorProto scalar(float v) {
        return OnnxGraphs.scalar(v);
    }

    private static Op op(Model m, String name) {
        return m.node(name).orElseThrow().op();
    }

    @Test
    void activationsMapToTheirFunctions() {
        Model m = OnnxGraphs.graph().input("x", 1, 4, 8, 8)
                .op("Relu", "relu", List.of("x"))
                .op("LeakyRelu", "leaky", List.of("relu"), real("alpha", 0.2f))
                .op("HardSigmoid", "hsig", List.of("leaky"))
                .op("HardSwish", "hswish", List.of("hsig"))
                .op("Sigmoid", "sig", List.of("hswish"))
                .op("Tanh", "tanh", List.of("sig"))
                .op("Sqrt", "sqrt", List.of("tanh"))
                .op("Softmax", "softmax", List.of("sqrt")).output("softmax").opset(14).read();
        assertEquals(Activation.relu(), op(m, "relu"));
        assertEquals(Activation.leakyRelu(0.2f), op(m, "leaky"));
        assertEquals(ActivationKind.HARDSIGMOID, ((Activation) op(m, "hsig")).function());
        assertEquals(ActivationKind.HARDSWISH, ((Activation) op(m, "hswish")).function());
        assertEquals(ActivationKind.SIGMOID, ((Activation) op(m, "sig")).function());
        assertEquals(ActivationKind.TANH, ((Activation) op(m, "tanh")).function());
        assertEquals(ActivationKind.SQRT, ((Activation) op(m, "sqrt")).function());
        assertEquals(new Softmax(-1), op(m, "softmax"), "opset 13 on: the last axis by default");
        // onnx-tool per element: relu 1, leaky 2, hard-sigmoid 4, hard-swish 5, sigmoid 32, tanh 76, sqrt 24,
        // softmax 36
        CostReport r = Counter.count(ShapeInference.infer(m, 1), Convention.ONNX_TOOL, 4);
        assertEquals(256L * (1 + 2 + 4 + 5 + 32 + 76 + 24 + 36), r.totals().flops());
        assertEquals(0, r.totals().macs());
    }

    @Test
    void softmaxBeforeOpset13DefaultsToAxisOne() {
        Model m = OnnxGraphs.graph().input("x", 1, 10).op("Softmax", "p", List.of("x")).output("p").opset(11).read();
        assertEquals(new Softmax(1), op(m, "p"));
    }

    @Test
    void clipBetweenZeroAndSixIsRelu6AndOtherBoundsStayAClip() {
        Model m = OnnxGraphs.graph().input("x", 1, 4, 8, 8)
                .constant("lo", scalar(0)).constant("hi", scalar(6)).constant("minus", scalar(-1))
                .constant("plus", scalar(1))
                .op("Clip", "relu6", List.of("x", "lo", "hi"))
                .op("Clip", "relu", List.of("relu6", "lo"))
                .op("Clip", "clip", List.of("relu", "minus", "plus")).output("clip").read();
        assertEquals(new Activation(ActivationKind.RELU6, false), op(m, "relu6"));
        assertEquals(Activation.relu(), op(m, "relu"));
        assertEquals(Activation.clip(-1, 1), op(m, "clip"));
    }

    @Test
    void clipBoundsAsAttributesBeforeOpset11() {
        Model m = OnnxGraphs.graph().opset(9).input("x", 1, 4).op("Clip", "c", List.of("x"), real("min", 0),
                real("max", 6)).output("c").read();
        assertEquals(new Activation(ActivationKind.RELU6, false), op(m, "c"));
    }

    @Test
    void binaryOpsOfTwoTensorsAndOfATensorAndAConstant() {
        Model m = OnnxGraphs.graph().input("x", 1, 4, 8, 8).input("y", 1, 4, 8, 8).weight("scale", 4, 1, 1)
                .constant("six", scalar(6)).constant("two", scalar(2))
                .op("Add", "add", List.of("x", "y"))
                .op("Mul", "mul", List.of("add", "y"))
                .op("Sub", "sub", List.of("mul", "x"))
                .op("Div", "div", List.of("sub", "y"))
                .op("Pow", "pow", List.of("div", "two"))
                .op("Mul", "scaled", List.of("scale", "pow"))
                .op("Div", "by6", List.of("scaled", "six")).output("by6").read();
        assertEquals(new Add(), op(m, "add"));
        assertEquals(new Mul(), op(m, "mul"));
        assertEquals(Elementwise.of(Elementwise.Function.SUB), op(m, "sub"));
        assertEquals(Elementwise.of(Elementwise.Function.DIV), op(m, "div"));
        assertEquals(Elementwise.withConstant(Elementwise.Function.POW, List.of()), op(m, "pow"));
        assertEquals(new dev.ridgeline.core.op.Scale(4), op(m, "scaled"), "a C x 1 x 1 factor is a per-channel scale");
        assertEquals("div", op(m, "by6").type());
        CostReport r = Counter.count(ShapeInference.infer(m, 1), Convention.ONNX_TOOL, 4);
        assertEquals(4, r.totals().params(), "a per-channel constant is learned; scalars are literals");
        // add 1, mul 1, sub 1, div 4, pow 32, mul 1, div 4 per element
        assertEquals(256L * (1 + 1 + 1 + 4 + 32 + 1 + 4), r.totals().flops());
    }

    @Test
    void reduceMeanOverTheImageIsAPerChannelAverage() {
        Model m = OnnxGraphs.graph().input("x", 2, 4, 8, 8)
                .op("ReduceMean", "mean", List.of("x"), attr("axes", 2, 3), attr("keepdims", 1))
                .op("ReduceMean", "flat", List.of("mean"), attr("axes", -1, -2), attr("keepdims", 0))
                .output("flat").read();
        CostReport r = Counter.count(ShapeInference.infer(m, 2), Convention.ONNX_TOOL, 4);
        assertEquals(dev.ridgeline.core.graph.Shape.of(2, 4, 1, 1), r.layers().get(0).outputShape());
        assertEquals(dev.ridgeline.core.graph.Shape.of(2, 4), r.layers().get(1).outputShape());
        assertEquals(2L * 4 * 64 + 2 * 4, r.totals().flops(), "one add per input element");
    }

    @Test
    void identityDropoutAndCastOnComputedDataAreFreeViews() {
        Model m = OnnxGraphs.graph().input("x", 1, 4, 8, 8)
                .op("Identity", "id", List.of("x"))
                .op("Dropout", "drop", List.of("id"), real("ratio", 0.2f))
                .op("Cast", "cast", List.of("drop"), attr("to", TensorProto.DataType.FLOAT_VALUE))
                .op("Relu", "relu", List.of("cast")).output("relu").opset(11).read();
        assertEquals(List.of("identity", "dropout", "identity", "relu"),
                m.nodes().stream().map(n -> n.op().type()).toList());
        assertEquals(0, count(m, 1).layers().get(1).cost().memoryTrafficBytes());
    }
}
