package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Op;
import java.util.List;

/**
 * Multiply-accumulates of the ops that have them, by torchvision's rule: convolutions, linear layers
 * and matrix products only (no bias, normalization, activation, pooling or element-wise work).
 */
public final class Macs {
    private Macs() {
    }

    public static long of(Op op, List<Shape> inputs, Shape output) {
        return switch (op.kind()) {
            // every output element is a dot product over (Cin/g) x Kh x Kw inputs
            case CONV2D -> {
                Conv2d c = (Conv2d) op;
                yield Math.multiplyExact(output.numel(),
                        Math.multiplyExact((long) c.inChannels() / c.groups(), c.window().kernelArea()));
            }
            // every input element is scattered into (Cout/g) x Kh x Kw outputs
            case CONV_TRANSPOSE2D -> {
                ConvTranspose2d c = (ConvTranspose2d) op;
                yield Math.multiplyExact(inputs.get(0).numel(),
                        Math.multiplyExact((long) c.outChannels() / c.groups(), c.window().kernelArea()));
            }
            case LINEAR -> Math.multiplyExact(output.numel(), ((Linear) op).inFeatures());
            case MATMUL -> Math.multiplyExact(output.numel(), inputs.get(0).dim(-1));
            case BATCH_NORM, ACTIVATION, MAX_POOL, AVG_POOL, ADAPTIVE_AVG_POOL, GLOBAL_AVG_POOL, ADD, MUL, CONCAT,
                    FLATTEN, CHANNEL_SHUFFLE, UPSAMPLE, DROPOUT, IDENTITY, ELEMENTWISE, SOFTMAX, REDUCE_MEAN, RESHAPE,
                    TRANSPOSE, SQUEEZE, UNSQUEEZE, SLICE, PAD, SPLIT, LAYER_NORM, SCALE, STOCHASTIC_DEPTH, GROUP_NORM, REDUCE, TILE,
                    UNCOUNTED -> 0L;
        };
    }
}
