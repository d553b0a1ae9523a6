package dev.ridgeline.report.analysis;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.List;

/** Small models built in code, with costs worked out by hand in the tests that use them. */
final class TinyModels {
    private TinyModels() {
    }

    /**
     * input 1x3x8x8 -> conv 3->4, 3x3, padding 1, bias (labelled "stem") -> relu (not in place) -> flatten ->
     * linear 256->10 with bias.
     */
    static Model tiny() {
        return Model.builder("tiny")
                .input("input", Shape.of(1, 3, 8, 8))
                .add(new Node("conv", new Conv2d(3, 4, Window.square(3, 1, 1), 1, true), List.of("input"),
                        List.of("stem")))
                .add(new Node("relu", Activation.relu(), List.of("conv")))
                .add(new Node("flatten", new Flatten(1), List.of("relu")))
                .add(new Node("fc", new Linear(256, 10, true), List.of("flatten")))
                .build();
    }

    /** Two convolutions added: a layer that reads two inputs, and a name that CSV must quote. */
    static Model residual(String oddName) {
        return Model.builder("residual")
                .input("input", Shape.of(1, 2, 4, 4))
                .add(new Node("a", Conv2d.of(2, 2, 1, 1, 0), List.of("input")))
                .add(new Node(oddName, Conv2d.of(2, 2, 1, 1, 0), List.of("input")))
                .add(new Node("sum", new Add(), List.of("a", oddName)))
                .build();
    }

    static CostReport count(Model model, int batch, Convention convention) {
        return Counter.count(ShapeInference.infer(model, batch), convention, 4);
    }
}
