package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.AdaptiveAvgPool;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Dropout;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Identity;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.MatMul;
import dev.ridgeline.core.op.Mul;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.StochasticDepth;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Upsample;
import dev.ridgeline.core.op.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one layer's fields into an {@link Op}, taking input channels and features from the shape
 * that feeds it. Each layer type has a closed set of fields; {@link #fields(String)} lists them.
 */
final class OpReaders {
    /** Fields every layer may carry, whatever its type. */
    static final Set<String> COMMON = Set.of("name", "inputs", "labels", "stage", "repeat", "when", "copy_name",
            "per_copy");

    /** Reads an op from its fields and the shape of its first input. */
    private interface Reader {
        Op read(YamlMap f, String what, Shape in);
    }

    private record Entry(Set<String> fields, Reader reader) {
    }

    private static final Map<String, Entry> READERS = new LinkedHashMap<>();

    static {
        Set<String> window = Set.of("kernel", "stride", "padding", "dilation");
        register("conv", union(window, "out", "in", "groups", "depthwise", "bias"), OpReaders::conv);
        register("conv_transpose", union(window, "out", "in", "groups", "bias", "output_padding"),
                OpReaders::convTranspose);
        register("linear", Set.of("out", "in", "bias"), (f, what, in) -> {
            int inFeatures = in.dim(-1);
            checkDeclared(f, what, "in", inFeatures, "input features");
            return new Linear(inFeatures, f.requireChannels("out", what), f.boolOr("bias", what, true));
        });
        register("matmul", Set.of(), (f, what, in) -> new MatMul());
        Reader bn = (f, what, in) -> {
            checkDeclared(f, what, "channels", in.channels(), "channels");
            return new BatchNorm(in.channels(), f.boolOr("affine", what, true));
        };
        register("bn", Set.of("affine", "eps", "channels"), bn);
        register("batchnorm", Set.of("affine", "eps", "channels"), bn);
        for (ActivationKind k : ActivationKind.values()) {
            if (k != ActivationKind.LEAKY_RELU && k != ActivationKind.CLIP && k.inModelFormat()) {
                register(k.id(), Set.of("inplace"), (f, what, in) -> new Activation(k, f.boolOr("inplace", what, false)));
            }
        }
        register("leaky_relu", Set.of("inplace", "alpha"), (f, what, in) -> new Activation(ActivationKind.LEAKY_RELU,
                f.boolOr("inplace", what, false), java.util.List.of(f.doubleOr("alpha", what, 0.01))));
        register("clip", Set.of("inplace", "min", "max"), (f, what, in) -> new Activation(ActivationKind.CLIP,
                f.boolOr("inplace", what, false), java.util.List.of(f.require("min", what).asDouble("field 'min'"),
                        f.require("max", what).asDouble("field 'max'"))));
        register("maxpool", union(window, "ceil_mode"), (f, what, in) -> pool(true, f, what));
        register("avgpool", union(Set.of("kernel", "stride", "padding"), "ceil_mode", "count_include_pad"),
                (f, what, in) -> pool(false, f, what));
        register("adaptive_avgpool", Set.of("size"), (f, what, in) -> {
            int[] size = f.require("size", what).asIntTuple(YamlMap.label(what, "size"), 2);
            return new AdaptiveAvgPool(positive(f, "size", what, size[0]), positive(f, "size", what, size[1]));
        });
        register("global_avgpool", Set.of(), (f, what, in) -> new GlobalAvgPool());
        register("add", Set.of(), (f, what, in) -> new Add());
        register("mul", Set.of(), (f, what, in) -> new Mul());
        register("concat", Set.of("axis"), (f, what, in) -> new Concat(f.intOr("axis", what, 1)));
        register("flatten", Set.of("start_dim"), (f, what, in) -> new Flatten(f.positiveIntOr("start_dim", what, 1)));
        register("channel_shuffle", Set.of("groups"),
                (f, what, in) -> new ChannelShuffle(f.requirePositiveInt("groups", what)));
        register("upsample", Set.of("scale", "size", "mode"), OpReaders::upsample);
        register("dropout", Set.of("p"), (f, what, in) -> {
            double p = f.doubleOr("p", what, 0.5);
            if (p < 0 || p >= 1) {
                throw f.require("p", what).error("field 'p' of %s must be in [0, 1), got %s", what, p);
            }
            return new Dropout(p);
        });
        register("identity", Set.of(), (f, what, in) -> new Identity());
        // one Split per part: LayerListReader adds them as NAME.0, NAME.1, ...
        register("split", Set.of("parts", "sizes", "axis"), (f, what, in) -> splitPart(f, what, in, 0));
        register("layer_norm", Set.of("axis", "eps", "affine", "features"), OpReaders::layerNorm);
        register("permute", Set.of("dims"), OpReaders::permute);
        register("scale", Set.of("init", "channels"), (f, what, in) -> {
            requireChannels(f, what, in);
            checkDeclared(f, what, "channels", in.channels(), "channels");
            f.get("init").ifPresent(v -> v.asDouble(YamlMap.label(what, "init")));
            return new Scale(in.channels());
        });
        register("stochastic_depth", Set.of("p", "mode"), (f, what, in) -> {
            double p = f.doubleOr("p", what, 0.0);
            if (p < 0 || p > 1) {
                throw f.require("p", what).error("field 'p' of %s must be in [0, 1], got %s", what, p);
            }
            String mode = f.text("mode", what).orElse("row");
            if (!mode.equals("row") && !mode.equals("batch")) {
                throw f.require("mode", what).error("field 'mode' of %s must be row or batch, got '%s'", what, mode);
            }
            return new StochasticDepth(p, mode.equals("row") ? StochasticDepth.Mode.ROW : StochasticDepth.Mode.BATCH);
        });
    }

    /**
     * Part {@code index} of a split along {@code axis} (1, the channels, by default) into {@code parts} equal
     * parts or parts of the given {@code sizes}, which must add up to the axis.
     */
    static Split splitPart(YamlMap f, String what, Shape in, int index) {
        int axis = f.intOr("axis", what, 1);
        if (axis < 1 || axis >= in.rank()) {
            throw f.require("axis", what).error("field 'axis' of %s must be a non-batch axis of its %s input, got %d",
                    what, in, axis);
        }
        int length = in.dim(axis);
        if (f.has("parts") == f.has("sizes")) {
            throw f.node().error("%s needs exactly one of the fields 'parts' (equal parts) or 'sizes' (a list)", what);
        }
        List<Integer> sizes = new ArrayList<>();
        if (f.has("parts")) {
            int parts = f.requirePositiveInt("parts", what);
            if (parts < 2 || length % parts != 0) {
                throw f.require("parts", what).error("field 'parts' of %s: %d %s do not split into %d equal parts",
                        what, length, axis == 1 ? "channels" : "elements of axis " + axis, parts);
            }
            for (int i = 0; i < parts; i++) {
                sizes.add(length / parts);
            }
        } else {
            YamlNode list = f.require("sizes", what);
            long total = 0;
            for (YamlNode s : list.asList(YamlMap.label(what, "sizes"))) {
                int v = s.asPositiveInt(YamlMap.label(what, "sizes"));
                sizes.add(v);
                total += v;
            }
            if (sizes.size() < 2 || total != length) {
                throw list.error("field 'sizes' of %s: parts %s add up to %d, but the input has %d %s; give two or"
                        + " more sizes that add up to it", what, sizes, total, length,
                        axis == 1 ? "channels" : "elements on axis " + axis);
            }
        }
        return new Split(axis, sizes, index);
    }

    private static Op layerNorm(YamlMap f, String what, Shape in) {
        String axisText = f.text("axis", what).orElse("last");
        LayerNorm.Axis axis;
        if (axisText.equals("last")) {
            axis = LayerNorm.Axis.LAST;
        } else if (axisText.equals("channels")) {
            axis = LayerNorm.Axis.CHANNELS;
            requireChannels(f, what, in);
        } else {
            throw f.require("axis", what).error("field 'axis' of %s must be last (nn.LayerNorm) or channels"
                    + " (LayerNorm2d over N x C x H x W), got '%s'", what, axisText);
        }
        if (in.rank() < 2) {
            throw f.node().error("%s needs a batch and a feature axis, got %s", what, in);
        }
        int features = in.dim(axis.index(in.rank()));
        checkDeclared(f, what, "features", features, "features");
        f.get("eps").ifPresent(v -> v.asDouble(YamlMap.label(what, "eps")));
        return new LayerNorm(features, axis, f.boolOr("affine", what, true));
    }

    private static Op permute(YamlMap f, String what, Shape in) {
        YamlNode dimsNode = f.require("dims", what);
        List<Integer> dims = new ArrayList<>();
        for (YamlNode d : dimsNode.asList(YamlMap.label(what, "dims"))) {
            dims.add(d.asInt(YamlMap.label(what, "dims")));
        }
        List<Integer> sorted = new ArrayList<>(dims);
        java.util.Collections.sort(sorted);
        if (dims.size() != in.rank() || !sorted.equals(java.util.stream.IntStream.range(0, in.rank()).boxed().toList())) {
            throw dimsNode.error("field 'dims' of %s must order all %d axes of its %s input (0 to %d, each once), got %s",
                    what, in.rank(), in, in.rank() - 1, dims);
        }
        return new Transpose(dims);
    }

    private static void requireChannels(YamlMap f, String what, Shape in) {
        if (in.rank() < 2) {
            throw f.node().error("%s needs an N x C x ... input, got %s", what, in);
        }
    }

    private OpReaders() {
    }

    private static void register(String type, Set<String> fields, Reader reader) {
        READERS.put(type, new Entry(union(fields, COMMON.toArray(String[]::new)), reader));
    }

    static boolean isOp(String type) {
        return READERS.containsKey(type);
    }

    static Set<String> types() {
        return new TreeSet<>(READERS.keySet());
    }

    static Set<String> fields(String type) {
        return READERS.get(type).fields();
    }

    /** Reads the op of a layer whose fields were already checked against {@link #fields(String)}. */
    static Op read(String type, YamlMap fields, String what, Shape input) {
        return READERS.get(type).reader().read(fields, what, input);
    }

    private static Op conv(YamlMap f, String what, Shape in) {
        requireRank4(f, what, in);
        int cin = in.channels();
        checkDeclared(f, what, "in", cin, "input channels");
        boolean depthwise = f.boolOr("depthwise", what, false);
        int out = depthwise ? f.channelsOr("out", what, cin) : f.requireChannels("out", what);
        int groups = f.positiveIntOr("groups", what, depthwise ? cin : 1);
        if (depthwise && groups != cin) {
            throw f.key("groups").error("%s is depthwise, so groups must equal its %d input channels, got %d", what,
                    cin, groups);
        }
        return new Conv2d(cin, out, window(f, what, true), groups, f.boolOr("bias", what, true));
    }

    private static Op convTranspose(YamlMap f, String what, Shape in) {
        requireRank4(f, what, in);
        int cin = in.channels();
        checkDeclared(f, what, "in", cin, "input channels");
        int[] op = f.get("output_padding").map(v -> v.asIntTuple(YamlMap.label(what, "output_padding"), 2))
                .orElse(new int[] {0, 0});
        return new ConvTranspose2d(cin, f.requireChannels("out", what), window(f, what, true), op[0], op[1],
                f.positiveIntOr("groups", what, 1), f.boolOr("bias", what, true));
    }

    private static Op pool(boolean max, YamlMap f, String what) {
        Window w = window(f, what, false);
        return new Pool2d(max, w, f.boolOr("ceil_mode", what, false), f.boolOr("count_include_pad", what, true));
    }

    private static Op upsample(YamlMap f, String what, Shape in) {
        String modeText = f.text("mode", what).orElse("nearest");
        Upsample.Mode mode;
        try {
            mode = Upsample.Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw f.require("mode", what).error("field 'mode' of %s must be nearest or bilinear, got '%s'", what,
                    modeText);
        }
        if (f.has("scale") == f.has("size")) {
            throw f.node().error("%s needs exactly one of the fields 'scale' (a factor) or 'size' ([h, w])", what);
        }
        if (f.has("size")) {
            int[] s = f.require("size", what).asIntTuple(YamlMap.label(what, "size"), 2);
            return new Upsample(mode, 0, 0, positive(f, "size", what, s[0]), positive(f, "size", what, s[1]));
        }
        YamlNode scale = f.require("scale", what);
        double sh;
        double sw;
        if (scale.isList()) {
            List<YamlNode> items = scale.asList(YamlMap.label(what, "scale"));
            if (items.size() != 2) {
                throw scale.error("field 'scale' of %s must be a number or [h, w]", what);
            }
            sh = items.get(0).asDouble(YamlMap.label(what, "scale"));
            sw = items.get(1).asDouble(YamlMap.label(what, "scale"));
        } else {
            sh = scale.asDouble(YamlMap.label(what, "scale"));
            sw = sh;
        }
        if (!(sh > 0 && sw > 0)) {
            throw scale.error("field 'scale' of %s must be above 0", what);
        }
        return new Upsample(mode, sh, sw, 0, 0);
    }

    /**
     * kernel (required), stride (default 1 for convolutions, the kernel for pooling), padding (a number,
     * [h, w], [top, left, bottom, right], "same" or "valid"; default 0) and dilation (default 1).
     */
    static Window window(YamlMap f, String what, boolean convolution) {
        int[] k = f.require("kernel", what).asIntTuple(YamlMap.label(what, "kernel"), 2);
        int[] s = f.get("stride").map(v -> v.asIntTuple(YamlMap.label(what, "stride"), 2))
                .orElse(convolution ? new int[] {1, 1} : k.clone());
        int[] d = f.get("dilation").map(v -> v.asIntTuple(YamlMap.label(what, "dilation"), 2)).orElse(new int[] {1, 1});
        for (String field : List.of("kernel", "stride", "dilation")) {
            int[] v = field.equals("kernel") ? k : field.equals("stride") ? s : d;
            if (v[0] < 1 || v[1] < 1) {
                throw f.require(field, what).error("field '%s' of %s must be at least 1, got [%d, %d]", field, what,
                        v[0], v[1]);
            }
        }
        return new Window(k[0], k[1], s[0], s[1], d[0], d[1], padding(f, what));
    }

    private static Padding padding(YamlMap f, String what) {
        YamlNode p = f.get("padding").orElse(null);
        if (p == null) {
            return Padding.NONE;
        }
        String label = YamlMap.label(what, "padding");
        if (p.isScalar()) {
            String t = p.text(label).toLowerCase(Locale.ROOT);
            if (t.equals("same")) {
                return Padding.SAME;
            }
            if (t.equals("valid")) {
                return Padding.NONE;
            }
        }
        int[] v;
        try {
            v = p.asIntTuple(label, 1, 2, 4);
        } catch (dev.ridgeline.core.BadInputException e) {
            throw p.error("%s must be a number, [h, w], [top, left, bottom, right], same or valid", label);
        }
        for (int x : v) {
            if (x < 0) {
                throw p.error("%s must not be negative, got %d", label, x);
            }
        }
        return switch (v.length) {
            case 1 -> Padding.of(v[0]);
            case 2 -> Padding.of(v[0], v[1]);
            default -> Padding.of(v[0], v[1], v[2], v[3]);
        };
    }

    private static void requireRank4(YamlMap f, String what, Shape in) {
        if (in.rank() != 4) {
            throw f.node().error("%s needs an N x C x H x W input, got %s", what, in);
        }
    }

    /** An optional field that restates what the input implies must agree with it. */
    private static void checkDeclared(YamlMap f, String what, String field, int actual, String meaning) {
        f.get(field).ifPresent(v -> {
            int declared = v.asPositiveInt(YamlMap.label(what, field));
            if (declared != actual) {
                throw v.error("field '%s' of %s says %d %s, but its input has %d", field, what, declared, meaning,
                        actual);
            }
        });
    }

    private static int positive(YamlMap f, String field, String what, int v) {
        if (v < 1) {
            throw f.require(field, what).error("field '%s' of %s must be at least 1, got %d", field, what, v);
        }
        return v;
    }

    static Set<String> union(Set<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return Set.copyOf(new TreeSet<>(all));
    }
}
