package dev.ridgeline.hardware.roofline;

import dev.ridgeline.core.count.LayerFacts;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Upsample;

/**
 * The operations a device executes for a layer, whatever convention a report prints: 2 per
 * multiply-accumulate plus element-wise work, per element of the batch:
 * <ul>
 *   <li>bias: 1 add per output element; batch norm (inference, folded to scale and shift): 2 per element;</li>
 *   <li>activations per element: relu 1, relu6 2, hardsigmoid 4 (mul, add, two clamps), hardswish 5
 *       (hardsigmoid and a mul), sigmoid 4 (negate, exp, add, divide), silu 5 (sigmoid and a mul),
 *       gelu 8 (the tanh approximation), tanh 5 (exp, two adds, a divide, a mul), leaky relu 2 (compare,
 *       mul), clip 2, sqrt 1; exp, log, abs, neg, reciprocal, floor, ceil, round, sign and not 1; softplus
 *       (exp, add, log) and softsign (abs, add, divide) 3; elu 4 (exp, subtract, mul, select); selu and celu 5;
 *       erf 8 (a polynomial approximation); mish 9 (softplus, tanh, mul);</li>
 *   <li>element-wise sub, div and the ops with a constant operand: 1 per output element, pow 3 (log, mul,
 *       exp); softmax 5 per element (max, subtract, exp, sum, divide); reduce-mean 1 add per input and a
 *       divide per output;</li>
 *   <li>max pooling: kernel area - 1 compares per output; average pooling: kernel area (adds and a divide)
 *       per output; adaptive and global average pooling: 1 add per input and a divide per output;</li>
 *   <li>add and mul: 1 per output element; bilinear upsampling 7 per output (4 mul, 3 add), bicubic 31 (16 mul, 15 add), nearest 0;</li>
 *   <li>layer norm: 5 per element (an add for the mean, a subtract, a multiply-add for the variance, a
 *       multiply by the reciprocal deviation), 2 more if affine, and 4 per normalized row (two divides, the
 *       epsilon add, a square root); group and instance norm the same, 4 per group of each sample; a
 *       per-channel scale 1 per element; the other reductions (sum, max, ...) 1 per input and 1 per output;</li>
 *   <li>concat, flatten, channel shuffle, dropout, stochastic depth, identity, reshape, transpose, squeeze,
 *       unsqueeze, slice, split, pad and tile: 0 (memory only); an op imported uncounted: 0, and reports list it.</li>
 * </ul>
 */
public final class HardwareOps {
    private HardwareOps() {
    }

    public static long of(LayerFacts f) {
        long out = f.outElements();
        return switch (f.op().kind()) {
            case CONV2D -> 2 * f.macs() + (((Conv2d) f.op()).bias() ? out : 0);
            case CONV_TRANSPOSE2D -> 2 * f.macs() + (((ConvTranspose2d) f.op()).bias() ? out : 0);
            case LINEAR -> 2 * f.macs() + (((Linear) f.op()).bias() ? out : 0);
            case MATMUL -> 2 * f.macs();
            case BATCH_NORM -> 2 * out;
            case ACTIVATION -> out * switch (((Activation) f.op()).function()) {
                case RELU -> 1;
                case RELU6 -> 2;
                case HARDSIGMOID, SIGMOID -> 4;
                case HARDSWISH, SILU -> 5;
                case GELU -> 8;
                case TANH -> 5;
                case LEAKY_RELU, CLIP -> 2;
                case SQRT, EXP, LOG, ABS, NEG, RECIPROCAL, FLOOR, CEIL, ROUND, SIGN, NOT -> 1;
                case SOFTPLUS, SOFTSIGN -> 3;
                case ELU -> 4;
                case SELU, CELU -> 5;
                case ERF -> 8;
                case MISH -> 9;
            };
            case ELEMENTWISE -> out * (((Elementwise) f.op()).function() == Elementwise.Function.POW ? 3 : 1);
            case SOFTMAX -> 5 * out;
            case REDUCE_MEAN -> f.inElements() + out;
            case MAX_POOL -> out * (((Pool2d) f.op()).window().kernelArea() - 1);
            case AVG_POOL -> out * ((Pool2d) f.op()).window().kernelArea();
            case ADAPTIVE_AVG_POOL, GLOBAL_AVG_POOL -> f.inElements() + out;
            case ADD, MUL, SCALE -> out;
            case LAYER_NORM -> {
                LayerNorm l = (LayerNorm) f.op();
                yield f.inElements() * (l.affine() ? 7 : 5) + 4 * (f.inElements() / l.features());
            }
            case GROUP_NORM -> {
                dev.ridgeline.core.op.GroupNorm g = (dev.ridgeline.core.op.GroupNorm) f.op();
                yield f.inElements() * (g.affine() ? 7 : 5) + 4L * f.input().batch() * g.groups();
            }
            case REDUCE -> f.inElements() + out;
            case UPSAMPLE -> switch (((Upsample) f.op()).mode()) {
                case NEAREST -> 0;
                case BILINEAR -> 7 * out;
                case BICUBIC -> 31 * out;
            };
            case CONCAT, FLATTEN, CHANNEL_SHUFFLE, DROPOUT, IDENTITY, RESHAPE, TRANSPOSE, SQUEEZE, UNSQUEEZE, SLICE, PAD,
                    SPLIT, STOCHASTIC_DEPTH, TILE, UNCOUNTED -> 0;
        };
    }
}
