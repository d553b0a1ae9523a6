package dev.ridgeline.core.io.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.op.Op;
import java.util.ArrayList;
import java.util.List;

/** One ONNX node being mapped: its inputs as values, its attributes, and a way to add IR nodes for it. */
final class NodeContext {
    private final NodeProto proto;
    private final String name;
    private final List<Value> inputs;
    private final Attributes attributes;
    private final int opset;
    private final ImportGraph graph;

    NodeContext(NodeProto proto, String name, List<Value> inputs, int opset, ImportGraph graph) {
        this.proto = proto;
        this.name = name;
        this.inputs = inputs;
        this.attributes = new Attributes(proto, name);
        this.opset = opset;
        this.graph = graph;
    }

    String type() {
        return proto.getOpType();
    }

    String name() {
        return name;
    }

    /** "node 'NAME' (Type)": how messages name it. */
    String what() {
        return "node '" + name + "' (" + type() + ")";
    }

    Attributes attributes() {
        return attributes;
    }

    int opset() {
        return opset;
    }

    int batch() {
        return graph.importBatch();
    }

    int inputCount() {
        return inputs.size();
    }

    int outputCount() {
        return proto.getOutputCount();
    }

    boolean hasOutput(int k) {
        return k < proto.getOutputCount() && !proto.getOutput(k).isEmpty();
    }

    /** Input i, or null when the node leaves that optional input out. */
    Value input(int i) {
        return i < inputs.size() ? inputs.get(i) : null;
    }

    List<Value> inputs() {
        return inputs;
    }

    /** An input the op cannot do without, computed or constant. */
    Value required(int i, String role) {
        Value v = input(i);
        BadInputException.check(v != null, "%s has no %s (input %d)", what(), role, i);
        return v;
    }

    /** A computed (non-constant) input, the data the op works on. */
    Value data(int i) {
        Value v = input(i);
        BadInputException.check(v != null, "%s has no input %d", what(), i);
        if (v.isConstant()) {
            throw new Unsupported("input " + i + " is a constant where Ridgeline expects computed data");
        }
        return v;
    }

    /** A constant input such as a weight, a shape or a scale; one computed at run time is unsupported. */
    Tensor constant(int i, String role) {
        Value v = input(i);
        BadInputException.check(v != null, "%s has no %s (input %d)", what(), role, i);
        if (!v.isConstant()) {
            throw new Unsupported("its " + role + " is computed at run time and could not be folded to a constant");
        }
        return v.constant();
    }

    /** An optional constant input, or null when absent or empty. */
    Tensor optionalConstant(int i, String role) {
        Value v = input(i);
        if (v == null) {
            return null;
        }
        Tensor t = constant(i, role);
        return t.numel() == 0 ? null : t;
    }

    /** Constants among the inputs, as {@link dev.ridgeline.core.io.onnx.Tensor}s (the weights a node reads). */
    List<Tensor> constants() {
        List<Tensor> out = new ArrayList<>();
        for (Value v : inputs) {
            if (v != null && v.isConstant()) {
                out.add(v.constant());
            }
        }
        return out;
    }

    /** The same node reading other inputs: a quantized op seen as its float op (weights where the float op has them). */
    NodeContext withInputs(List<Value> reordered) {
        return new NodeContext(proto, name, reordered, opset, graph);
    }

    /** Adds the IR node for this ONNX node, reading the given computed values. */
    Value emit(Op op, Value... from) {
        return graph.emit(name, name, op, List.of(from));
    }

    /** Adds one of several IR nodes for this ONNX node, named NAME:suffix. */
    Value emitPart(String suffix, Op op, Value... from) {
        return graph.emit(name + ":" + suffix, name, op, List.of(from));
    }
}
