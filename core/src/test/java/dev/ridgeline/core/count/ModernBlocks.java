package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.StochasticDepth;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Window;
import java.util.List;

/**
 * ShuffleNetV2's stride-1 unit and ConvNeXt's block written node by node, with their figures worked out by
 * hand; the YAML and ONNX tests build the same blocks their own way and must reach the same figures.
 */
public final class ModernBlocks {
    /** Unit at 1x116x28x28 (stage 2 of shufflenet_v2_x1_0): 2 x 58*58*784 + 58*9*784 multiply-accumulates. */
    public static final long SHUFFLE_MACS = 2L * 58 * 58 * 784 + 58L * 9 * 784;
    /** Two 1x1 convs (58*58 each), a depthwise 3x3 (58*9), three BNs (2*58 each). */
    public static final long SHUFFLE_PARAMS = 2L * 58 * 58 + 58 * 9 + 3 * 2 * 58;
    /** Block at 1x96x56x56 (stage 1 of convnext_tiny): dw 7x7 over 3,136 positions and two 96x384 linears. */
    public static final long CONVNEXT_MACS = 96L * 49 * 3136 + 2L * 3136 * 96 * 384;
    /** dw conv 96*49 + 96, LN 2*96, linears 96*384 + 384 and 384*96 + 96, layer scale 96. */
    public static final long CONVNEXT_PARAMS = 96 * 49 + 96 + 2 * 96 + 96 * 384 + 384 + 384 * 96 + 96 + 96;

    private ModernBlocks() {
    }

    public static Model shuffleUnit() {
        List<Integer> halves = List.of(58, 58);
        return Model.builder("shuffle-unit").input("input", Shape.of(1, 116, 28, 28))
                .add(new Node("split.0", new Split(1, halves, 0), List.of("input")))
                .add(new Node("split.1", new Split(1, halves, 1), List.of("input")))
                .add(new Node("branch2.0", new Conv2d(58, 58, Window.square(1, 1, 0), 1, false), List.of("split.1")))
                .add(new Node("branch2.1", new BatchNorm(58, true), List.of("branch2.0")))
                .add(new Node("branch2.2", new Activation(ActivationKind.RELU, true), List.of("branch2.1")))
                .add(new Node("branch2.3", new Conv2d(58, 58, Window.square(3, 1, 1), 58, false),
                        List.of("branch2.2")))
                .add(new Node("branch2.4", new BatchNorm(58, true), List.of("branch2.3")))
                .add(new Node("branch2.5", new Conv2d(58, 58, Window.square(1, 1, 0), 1, false),
                        List.of("branch2.4")))
                .add(new Node("branch2.6", new BatchNorm(58, true), List.of("branch2.5")))
                .add(new Node("branch2.7", new Activation(ActivationKind.RELU, true), List.of("branch2.6")))
                .add(new Node("concat", new Concat(1), List.of("split.0", "branch2.7")))
                .add(new Node("shuffle", new ChannelShuffle(2), List.of("concat")))
                .build();
    }

    public static Model convnextBlock() {
        return Model.builder("convnext-block").input("input", Shape.of(1, 96, 56, 56))
                .add(new Node("block.0", new Conv2d(96, 96, Window.square(7, 1, 3), 96, true), List.of("input")))
                .add(new Node("block.1", new Transpose(List.of(0, 2, 3, 1)), List.of("block.0")))
                .add(new Node("block.2", new LayerNorm(96, LayerNorm.Axis.LAST, true), List.of("block.1")))
                .add(new Node("block.3", new Linear(96, 384, true), List.of("block.2")))
                .add(new Node("block.4", new Activation(ActivationKind.GELU, false), List.of("block.3")))
                .add(new Node("block.5", new Linear(384, 96, true), List.of("block.4")))
                .add(new Node("block.6", new Transpose(List.of(0, 3, 1, 2)), List.of("block.5")))
                .add(new Node("layer_scale", new Scale(96), List.of("block.6")))
                .add(new Node("stochastic_depth", new StochasticDepth(0.0, StochasticDepth.Mode.ROW),
                        List.of("layer_scale")))
                .add(new Node("add", new Add(), List.of("stochastic_depth", "input")))
                .build();
    }
}
