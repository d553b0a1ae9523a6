package dev.ridgeline.core.io.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Uncounted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an .onnx file into the same {@link Model} IR as YAML models. Weights come from initializers or
 * Constant nodes (through Identity aliases); shape computations on constants are folded away; nodes keep
 * the file's names and a stage label from their scope. A dynamic input dimension takes the sample shape
 * the user gives (--input), the batch defaults to 1. An op Ridgeline cannot count is an error naming every
 * such op type, unless the caller allows it: then it is kept as {@link Uncounted} where its output shape
 * can be inferred.
 */
public final class OnnxReader {
    private final String source;
    private final GraphProto graph;
    private final int opset;
    private final boolean allowUncounted;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, String> unavailable = new HashMap<>();
    private final Map<String, long[]> declared = new HashMap<>();
    private final Uncounting uncounting = new Uncounting();
    private final Set<String> int8Nodes = new java.util.LinkedHashSet<>();
    private Set<String> integerWeights = Set.of();
    private ImportGraph ir;

    private OnnxReader(String source, ModelProto proto, boolean allowUncounted) {
        this.source = source;
        this.graph = proto.getGraph();
        this.opset = proto.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty()
                || o.getDomain().equals("ai.onnx")).mapToInt(o -> (int) o.getVersion()).max().orElse(21);
        this.allowUncounted = allowUncounted;
    }

    /** Reads a file; a sample shape (channels first, no batch) replaces the first input's dimensions. */
    public static Model read(Path file, Optional<Shape> sample) {
        return read(file, sample, false);
    }

    public static Model read(Path file, Optional<Shape> sample, boolean allowUncounted) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (IOException e) {
            if (looksLikeText(bytes)) {
                throw new BadInputException(file + ": not an ONNX model: it is a text file, and ONNX files are binary "
                        + "(protobuf); export the network with torch.onnx.export or tf2onnx, or if this is a YAML "
                        + "model, name it .yaml");
            }
            throw new BadInputException(file + ": not a readable ONNX model (" + e.getMessage().lines().findFirst()
                    .orElse("").trim() + "); the file is truncated or damaged: export it again, e.g. with "
                    + "torch.onnx.export, and check that it was copied whole");
        }
        String name = file.getFileName().toString().replaceFirst("(?i)\\.onnx$", "");
        return read(proto, file.toString(), name, sample, allowUncounted);
    }

    /** True when the first bytes are printable text (a YAML or JSON file given the wrong name, say). */
    private static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 512);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' || b == 0x7f) {
                return false;
            }
        }
        return n > 0;
    }

    /** Reads a model already parsed; {@code source} names it in messages. */
    static Model read(ModelProto proto, String source, String name, Optional<Shape> sample, boolean allowUncounted) {
        return load(proto, source, name, sample, allowUncounted).model();
    }

    /** Reads a model already parsed, with the dimensions of each graph output as read (for conformance tests). */
    static Imported load(ModelProto proto, String source, String name, Optional<Shape> sample, boolean allowUncounted) {
        BadInputException.check(proto.hasGraph() && proto.getGraph().getNodeCount() > 0,
                "%s: not an ONNX model: it has no graph of nodes; give a .onnx file exported from a framework "
                        + "(torch.onnx.export, tf2onnx) or a .yaml model", source);
        OnnxReader reader = new OnnxReader(source, proto, allowUncounted);
        Model model = reader.run(proto, name, sample);
        return new Imported(model, reader.outputDims);
    }

    /**
     * A graph whose every output folds to a constant (a Shape of the input, say): no network to count, though
     * each output's dimensions are known.
     */
    static final class ConstantGraph extends BadInputException {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, long[]> outputDims;

        ConstantGraph(String message, Map<String, long[]> outputDims) {
            super(message);
            this.outputDims = Map.copyOf(outputDims);
        }

        Map<String, long[]> outputDims() {
            return outputDims;
        }
    }

    /** A read model and each graph output's dimensions, batch first, by the output's name in the file. */
    record Imported(Model model, Map<String, long[]> outputDims) {
    }

    private final Map<String, long[]> outputDims = new LinkedHashMap<>();

    private Model run(ModelProto proto, String name, Optional<Shape> sample) {
        graph.getValueInfoList().forEach(this::declare);
        graph.getOutputList().forEach(this::declare);
        Set<String> initializers = new HashSet<>();
        long storedWeights = 0;
        Set<String> scales = QuantizedOps.scaleTensors(graph);
        integerWeights = QuantizedOps.integerWeights(graph);
        for (TensorProto t : graph.getInitializerList()) {
            Tensor tensor = readerOf(t.getName(), () -> Tensor.of(t, t.getName()));
            values.put(t.getName(), Value.of(tensor));
            initializers.add(t.getName());
            boolean weight = tensor.isReal() ? !scales.contains(t.getName()) : integerWeights.contains(t.getName());
            storedWeights += weight ? tensor.numel() : 0;
        }
        List<ValueInfoProto> inputs = graph.getInputList().stream().filter(i -> !initializers.contains(i.getName()))
                .toList();
        BadInputException.check(!inputs.isEmpty(), "%s: the graph has no input", source);
        Inputs resolved = readerOf(inputs.get(0).getName(), () -> Inputs.resolve(source, inputs, sample));
        Model.Builder builder = Model.builder(name).description(describe(proto));
        ir = new ImportGraph(builder, resolved.batch());
        resolved.shapes().forEach((input, shape) -> values.put(input, ir.input(input, shape)));
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto n = graph.getNode(i);
            try {
                storedWeights += visit(n, i);
            } catch (BadInputException e) {
                String what = "node '" + (n.getName().isEmpty() ? n.getOutputCount() > 0 ? n.getOutput(0) : n.getOpType()
                        : n.getName()) + "' (" + n.getOpType() + ")";
                String message = e.getMessage().startsWith(source) ? e.getMessage().substring(source.length() + 2)
                        : e.getMessage();
                throw new BadInputException(source + ": " + (message.contains("(" + n.getOpType() + ")") ? ""
                        : what + ": ") + message, e);
            } catch (ArithmeticException e) {
                throw new BadInputException(source + ": node '" + (n.getName().isEmpty() ? n.getOpType() : n.getName())
                        + "' (" + n.getOpType() + "): a size does not fit (" + e.getMessage() + ")", e);
            }
        }
        uncounting.check(source, allowUncounted);
        Set<String> outputs = new HashSet<>();
        for (ValueInfoProto out : graph.getOutputList()) {
            Value v = values.get(out.getName());
            if (v == null) {
                String from = unavailable.get(out.getName());
                throw new BadInputException(source + ": graph output '" + out.getName() + "' is " + (from == null
                        ? "computed by no node (the file is damaged)" : from + ", which Ridgeline does not model"
                        + " (an auxiliary output such as a normalization's statistics or pooling indices); remove it"
                        + " from the graph's outputs"));
            }
            outputDims.put(out.getName(), v.isConstant() ? v.constant().dims()
                    : java.util.Arrays.stream(v.shape().toArray()).asLongStream().toArray());
            if (!v.isConstant() && resolved.shapes().containsKey(v.node())) {
                // a model input passed through (a QuantizeLinear of it, say): a copy, so that the output is a layer
                v = ir.emit(out.getName(), out.getName(), new dev.ridgeline.core.op.Identity(), List.of(v));
            }
            if (v != null && !v.isConstant() && !resolved.shapes().containsKey(v.node()) && outputs.add(v.node())) {
                ir.output(v.node());
            }
        }
        if (outputs.isEmpty()) {
            throw new ConstantGraph(source + ": no graph output is computed from the inputs: " + graph.getOutputList()
                    .stream().map(o -> "'" + o.getName() + "' is a constant" + producer(o.getName()))
                    .collect(Collectors.joining("; ")), outputDims);
        }
        builder.storedParams(java.util.OptionalLong.of(storedWeights));
        int8Nodes.forEach(node -> ir.precision(node, dev.ridgeline.core.graph.LayerPrecision.INT8));
        return ir.build();
    }

    /** Folds or maps one node; returns the weight elements a Constant node stores. */
    private long visit(NodeProto n, int index) {
        String type = n.getOpType();
        String name = !n.getName().isEmpty() ? n.getName() : n.getOutputCount() > 0 ? n.getOutput(0) : type + "_" + index;
        List<Value> in = new ArrayList<>();
        for (String input : n.getInputList()) {
            in.add(input.isEmpty() ? null : lookup(input, name, type));
        }
        boolean standard = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
        if (standard && type.equals("Constant")) {
            Tensor t = Constants.of(n, name);
            values.put(n.getOutput(0), Value.of(t));
            boolean weight = t.isReal() || integerWeights.contains(n.getOutput(0));
            return weight && t.numel() > 1 ? t.numel() : 0;
        }
        Attributes attributes = new Attributes(n, name);
        String what = "node '" + name + "' (" + type + ")";
        if (standard && (type.equals("Shape") || type.equals("Size")) && in.get(0) != null && !in.get(0).isConstant()) {
            long[] dims = java.util.Arrays.stream(in.get(0).shape().toArray()).asLongStream().toArray();
            Tensor t = type.equals("Shape") ? Shapes.shapeOf(dims, attributes, what)
                    : Tensor.scalar(in.get(0).shape().numel());
            values.put(n.getOutput(0), Value.of(t));
            return 0;
        }
        if (standard && (type.equals("QuantizeLinear") || type.equals("DequantizeLinear")) && in.get(0) != null
                && !in.get(0).isConstant()) {
            // a QDQ pair is no layer: the data passes through, marked as INT8 for the layer that reads it
            if (type.equals("QuantizeLinear")) {
                promoteFusedActivation(in.get(0));
            }
            values.put(n.getOutput(0), in.get(0).asInt8());
            return 0;
        }
        boolean allConstant = in.stream().allMatch(v -> v == null || v.isConstant());
        if (standard && allConstant && !in.isEmpty()) {
            List<Tensor> constants = in.stream().map(v -> v == null ? null : v.constant()).toList();
            Optional<List<Tensor>> folded = ConstantFolder.fold(type, attributes, constants, opset, what,
                    n.getOutputCount());
            if (folded.isPresent()) {
                boolean learned = ConstantFolder.keepsLearned(type, constants);
                for (int k = 0; k < n.getOutputCount(); k++) {
                    if (k < folded.get().size()) {
                        values.put(n.getOutput(k), Value.of(folded.get().get(k).learned(learned)));
                    } else {
                        unavailable.put(n.getOutput(k), what + " output " + k);
                    }
                }
                return 0;
            }
        }
        NodeContext c = new NodeContext(n, name, in, opset, ir);
        List<Value> out;
        try {
            if (!standard) {
                throw new Unsupported("it is in the '" + n.getDomain() + "' domain, not standard ONNX");
            }
            if (allConstant) {
                throw new Unsupported("it computes from constants only, in a way Ridgeline cannot evaluate");
            }
            int before = ir.added();
            out = OpMapper.map(c);
            if (runsInt8(type, in)) {
                int8Nodes.addAll(ir.addedSince(before));
                if (type.startsWith("QLinear")) {
                    out = out.stream().map(v -> v == null ? null : v.asInt8()).toList();
                }
            }
        } catch (Unsupported u) {
            out = List.of(uncounting.keep(c, u, n.getOutputCount() > 0 ? declared.get(n.getOutput(0)) : null));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source + ": " + c.what() + ": " + e.getMessage());
        }
        for (int k = 0; k < n.getOutputCount(); k++) {
            String tensor = n.getOutput(k);
            if (tensor.isEmpty()) {
                continue;
            }
            Value v = k < out.size() ? out.get(k) : null;
            if (v == null) {
                unavailable.put(tensor, c.what() + " output " + k);
            } else {
                values.put(tensor, v);
            }
        }
        return 0;
    }

    /**
     * True when a node runs at INT8: a quantized op (QLinearConv, ConvInteger, ...), or a float op whose computed
     * inputs all come through DequantizeLinear of INT8 data and whose weights are all dequantized integers.
     */
    private static boolean runsInt8(String type, List<Value> in) {
        if (QuantizedOps.AS_FLOAT.containsKey(type)) {
            return true;
        }
        List<Value> computed = in.stream().filter(v -> v != null && !v.isConstant()).toList();
        boolean weightsInt8 = in.stream().filter(v -> v != null && v.isConstant()).map(Value::constant)
                .filter(t -> t.learned() && t.isReal() && t.numel() > 1).allMatch(Tensor::isDequantized);
        return !computed.isEmpty() && computed.stream().allMatch(Value::int8) && weightsInt8;
    }

    /**
     * An activation quantized right after an INT8 layer (the quantizer's Conv + ReLU, with no QDQ pair between
     * them) runs at INT8 with it.
     */
    private void promoteFusedActivation(Value quantized) {
        dev.ridgeline.core.graph.Node producer = ir.node(quantized.node());
        if (producer != null && !int8Nodes.contains(producer.name())
                && producer.op() instanceof dev.ridgeline.core.op.Activation
                && producer.inputs().stream().allMatch(int8Nodes::contains)) {
            int8Nodes.add(producer.name());
        }
    }

    /** Runs a step that reads a tensor, naming the nodes that read it in any error. */
    private <T> T readerOf(String tensor, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (BadInputException e) {
            String readers = graph.getNodeList().stream().filter(n -> n.getInputList().contains(tensor))
                    .map(n -> "node '" + n.getName() + "' (" + n.getOpType() + ")").distinct()
                    .collect(Collectors.joining(", "));
            throw readers.isEmpty() ? e : new BadInputException(e.getMessage() + " (read by " + readers + ")", e);
        }
    }

    /** ", folded from node 'NAME' (Type)" for a tensor a node makes; empty for an initializer. */
    private String producer(String tensor) {
        return graph.getNodeList().stream().filter(n -> n.getOutputList().contains(tensor)).findFirst()
                .map(n -> ", folded from node '" + n.getName() + "' (" + n.getOpType() + ")").orElse("");
    }

    private Value lookup(String tensor, String node, String type) {
        Value v = values.get(tensor);
        if (v != null) {
            return v;
        }
        String from = unavailable.get(tensor);
        if (from != null) {
            throw new BadInputException(source + ": node '" + node + "' (" + type + ") reads '" + tensor + "', "
                    + from + ", which Ridgeline does not model (an auxiliary output such as pooling indices)");
        }
        throw new BadInputException(source + ": node '" + node + "' (" + type + ") reads '" + tensor + "', which is "
                + "no graph input, initializer or output of an earlier node (ONNX graphs list nodes in topological "
                + "order); the file is damaged or not a valid ONNX model");
    }

    /** Records a tensor's static shape as the file declares it (value_info, outputs), for ops kept uncounted. */
    private void declare(ValueInfoProto info) {
        if (!info.getType().hasTensorType() || !info.getType().getTensorType().hasShape()) {
            return;
        }
        var dims = info.getType().getTensorType().getShape().getDimList();
        if (dims.stream().allMatch(d -> d.hasDimValue() && d.getDimValue() > 0)) {
            declared.put(info.getName(), dims.stream().mapToLong(d -> d.getDimValue()).toArray());
        }
    }

    private String describe(ModelProto proto) {
        String producer = (proto.getProducerName() + " " + proto.getProducerVersion()).trim();
        return "ONNX, opset " + opset + (producer.isEmpty() ? "" : ", exported by " + producer);
    }
}
