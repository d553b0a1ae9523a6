package dev.ridgeline.core.graph;

import dev.ridgeline.core.op.Op;
import java.util.List;

/**
 * A named operator applied to named inputs (model inputs or other nodes). Labels (a stage, a block,
 * user tags) let later stages address groups of layers.
 */
public record Node(String name, Op op, List<String> inputs, List<String> labels) {
    public Node {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a node needs a name");
        }
        inputs = List.copyOf(inputs);
        labels = List.copyOf(labels);
    }

    public Node(String name, Op op, List<String> inputs) {
        this(name, op, inputs, List.of());
    }

    /** "'layer1.0.conv1' (conv2d)": how messages name a node. */
    public String describe() {
        return "'" + name + "' (" + op.type() + ")";
    }
}
