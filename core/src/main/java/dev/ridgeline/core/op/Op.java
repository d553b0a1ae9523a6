package dev.ridgeline.core.op;

import java.util.Map;

/**
 * One operator of a network. The hierarchy is closed so that counting, shape inference and
 * every exporter handle each kind exhaustively; {@link #kind()} allows an exhaustive switch.
 */
public sealed interface Op permits Conv2d, ConvTranspose2d, Linear, MatMul, BatchNorm, Activation, Pool2d,
        AdaptiveAvgPool, GlobalAvgPool, Add, Mul, Concat, Flatten, ChannelShuffle, Upsample, Dropout, Identity,
        Elementwise, Softmax, ReduceMean, Reshape, Transpose, Squeeze, Unsqueeze, Slice, Pad, Split, LayerNorm, Scale,
        StochasticDepth, GroupNorm, Reduce, Tile, Uncounted {

    OpKind kind();

    /** The name outputs print for this op, such as "conv2d" or "relu". */
    default String type() {
        return kind().id();
    }

    /** How many inputs the op takes: its kind's, unless its fields say otherwise. */
    default Arity arity() {
        return kind().arity();
    }

    /** Learnable parameters (weights and biases; BatchNorm's running statistics are buffers, not parameters). */
    default long params() {
        return 0;
    }

    /** True for views (flatten, identity, dropout at inference): no arithmetic, no memory traffic. */
    default boolean isView() {
        return kind().isView();
    }

    /** True when the output shares the input's memory (in-place activations, views): it allocates nothing. */
    default boolean aliasesInput() {
        return isView();
    }

    /** The op's attributes under the names outputs use, in a stable order. */
    Map<String, Object> attributes();
}
