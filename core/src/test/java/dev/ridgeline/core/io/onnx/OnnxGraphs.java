package dev.ridgeline.core.io.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.List;
import java.util.Optional;

/** Builds small ONNX graphs in code, the way exporters write them, and reads them back through the reader. */
final class OnnxGraphs {
    /** Attributes that are lists even with one value. */
    private static final java.util.Set<String> LISTS = java.util.Set.of("axes", "pads", "strides", "dilations",
            "kernel_shape", "perm", "split", "output_padding", "output_shape", "starts", "ends");

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
    private int opset = 13;

    static OnnxGraphs graph() {
        return new OnnxGraphs();
    }

    OnnxGraphs opset(int version) {
        this.opset = version;
        return this;
    }

    /** A float input; a dimension given as a String is dynamic (a dim_param), as a Number static. */
    OnnxGraphs input(String name, Object... dims) {
        graph.addInput(info(name, dims));
        return this;
    }

    OnnxGraphs output(String name) {
        graph.addOutput(ValueInfoProto.newBuilder().setName(name));
        return this;
    }

    /** An output with a declared static shape, as shape inference records it. */
    OnnxGraphs output(String name, Object... dims) {
        graph.addOutput(info(name, dims));
        return this;
    }

    /** A float weight (dimensions only: the reader never needs a weight's values). */
    OnnxGraphs weight(String name, long... dims) {
        graph.addInitializer(floats(name, dims));
        return this;
    }

    /** Any initializer, such as an INT8 weight of a quantized graph. */
    OnnxGraphs initializer(TensorProto tensor) {
        graph.addInitializer(tensor);
        return this;
    }

    OnnxGraphs int64s(String name, long... values) {
        graph.addInitializer(ints(name, values));
        return this;
    }

    OnnxGraphs constant(String output, TensorProto value) {
        return node("Constant", output + "_node", List.of(), List.of(output), attr("value", value));
    }

    OnnxGraphs node(String type, String name, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        graph.addNode(NodeProto.newBuilder().setOpType(type).setName(name).addAllInput(inputs).addAllOutput(outputs)
                .addAllAttribute(List.of(attrs)));
        return this;
    }

    /** A node named NAME whose single output is also called NAME. */
    OnnxGraphs op(String type, String name, List<String> inputs, AttributeProto... attrs) {
        return node(type, name, inputs, List.of(name), attrs);
    }

    ModelProto proto() {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(graph).build();
    }

    Model read() {
        return read(Optional.empty(), false);
    }

    Model read(Optional<Shape> sample, boolean allowUncounted) {
        return OnnxReader.read(proto(), "test.onnx", "test", sample, allowUncounted);
    }

    static CostReport count(Model model, int batch) {
        return Counter.count(ShapeInference.infer(model, batch), Convention.MACS, 4);
    }

    static TensorProto floats(String name, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    static TensorProto ints(String name, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        return t.build();
    }

    static TensorProto scalar(float value) {
        return TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData(value).build();
    }

    static AttributeProto attr(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        if (values.length == 1 && !LISTS.contains(name)) {
            return a.setType(AttributeProto.AttributeType.INT).setI(values[0]).build();
        }
        a.setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(shade.com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto attr(String name, TensorProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(value)
                .build();
    }

    private static ValueInfoProto info(String name, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Number n) {
                dim.setDimValue(n.longValue());
            } else {
                dim.setDimParam(d.toString());
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
