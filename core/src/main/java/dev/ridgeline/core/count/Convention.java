package dev.ridgeline.core.count;

import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.GroupNorm;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Softmax;
import dev.ridgeline.core.op.Upsample;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A named rule for the headline "FLOPs" figure, reproducing what each tool prints as its total
 * (see reference/counting-conventions.md). For an op the tool ignores, {@link #flops}
 * returns {@link #NOT_COUNTED} so that reports can list it instead of hiding a zero; ops with no
 * arithmetic at all (views, concatenation, channel shuffle, split, stochastic depth at inference) count 0
 * under every convention.
 */
public enum Convention {
    /** The seeds' formulas: (2 Cin/g K^2 - 1) per conv output, 2 Cin/g K^2 with bias; (2I - 1) O for linear. */
    SEED("seed", "FLOPs", "the seeds' formulas: multiplications plus additions of conv and linear layers") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                // n products need n - 1 additions per output; a bias supplies the missing one
                case CONV2D -> 2 * f.macs() - (((Conv2d) f.op()).bias() ? 0 : f.outElements());
                case CONV_TRANSPOSE2D -> 2 * f.macs() - (((ConvTranspose2d) f.op()).bias() ? 0 : f.outElements());
                case LINEAR -> 2 * f.macs() - (((Linear) f.op()).bias() ? 0 : f.outElements());
                case MATMUL -> 2 * f.macs() - f.outElements();
                default -> arithmeticFree(f);
            };
        }
    },
    /** torchvision's model cards and fvcore's headline: multiply-accumulates of conv, linear and matmul only. */
    MACS("macs", "MACs", "multiply-accumulates of conv, linear and matmul only (torchvision's model cards)") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D, CONV_TRANSPOSE2D, LINEAR, MATMUL -> f.macs();
                default -> arithmeticFree(f);
            };
        }
    },
    /**
     * fvcore's FlopCountAnalysis in eval mode: one fused multiply-add is one flop; BN 1 per input element
     * (2 if affine); adaptive average pooling 1 per input element; upsampling 1 (nearest) or 4 (bilinear)
     * per output element; layer norm (aten::layer_norm, norm_flop_counter) 4 per input element, 5 if affine.
     * ReLU, dropout, flatten, cat, split and permute are ignored; add, mul (a layer scale too), pooling and
     * the other activations are unsupported (fvcore warns).
     */
    FVCORE("fvcore", "flops", "fvcore FlopCountAnalysis (jit_handles.py), eval mode; one flop per multiply-add") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D, CONV_TRANSPOSE2D, LINEAR, MATMUL -> f.macs();
                case BATCH_NORM -> f.inElements() * (((BatchNorm) f.op()).affine() ? 2 : 1);
                case ADAPTIVE_AVG_POOL, GLOBAL_AVG_POOL -> f.inElements();
                case UPSAMPLE -> bicubic(f) ? NOT_COUNTED : f.outElements() * (bilinear(f) ? 4 : 1);
                case LAYER_NORM -> f.inElements() * (((LayerNorm) f.op()).affine() ? 5 : 4);
                // aten::group_norm and aten::instance_norm have the same norm_flop_counter
                case GROUP_NORM -> f.inElements() * (((GroupNorm) f.op()).affine() ? 5 : 4);
                default -> arithmeticFree(f);
            };
        }
    },
    /**
     * ptflops' module hooks (pytorch backend, the rules behind its published table): MACs plus one add per
     * output element for a bias; ReLU, ReLU6 and GELU 1 per output element; every pooling 1 per input
     * element; BN 1 per input element (2 if affine); upsampling the output elements of one sample; leaky
     * ReLU 1 per output element. Modules it has no hook for (sigmoid, SiLU, hard-swish, hard-sigmoid, tanh,
     * softmax) and Python's + and * (a layer scale too) count nothing. nn.LayerNorm has the BN hook, which
     * looks for an {@code affine} attribute LayerNorm does not have: 1 per input element; the hooks match
     * the exact module type, so torchvision's LayerNorm2d (over channels, a subclass) counts nothing.
     */
    PTFLOPS("ptflops", "MACs", "ptflops get_model_complexity_info, pytorch backend module hooks (pytorch_ops.py)") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D -> f.macs() + (((Conv2d) f.op()).bias() ? f.outElements() : 0);
                case CONV_TRANSPOSE2D -> f.macs() + (((ConvTranspose2d) f.op()).bias() ? f.outElements() : 0);
                case LINEAR -> f.macs() + (((Linear) f.op()).bias() ? f.outElements() : 0);
                case MATMUL -> f.macs();
                case BATCH_NORM -> f.inElements() * (((BatchNorm) f.op()).affine() ? 2 : 1);
                case ACTIVATION -> switch (((Activation) f.op()).function()) {
                    // nn.ELU has ptflops' ReLU hook too
                    case RELU, RELU6, GELU, LEAKY_RELU, ELU -> f.outElements();
                    default -> NOT_COUNTED;
                };
                case MAX_POOL, AVG_POOL, ADAPTIVE_AVG_POOL, GLOBAL_AVG_POOL -> f.inElements();
                // the hook counts output[0]: one sample
                case UPSAMPLE -> f.outElements() / f.output().batch();
                case LAYER_NORM -> ((LayerNorm) f.op()).axis() == LayerNorm.Axis.LAST ? f.inElements() : NOT_COUNTED;
                // nn.GroupNorm and nn.InstanceNorm2d have the BN hook
                case GROUP_NORM -> f.inElements() * (((GroupNorm) f.op()).affine() ? 2 : 1);
                // nn.PReLU has the ReLU hook
                case ELEMENTWISE -> ((Elementwise) f.op()).function() == Elementwise.Function.PRELU ? f.outElements()
                        : NOT_COUNTED;
                default -> arithmeticFree(f);
            };
        }
    },
    /**
     * thop 0.1.1's module hooks: MACs of conv and linear without bias (transposed conv from its output
     * positions x Cin/g x K); BN 2 per element, 4 if affine; average pooling 1 per output element;
     * adaptive pooling (kernel area + 1) per output element; upsampling 1 (nearest) or 11 (bilinear) per
     * output element; softmax (3F - 1) per F features along its axis; nn.LayerNorm as BN (2 per element,
     * 4 if elementwise_affine); hooks match the exact module type, so LayerNorm2d (over channels) has no rule.
     * ReLU, ReLU6 and max pooling are zero ops; other activations and functional ops (add, mul, a layer
     * scale, matmul) have no rule.
     */
    THOP("thop", "MACs", "thop 0.1.1 profile() (vision/basic_hooks.py)") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D, LINEAR -> f.macs();
                case CONV_TRANSPOSE2D -> {
                    ConvTranspose2d c = (ConvTranspose2d) f.op();
                    yield f.outElements() * (c.inChannels() / c.groups()) * c.window().kernelArea();
                }
                case BATCH_NORM -> f.inElements() * (((BatchNorm) f.op()).affine() ? 4 : 2);
                case AVG_POOL -> f.outElements();
                case ADAPTIVE_AVG_POOL, GLOBAL_AVG_POOL -> {
                    double kernel = (double) f.input().height() / f.output().height()
                            * ((double) f.input().width() / f.output().width());
                    yield (long) ((kernel + 1) * f.outElements());
                }
                case UPSAMPLE -> bicubic(f) ? NOT_COUNTED : f.outElements() * (bilinear(f) ? 11 : 1);
                // count_softmax: F exps, F - 1 adds and F divides per row of F features
                case SOFTMAX -> {
                    long features = f.input().dim(((Softmax) f.op()).axis());
                    yield f.inElements() / features * (3 * features - 1);
                }
                case LAYER_NORM -> ((LayerNorm) f.op()).axis() == LayerNorm.Axis.LAST
                        ? f.inElements() * (((LayerNorm) f.op()).affine() ? 4 : 2) : NOT_COUNTED;
                // nn.InstanceNorm2d has count_normalization; nn.GroupNorm no hook
                case GROUP_NORM -> ((GroupNorm) f.op()).instance()
                        ? f.inElements() * (((GroupNorm) f.op()).affine() ? 4 : 2) : NOT_COUNTED;
                default -> arithmeticFree(f);
            };
        }
    },
    /**
     * torchinfo 1.8.0's "mult-adds": for a class named Conv*, every weight and bias element times
     * N x output positions (transposed conv too); for linear, BN and layer norm (parameters named weight
     * and bias), parameters times the batch. Layers without parameters count nothing; a layer scale is a
     * parameter named neither weight nor bias, which it does not count.
     */
    TORCHINFO("torchinfo", "mult-adds", "torchinfo 1.8.0 summary() Mult-Adds (layer_info.py calculate_macs)") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D, CONV_TRANSPOSE2D -> f.params() * f.outPositions();
                case LINEAR, BATCH_NORM, LAYER_NORM, GROUP_NORM -> f.params() * f.output().batch();
                default -> arithmeticFree(f);
            };
        }
    },
    /** PyTorch's FlopCounterMode: 2 per multiply-accumulate of convolutions and matrix products; bias and everything else ignored. */
    PYTORCH("pytorch", "FLOPs", "PyTorch torch.utils.flop_counter.FlopCounterMode") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D, CONV_TRANSPOSE2D, LINEAR, MATMUL -> 2 * f.macs();
                default -> arithmeticFree(f);
            };
        }
    },
    /**
     * onnx-tool's model_profile (its printed MACs) on the ONNX export of the layer: bias adds one per output
     * element; BN 31 per element; ReLU 1, ReLU6 (Clip) 2, sigmoid 32, hard-sigmoid 4, hard-swish 5, SiLU
     * (Sigmoid + Mul) 33, GELU (Div, Erf, Add, Mul, Mul) 7 per element; add and mul 1 per output element;
     * pooling kernel area per output element; global pooling in + 4 x out; bilinear resize 4 per output
     * element. Transposed conv as its code has it: out x (Cout/g) x K. Per output element: sub 1, div 4,
     * pow 32, sqrt 24, tanh 76, leaky ReLU 2, clip 2, softmax 36; reduce-mean 1 per input element; reshape,
     * transpose, slice, split and pad 0; LayerNormalization 7 per element (3 mul, 4 add) plus 29 per
     * normalized row (add, sqrt 24, div 4); a layer scale is a Mul, 1 per output element.
     */
    ONNX_TOOL("onnx-tool", "MACs", "onnx-tool model_profile (node.py)") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D -> f.macs() + (((Conv2d) f.op()).bias() ? f.outElements() : 0);
                case CONV_TRANSPOSE2D -> {
                    ConvTranspose2d c = (ConvTranspose2d) f.op();
                    yield f.outElements() * (c.outChannels() / c.groups()) * c.window().kernelArea()
                            + (c.bias() ? f.outElements() : 0);
                }
                case LINEAR -> f.macs() + (((Linear) f.op()).bias() ? f.outElements() : 0);
                case MATMUL -> f.macs();
                case BATCH_NORM -> 31 * f.outElements();
                case ACTIVATION -> {
                    long perElement = switch (((Activation) f.op()).function()) {
                        case RELU -> 1;
                        case RELU6 -> 2;
                        case SIGMOID -> 32;
                        case HARDSIGMOID -> 4;
                        case HARDSWISH -> 5;
                        case SILU -> 33;
                        case GELU -> 7;
                        case TANH -> 76;
                        case LEAKY_RELU, CLIP -> 2;
                        case SQRT -> 24;
                        // the functions read only from ONNX files: Ridgeline does not reproduce onnx-tool's figure
                        default -> NOT_COUNTED;
                    };
                    yield perElement == NOT_COUNTED ? NOT_COUNTED : perElement * f.outElements();
                }
                case ELEMENTWISE -> switch (((Elementwise) f.op()).function()) {
                    case ADD, SUB, MUL -> f.outElements();
                    case DIV -> 4 * f.outElements();
                    case POW -> 32 * f.outElements();
                    default -> NOT_COUNTED;
                };
                case SOFTMAX -> 36 * f.outElements();
                case LAYER_NORM -> 7 * f.inElements() + 29 * (f.inElements() / ((LayerNorm) f.op()).features());
                case SCALE -> f.outElements();
                case REDUCE_MEAN -> f.inElements();
                case ADD, MUL -> f.outElements();
                case MAX_POOL, AVG_POOL -> f.outElements() * ((Pool2d) f.op()).window().kernelArea();
                // exported as AveragePool with kernel = input / output size
                case ADAPTIVE_AVG_POOL -> f.outElements()
                        * ((long) (f.input().height() / f.output().height()) * (f.input().width() / f.output().width()));
                case GLOBAL_AVG_POOL -> f.inElements() + 4 * f.outElements();
                case UPSAMPLE -> bicubic(f) ? NOT_COUNTED : bilinear(f) ? 4 * f.outElements() : 0;
                default -> arithmeticFree(f);
            };
        }
    };

    /** Returned by {@link #flops} for an op with arithmetic that this convention does not count. */
    public static final long NOT_COUNTED = -1;

    private final String id;
    private final String unit;
    private final String description;

    Convention(String id, String unit, String description) {
        this.id = id;
        this.unit = unit;
        this.description = description;
    }

    /** The headline figure of one layer, or {@link #NOT_COUNTED}. */
    public abstract long flops(LayerFacts facts);

    public String id() {
        return id;
    }

    /** What the tool calls its figure: "MACs", "FLOPs", "mult-adds". */
    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    public static Optional<Convention> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equalsIgnoreCase(id)).findFirst();
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(Convention::id).collect(Collectors.joining(", "));
    }

    private static boolean bilinear(LayerFacts f) {
        return ((Upsample) f.op()).mode() == Upsample.Mode.BILINEAR;
    }

    /** Bicubic resizing comes only from ONNX files; no tool's figure for it is reproduced but ptflops'. */
    private static boolean bicubic(LayerFacts f) {
        return ((Upsample) f.op()).mode() == Upsample.Mode.BICUBIC;
    }

    /**
     * 0 for ops that do no arithmetic (views, copies, layout changes); {@link #NOT_COUNTED} for anything else,
     * ops imported uncounted included.
     */
    private static long arithmeticFree(LayerFacts f) {
        return switch (f.op().kind()) {
            case FLATTEN, IDENTITY, DROPOUT, CONCAT, CHANNEL_SHUFFLE, RESHAPE, TRANSPOSE, SQUEEZE, UNSQUEEZE, SLICE,
                    PAD, SPLIT, STOCHASTIC_DEPTH, TILE -> 0;
            default -> NOT_COUNTED;
        };
    }
}
