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
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.ModelInput;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.shape.ShapedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a {@link Model} as an ONNX model (opset {@value #OPSET}, FP32, a static batch): every IR node becomes the
 * ONNX node of the same name whose output tensor has that name, so a runtime's per-node profile and
 * {@link OnnxReader} name Ridgeline's layers; an op with no single ONNX form becomes several nodes
 * ({@link CompositeNodes}), the last of the IR node's name. Weights come from a {@link WeightFill}. Reading the file
 * back gives the same layers and counts (batch norms come back affine, adaptive pooling to 1x1 as a global pooling,
 * stochastic depth as an identity, in-place activations with their own buffer: ONNX has no in-place ops), plus the
 * inner layers of composites and a split's parts named NAME:K. Opset 20 for Gelu; ONNX Runtime 1.20 runs it.
 */
public final class OnnxWriter {
    public static final int OPSET = 20;
    private static final long IR_VERSION = 9;

    private final ShapedModel shaped;
    private final WeightFill fill;
    private final SplittableRandom random;
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final java.util.Set<String> written = new java.util.HashSet<>();

    private OnnxWriter(ShapedModel shaped, WeightFill fill, long seed) {
        this.shaped = shaped;
        this.fill = fill;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param batch the batch size written into the input shapes
     * @param seed  the seed of {@link WeightFill#RANDOM}: the same model and seed give the same bytes
     * @throws BadInputException naming the layer when an op has no ONNX form here
     */
    public static ModelProto toProto(Model model, int batch, WeightFill fill, long seed) {
        return new OnnxWriter(ShapeInference.infer(model, batch), fill, seed).run();
    }

    /** Writes the model to {@code file} atomically (temp file, then move). */
    public static void write(Model model, int batch, WeightFill fill, long seed, Path file) throws IOException {
        byte[] bytes = toProto(model, batch, fill, seed).toByteArray();
        Path target = file.toAbsolutePath();
        Path temp = java.nio.file.Files.createTempFile(target.getParent(), ".ridgeline-", ".onnx.tmp");
        try {
            java.nio.file.Files.write(temp, bytes);
            java.nio.file.Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            java.nio.file.Files.deleteIfExists(temp);
        }
    }

    private ModelProto run() {
        Model model = shaped.model();
        graph.setName(model.name());
        for (ModelInput in : model.inputs()) {
            graph.addInput(valueInfo(in.name(), shaped.inputShapes().get(in.name())));
        }
        List<Node> nodes = model.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                OnnxNodes.write(this, nodes.get(i), shaped.inputShapes(i), shaped.outputShape(i));
            } catch (ArithmeticException e) {
                throw new BadInputException("layer '" + nodes.get(i).name() + "': its weights are too large to write"
                        + " as ONNX (" + e.getMessage() + ")");
            }
        }
        for (String out : model.outputs()) {
            graph.addOutput(valueInfo(out, shaped.outputShape(model.indexOf(out))));
        }
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("ridgeline")
                .setDocString(model.description())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph).build();
    }

    /** Adds a node computing {@code name} from {@code inputs}; attributes follow. */
    NodeProto.Builder node(String name, String type, List<String> inputs) {
        NodeProto.Builder n = graph.addNodeBuilder().setName(name).setOpType(type).addOutput(name);
        n.addAllInput(inputs);
        return n;
    }

    /** Adds an initializer and returns its name. */
    String initializer(String name, long[] dims, WeightFill.Role role, long fanIn) {
        graph.addInitializer(fill.tensor(name, dims, role, fanIn, random));
        return name;
    }

    /** An INT64 vector constant, such as a shape or split sizes (always with its values: ops read them). */
    String longs(String name, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return name;
    }

    /** An FP32 vector constant, such as a resize's scales (always with its values). */
    String reals(String name, float... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(values.length);
        for (float v : values) {
            t.addFloatData(v);
        }
        graph.addInitializer(t);
        return name;
    }

    /** Adds a node named {@code name} with several outputs (a split). */
    NodeProto.Builder multiNode(String name, String type, List<String> inputs, List<String> outputs) {
        return graph.addNodeBuilder().setName(name).setOpType(type).addAllInput(inputs).addAllOutput(outputs);
    }

    /** The model being written. */
    Model model() {
        return shaped.model();
    }

    /** True the first time a node is claimed: a split writes all its parts when it meets the first. */
    boolean claim(String nodeName) {
        return written.add(nodeName);
    }

    /** A scalar FP32 constant (always with its value: ops read it). */
    String scalar(String name, float value) {
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addFloatData(value));
        return name;
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, double value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT)
                .setF((float) value).build();
    }

    static AttributeProto text(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(shade.com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    private static ValueInfoProto valueInfo(String name, Shape shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
        List<Long> sizes = new ArrayList<>();
        for (int d = 0; d < shape.rank(); d++) {
            sizes.add((long) shape.dim(d));
        }
        sizes.forEach(s -> dims.addDimBuilder().setDimValue(s));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(dims))).build();
    }
}
