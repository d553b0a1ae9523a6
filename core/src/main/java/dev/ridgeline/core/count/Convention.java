package dev.ridgeline.core.count;

import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Upsample;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A named rule for the headline "FLOPs" figure, reproducing what each tool prints as its total
 * (see shared/reference/counting-conventions.md). For an op the tool ignores, {@link #flops}
 * returns {@link #NOT_COUNTED} so that reports can list it instead of hiding a zero; ops with no
 * arithmetic at all (views, concatenation, channel shuffle) count 0 under every convention.
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
            return isMacOp(f) ? f.macs() : arithmeticFree(f);
        }
    },
    /** fvcore's FlopCountAnalysis: one fused multiply-add is one flop; unsupported ops are skipped with a warning. */
    FVCORE("fvcore", "flops (1 per multiply-add)", "fvcore FlopCountAnalysis") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D, CONV_TRANSPOSE2D, LINEAR, MATMUL -> f.macs();
                case BATCH_NORM -> f.inElements() * (((BatchNorm) f.op()).affine() ? 2 : 1);
                case ADAPTIVE_AVG_POOL, GLOBAL_AVG_POOL -> f.inElements();
                case UPSAMPLE -> f.outElements() * (((Upsample) f.op()).mode() == Upsample.Mode.BILINEAR ? 4 : 1);
                default -> arithmeticFree(f);
            };
        }
    },
    /** ptflops (pytorch backend): MACs plus conv bias, BN, ReLU-family activations and pooling. */
    PTFLOPS("ptflops", "MACs", "ptflops get_model_complexity_info, pytorch backend") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D -> f.macs() + (((Conv2d) f.op()).bias() ? f.outElements() : 0);
                // ptflops' conv hook uses the output positions for transposed convolutions too
                case CONV_TRANSPOSE2D -> {
                    ConvTranspose2d c = (ConvTranspose2d) f.op();
                    long perPosition = c.window().kernelArea() * c.inChannels() * (c.outChannels() / c.groups());
                    yield perPosition * f.outPositions() + (c.bias() ? f.outElements() : 0);
                }
                case LINEAR -> f.macs() + (((Linear) f.op()).bias() ? ((Linear) f.op()).outFeatures() : 0);
                case MATMUL -> f.macs();
                case BATCH_NORM -> f.inElements() * (((BatchNorm) f.op()).affine() ? 2 : 1);
                case ACTIVATION -> switch (((Activation) f.op()).function()) {
                    case RELU, RELU6 -> f.outElements();
                    default -> NOT_COUNTED;
                };
                case MAX_POOL, AVG_POOL, ADAPTIVE_AVG_POOL, GLOBAL_AVG_POOL -> f.inElements();
                case UPSAMPLE -> f.outElements();
                default -> arithmeticFree(f);
            };
        }
    },
    /** thop's profile(): MACs of conv and linear, BN 2 per element (4 if affine), average pools per output. */
    THOP("thop", "MACs", "thop profile()") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D, CONV_TRANSPOSE2D, LINEAR -> f.macs();
                case BATCH_NORM -> 2 * f.inElements() * (((BatchNorm) f.op()).affine() ? 2 : 1);
                case AVG_POOL -> f.outElements();
                // adaptive pooling: (kernel area + 1) additions and a division per output element
                case ADAPTIVE_AVG_POOL, GLOBAL_AVG_POOL -> {
                    long kernel = (long) (f.input().height() / f.output().height())
                            * (f.input().width() / f.output().width());
                    yield (kernel + 1) * f.outElements();
                }
                case UPSAMPLE -> ((Upsample) f.op()).mode() == Upsample.Mode.BILINEAR
                        ? 11 * f.outElements() : NOT_COUNTED;
                default -> arithmeticFree(f);
            };
        }
    },
    /** torchinfo's "mult-adds": a layer's parameters times its output positions (conv) or batch (others). */
    TORCHINFO("torchinfo", "mult-adds", "torchinfo summary() Mult-Adds") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D, CONV_TRANSPOSE2D -> f.params() * f.outPositions();
                case LINEAR, BATCH_NORM -> f.params() * f.output().batch();
                default -> arithmeticFree(f);
            };
        }
    },
    /** PyTorch's torch.utils.flop_counter.FlopCounterMode: 2 per multiply-accumulate of conv and matrix products. */
    PYTORCH("pytorch", "FLOPs", "PyTorch FlopCounterMode") {
        @Override
        public long flops(LayerFacts f) {
            return isMacOp(f) ? 2 * f.macs() : arithmeticFree(f);
        }
    },
    /** onnx-tool's profile: MACs (plus bias) and a count for every other op. */
    ONNX_TOOL("onnx-tool", "MACs", "onnx-tool model_profile") {
        @Override
        public long flops(LayerFacts f) {
            return switch (f.op().kind()) {
                case CONV2D -> f.macs() + (((Conv2d) f.op()).bias() ? f.outElements() : 0);
                case CONV_TRANSPOSE2D -> f.macs() + (((ConvTranspose2d) f.op()).bias() ? f.outElements() : 0);
                case LINEAR -> f.macs() + (((Linear) f.op()).bias() ? f.outElements() : 0);
                case MATMUL -> f.macs();
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

    private static boolean isMacOp(LayerFacts f) {
        return f.macs() > 0;
    }

    /** 0 for ops that do no arithmetic (views, copies); {@link #NOT_COUNTED} for anything else. */
    private static long arithmeticFree(LayerFacts f) {
        return switch (f.op().kind()) {
            case FLATTEN, IDENTITY, DROPOUT, CONCAT, CHANNEL_SHUFFLE -> 0;
            default -> NOT_COUNTED;
        };
    }
}
