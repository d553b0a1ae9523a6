package dev.ridgeline.core.io.onnx;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The IR model being built from an ONNX graph: nodes named as the file names them (made unique), each
 * shaped as it is added so that later shape computations can be folded, and labelled with its stage.
 */
final class ImportGraph {
    private final Model.Builder builder;
    private final int importBatch;
    private final Set<String> names = new HashSet<>();
    private final java.util.Map<String, Node> nodes = new java.util.HashMap<>();
    private final java.util.List<String> order = new java.util.ArrayList<>();

    ImportGraph(Model.Builder builder, int importBatch) {
        this.builder = builder;
        this.importBatch = importBatch;
    }

    /** The batch the graph is read at (its inputs' first dimension, or 1 where that is dynamic). */
    int importBatch() {
        return importBatch;
    }

    Value input(String name, Shape shape) {
        names.add(name);
        builder.input(name, shape);
        return Value.computed(name, shape);
    }

    Value emit(String wanted, String sourceName, Op op, List<Value> from) {
        String name = unique(wanted);
        Node node = new Node(name, op, from.stream().map(Value::node).toList(), stage(sourceName));
        Shape shape = ShapeInference.outputShape(node, from.stream().map(Value::shape).toList());
        builder.add(node);
        nodes.put(name, node);
        order.add(name);
        return Value.computed(name, shape);
    }

    /** How many IR nodes have been added so far. */
    int added() {
        return order.size();
    }

    /** The names of the IR nodes added after the first {@code from}. */
    List<String> addedSince(int from) {
        return List.copyOf(order.subList(from, order.size()));
    }

    /** An IR node added so far, or null for a model input. */
    Node node(String name) {
        return nodes.get(name);
    }

    void precision(String node, dev.ridgeline.core.graph.LayerPrecision precision) {
        builder.precision(node, precision);
    }

    void output(String node) {
        builder.output(node);
    }

    Model build() {
        return builder.build();
    }

    private String unique(String wanted) {
        String name = wanted;
        for (int k = 1; !names.add(name); k++) {
            name = wanted + "_" + k;
        }
        return name;
    }

    /**
     * The stage of a node from its scoped name, as exporters write the module path: the second scope of
     * "/features/features.1/conv/conv.0/Conv" ("features.1"), or the only one of "/classifier/Gemm"; none
     * for a top-level node such as "/GlobalAveragePool" or an unscoped "Conv_12".
     */
    static List<String> stage(String onnxName) {
        String[] parts = java.util.Arrays.stream(onnxName.split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        int scopes = parts.length - 1;
        if (scopes >= 2) {
            return List.of(parts[1]);
        }
        return scopes == 1 ? List.of(parts[0]) : List.of();
    }
}
