package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.build.Scope;
import dev.ridgeline.core.graph.SizeLimits;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.Add;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The blocks every model file can use: conv_bn_act, separable (MobileNetV1), basic_block and bottleneck
 * (ResNet), inverted_residual (MobileNetV2) and inception (GoogLeNet). Layer names inside follow
 * torchvision where it has them (conv1, bn1, downsample, ...).
 */
final class BuiltinBlocks {
    static final Map<String, Block> ALL = new LinkedHashMap<>();

    static {
        ALL.put("conv_bn_act", block(Set.of("out", "kernel", "stride", "groups", "depthwise", "bias", "bn", "act"),
                BuiltinBlocks::convBnAct));
        ALL.put("separable", block(Set.of("out", "kernel", "stride", "act"), BuiltinBlocks::separable));
        ALL.put("basic_block", block(Set.of("out", "stride", "act"), BuiltinBlocks::basic));
        ALL.put("bottleneck", block(Set.of("planes", "expansion", "stride", "groups", "width_per_group", "act"),
                BuiltinBlocks::bottleneck));
        ALL.put("inverted_residual", block(Set.of("out", "expand", "stride", "kernel", "act"),
                BuiltinBlocks::invertedResidual));
        ALL.put("inception", block(Set.of("c1x1", "c3x3_reduce", "c3x3", "c5x5_reduce", "c5x5", "c5x5_kernel",
                "double_3x3", "pool_proj", "pool_ceil_mode", "bn", "bias", "act"), BuiltinBlocks::inception));
    }

    private BuiltinBlocks() {
    }

    private interface Expander {
        void expand(YamlMap f, String what, Scope s, int stride);
    }

    private static Block block(Set<String> fields, Expander expander) {
        return new Block() {
            @Override
            public Set<String> fields() {
                return fields;
            }

            @Override
            public void expand(YamlMap args, String what, Scope scope, boolean first, LayerListReader nested) {
                int stride = args.positiveIntOr("stride", what, 1);
                expander.expand(args, what, scope, first ? stride : 1);
            }
        };
    }

    /** conv (padding (K-1)/2, no bias), BN, activation (relu by default, "none" for none). */
    private static void convBnAct(YamlMap f, String what, Scope s, int stride) {
        int in = s.lastShape().channels();
        boolean depthwise = f.boolOr("depthwise", what, false);
        // out defaults to the channels entering, as for a depthwise conv
        int out = f.channelsOr("out", what, in);
        int groups = f.positiveIntOr("groups", what, depthwise ? in : 1);
        Units.conv(s, "conv", out, f.positiveIntOr("kernel", what, 3), stride, groups, f.boolOr("bias", what, false));
        if (f.boolOr("bn", what, true)) {
            Units.bn(s, "bn");
        }
        Units.act(s, "", Units.activation(f, what, ActivationKind.RELU), "");
    }

    /** MobileNetV1's depthwise-separable unit: depthwise KxK + BN + act, pointwise 1x1 + BN + act. */
    private static void separable(YamlMap f, String what, Scope s, int stride) {
        int in = s.lastShape().channels();
        Optional<ActivationKind> act = Units.activation(f, what, ActivationKind.RELU);
        Units.conv(s, "depthwise", in, f.positiveIntOr("kernel", what, 3), stride, in, false);
        Units.bn(s, "depthwise_bn");
        Units.act(s, "depthwise_", act, "");
        Units.conv(s, "pointwise", f.requireChannels("out", what), 1, 1, 1, false);
        Units.bn(s, "pointwise_bn");
        Units.act(s, "pointwise_", act, "");
    }

    /** ResNet's basic block: two 3x3 convs with BN, a 1x1 projection when the shape changes, add, act. */
    private static void basic(YamlMap f, String what, Scope s, int stride) {
        int out = f.requireChannels("out", what);
        Optional<ActivationKind> act = Units.activation(f, what, ActivationKind.RELU);
        Units.conv(s, "conv1", out, 3, stride, 1, false);
        Units.bn(s, "bn1");
        Units.act(s, "", act, "1");
        Units.conv(s, "conv2", out, 3, 1, 1, false);
        String main = Units.bn(s, "bn2");
        residual(s, main, out, stride);
        Units.act(s, "", act, "2");
    }

    /** ResNet v1.5's bottleneck: 1x1, 3x3 (carrying the stride), 1x1 to planes x expansion, add, act. */
    private static void bottleneck(YamlMap f, String what, Scope s, int stride) {
        int planes = f.requireChannels("planes", what);
        int groups = f.positiveIntOr("groups", what, 1);
        int width = (int) (planes * (f.positiveIntOr("width_per_group", what, 64) / 64.0)) * groups;
        int out = planes * f.positiveIntOr("expansion", what, 4);
        Optional<ActivationKind> act = Units.activation(f, what, ActivationKind.RELU);
        Units.conv(s, "conv1", width, 1, 1, 1, false);
        Units.bn(s, "bn1");
        Units.act(s, "", act, "1");
        Units.conv(s, "conv2", width, 3, stride, groups, false);
        Units.bn(s, "bn2");
        Units.act(s, "", act, "2");
        Units.conv(s, "conv3", out, 1, 1, 1, false);
        String main = Units.bn(s, "bn3");
        residual(s, main, out, stride);
        Units.act(s, "", act, "3");
    }

    /** The identity, or a strided 1x1 conv + BN when stride or channels change; then the add. */
    private static void residual(Scope s, String main, int out, int stride) {
        String shortcut = s.input();
        if (stride != 1 || s.shape(shortcut).channels() != out) {
            int in = s.shape(shortcut).channels();
            shortcut = s.add("downsample", new Conv2d(in, out, Window.square(1, stride, 0), 1, false),
                    List.of(shortcut));
            shortcut = s.add("downsample_bn", new BatchNorm(out, true), List.of(shortcut));
        }
        s.add("add", new Add(), List.of(main, shortcut));
    }

    /**
     * MobileNetV2's inverted residual: 1x1 expansion to round(in x expand) channels (skipped when expand is 1),
     * depthwise KxK carrying the stride, linear 1x1 projection, and a residual add when stride is 1 and the
     * channels match.
     */
    private static void invertedResidual(YamlMap f, String what, Scope s, int stride) {
        int in = s.lastShape().channels();
        int out = f.requireChannels("out", what);
        double expand = f.require("expand", what).asDouble(YamlMap.label(what, "expand"));
        if (!(expand >= 1)) {
            throw f.require("expand", what).error("field 'expand' of %s must be at least 1, got %s", what, expand);
        }
        int hidden = (int) Math.rint(in * expand);
        Optional<ActivationKind> act = Units.activation(f, what, ActivationKind.RELU6);
        if (hidden != in) {
            Units.conv(s, "expand", hidden, 1, 1, 1, false);
            Units.bn(s, "expand_bn");
            Units.act(s, "expand_", act, "");
        }
        Units.conv(s, "depthwise", hidden, f.positiveIntOr("kernel", what, 3), stride, hidden, false);
        Units.bn(s, "depthwise_bn");
        Units.act(s, "depthwise_", act, "");
        Units.conv(s, "project", out, 1, 1, 1, false);
        String projected = Units.bn(s, "project_bn");
        if (stride == 1 && in == out) {
            s.add("add", new Add(), List.of(s.input(), projected));
        }
    }

    /**
     * GoogLeNet's inception module: 1x1; 1x1 reduction then 3x3; 1x1 reduction then 5x5 (or a kernel of
     * c5x5_kernel, or two 3x3 with double_3x3); 3x3 max pool then an optional 1x1 projection; concatenated.
     * A reduction or projection of 0 leaves it out. Each conv is followed by BN when bn is true, and by act.
     */
    private static void inception(YamlMap f, String what, Scope s, int stride) {
        String input = s.input();
        boolean bn = f.boolOr("bn", what, false);
        boolean bias = f.boolOr("bias", what, false);
        Optional<ActivationKind> act = Units.activation(f, what, ActivationKind.RELU);
        List<String> outputs = new ArrayList<>();

        int c1 = f.requireChannels("c1x1", what);
        outputs.add(branch(s, "branch1", input, List.of(new int[] {c1, 1}), bn, bias, act));

        List<int[]> b2 = new ArrayList<>();
        int r3 = f.intInOr("c3x3_reduce", what, 0, 0, SizeLimits.MAX_CHANNELS);
        if (r3 > 0) {
            b2.add(new int[] {r3, 1});
        }
        b2.add(new int[] {f.requireChannels("c3x3", what), 3});
        outputs.add(branch(s, "branch2", input, b2, bn, bias, act));

        List<int[]> b3 = new ArrayList<>();
        int r5 = f.intInOr("c5x5_reduce", what, 0, 0, SizeLimits.MAX_CHANNELS);
        if (r5 > 0) {
            b3.add(new int[] {r5, 1});
        }
        int c5 = f.requireChannels("c5x5", what);
        if (f.boolOr("double_3x3", what, false)) {
            b3.add(new int[] {c5, 3});
            b3.add(new int[] {c5, 3});
        } else {
            b3.add(new int[] {c5, f.positiveIntOr("c5x5_kernel", what, 5)});
        }
        outputs.add(branch(s, "branch3", input, b3, bn, bias, act));

        Scope b4 = s.childReading("branch4", List.of(), input);
        b4.add("pool", new Pool2d(true, Window.square(3, 1, 1), f.boolOr("pool_ceil_mode", what, false), true));
        int proj = f.intInOr("pool_proj", what, 0, 0, SizeLimits.MAX_CHANNELS);
        if (proj > 0) {
            unit(b4, "proj", proj, 1, bn, bias, act);
        }
        outputs.add(b4.last());
        s.add("concat", new Concat(1), outputs);
    }

    /** A chain of conv units {channels, kernel}; one unit is named "<branch>", several "<branch>.0", ... */
    private static String branch(Scope s, String name, String input, List<int[]> units, boolean bn, boolean bias,
                                 Optional<ActivationKind> act) {
        Scope b = s.childReading(name, List.of(), input);
        for (int i = 0; i < units.size(); i++) {
            unit(b, units.size() == 1 ? null : Integer.toString(i), units.get(i)[0], units.get(i)[1], bn, bias, act);
        }
        return b.last();
    }

    /** conv [+ BN] [+ act], named "<prefix>.conv", "<prefix>.bn", "<prefix>.relu" (no prefix: "conv", ...). */
    private static void unit(Scope s, String prefix, int out, int kernel, boolean bn, boolean bias,
                             Optional<ActivationKind> act) {
        String p = prefix == null ? "" : prefix + ".";
        Units.conv(s, p + "conv", out, kernel, 1, 1, bias);
        if (bn) {
            Units.bn(s, p + "bn");
        }
        Units.act(s, p, act, "");
    }
}
