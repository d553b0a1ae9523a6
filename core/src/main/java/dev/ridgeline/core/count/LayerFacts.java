package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Op;
import java.util.List;

/** What a counting rule may look at for one layer: the op, its input and output shapes, its MACs. */
public record LayerFacts(Op op, List<Shape> inputs, Shape output, long macs) {
    public LayerFacts {
        inputs = List.copyOf(inputs);
    }

    public static LayerFacts of(Op op, List<Shape> inputs, Shape output) {
        return new LayerFacts(op, inputs, output, Macs.of(op, inputs, output));
    }

    public Shape input() {
        return inputs.get(0);
    }

    /** Elements of the first input (batch included). */
    public long inElements() {
        return inputs.get(0).numel();
    }

    /** Elements of the output (batch included). */
    public long outElements() {
        return output.numel();
    }

    /** Output positions per output channel x batch: N x Ho x Wo for a feature map. */
    public long outPositions() {
        return output.numel() / output.channels();
    }

    public long params() {
        return op.params();
    }
}
