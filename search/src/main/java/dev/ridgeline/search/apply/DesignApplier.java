package dev.ridgeline.search.apply;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.ModelInput;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.search.space.ChannelGroups;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SeparableSites.Site;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model a design point denotes: the base model with the point's widths (per channel group), kernel
 * sizes ("same" padding kept), standard or depthwise-separable form per site (see SeparableSites) and
 * input resolution. This is the reference every faster evaluation must agree with.
 */
public final class DesignApplier {
    private final ResolvedSpace resolved;

    public DesignApplier(ResolvedSpace resolved) {
        this.resolved = resolved;
    }

    public Model apply(int[] choices) {
        Choices c = Choices.of(resolved, choices);
        Model base = resolved.base();
        ModelInput input = base.inputs().get(0);
        Shape inputShape = c.resolution().map(hw -> Shape.of(input.shape().batch(), input.shape().channels(), hw[0],
                hw[1])).orElse(input.shape());
        Model.Builder out = Model.builder(base.name()).description(base.description()).input(input.name(), inputShape);
        Map<String, Shape> shapes = new HashMap<>();
        shapes.put(input.name(), inputShape);
        Map<String, String> renamed = new HashMap<>();
        Set<String> skipped = new HashSet<>();
        for (Node n : base.nodes()) {
            if (skipped.contains(n.name())) {
                continue;
            }
            List<String> inputs = n.inputs().stream().map(in -> renamed.getOrDefault(in, in)).toList();
            Site site = resolved.sites().get(n.name());
            boolean separable = site != null && c.separable(n.name(), site.separable());
            if (site != null && !site.separable() && separable) {
                splitIntoSeparable(n, inputs, c, shapes, out, base);
            } else if (site != null && site.separable() && !separable) {
                // one standard KxK conv in the depthwise conv's place, producing the pointwise conv's channels
                Conv2d dw = (Conv2d) n.op();
                int outChannels = c.width(resolved.groups().groupOfSource(site.pointwise()));
                Conv2d standard = new Conv2d(shapes.get(inputs.get(0)).channels(), outChannels,
                        c.window(n.name(), dw.window()), 1, dw.bias());
                add(out, shapes, new Node(n.name(), standard, inputs, n.labels()));
                skipped.addAll(site.between());
                skipped.add(site.pointwise());
                renamed.put(site.pointwise(), n.name());
            } else {
                Shape in = shapes.get(inputs.get(0));
                add(out, shapes, new Node(n.name(), resize(n, in, c), inputs, n.labels()));
            }
        }
        base.outputs().forEach(o -> out.output(renamed.getOrDefault(o, o)));
        Model built = out.build();
        if (base.precisions().isEmpty()) {
            return built;
        }
        // a layer keeps the precision its base layer runs in (a quantized file's INT8 layers), parts of a split too
        base.precisions().forEach((name, precision) -> {
            for (String part : List.of(name, name + ".depthwise", name + ".depthwise_bn", name + ".depthwise_act")) {
                if (built.node(part).isPresent()) {
                    out.precision(part, precision);
                }
            }
        });
        return out.build();
    }

    /** A standard KxK conv NAME becomes NAME.depthwise, its BN and activation, then the 1x1 conv NAME. */
    private void splitIntoSeparable(Node n, List<String> inputs, Choices c, Map<String, Shape> shapes,
                                    Model.Builder out, Model base) {
        Conv2d conv = (Conv2d) n.op();
        int in = shapes.get(inputs.get(0)).channels();
        int outChannels = c.width(resolved.groups().groupOfSource(n.name()));
        String dw = n.name() + ".depthwise";
        add(out, shapes, new Node(dw, new Conv2d(in, in, c.window(n.name(), conv.window()), in, false), inputs,
                n.labels()));
        add(out, shapes, new Node(dw + "_bn", new BatchNorm(in, true), List.of(dw), n.labels()));
        add(out, shapes, new Node(dw + "_act", new Activation(activationAfter(base, n.name()), false),
                List.of(dw + "_bn"), n.labels()));
        add(out, shapes, new Node(n.name(), new Conv2d(in, outChannels, Window.square(1, 1, 0), 1, conv.bias()),
                List.of(dw + "_act"), n.labels()));
    }

    /** The activation that follows a conv (directly or after a BN), ReLU when there is none. */
    static ActivationKind activationAfter(Model base, String conv) {
        String current = conv;
        for (int step = 0; step < 2; step++) {
            String from = current;
            Optional<Node> next = base.nodes().stream().filter(m -> m.inputs().contains(from)).findFirst();
            if (next.isEmpty()) {
                break;
            }
            if (next.get().op() instanceof Activation a) {
                return a.function();
            }
            if (!(next.get().op() instanceof BatchNorm)) {
                break;
            }
            current = next.get().name();
        }
        return ActivationKind.RELU;
    }

    private Op resize(Node n, Shape in, Choices c) {
        Op op = n.op();
        ChannelGroups groups = resolved.groups();
        if (op instanceof Conv2d conv) {
            Window w = c.window(n.name(), conv.window());
            boolean depthwise = conv.groups() == conv.inChannels() && conv.outChannels() == conv.inChannels()
                    && conv.groups() > 1;
            if (depthwise) {
                return new Conv2d(in.channels(), in.channels(), w, in.channels(), conv.bias());
            }
            return new Conv2d(in.channels(), c.width(groups.groupOfSource(n.name())), w, conv.groups(), conv.bias());
        } else if (op instanceof ConvTranspose2d t) {
            return new ConvTranspose2d(in.channels(), c.width(groups.groupOfSource(n.name())), t.window(),
                    t.outputPaddingH(), t.outputPaddingW(), t.groups(), t.bias());
        } else if (op instanceof Linear l) {
            return new Linear(in.dim(-1), c.width(groups.groupOfSource(n.name())), l.bias());
        } else if (op instanceof BatchNorm b) {
            return new BatchNorm(in.channels(), b.affine());
        } else if (op instanceof LayerNorm l) {
            return new LayerNorm(in.dim(l.axis().index(in.rank())), l.axis(), l.affine());
        } else if (op instanceof Scale) {
            return new Scale(in.channels());
        } else if (op instanceof Split s) {
            return s.withSizes(splitSizes(s, groups.groupsOfTensor(n.inputs().get(0)), groups.groupsOfTensor(n.name()),
                    c));
        }
        return op;
    }

    /**
     * The part sizes of a split after a width change: each part is the sum of the groups it holds (channel
     * groups hand a split's parts whole groups, see ChannelGroups); a split cutting a group fixes it.
     */
    private List<Integer> splitSizes(Split s, int[] inputGroups, int[] partGroups, Choices c) {
        List<Integer> sizes = new ArrayList<>();
        int g = 0;
        for (int part = 0; part < s.sizes().size(); part++) {
            int base = s.sizes().get(part);
            int covered = 0;
            int resized = 0;
            if (part == s.index() && !java.util.Arrays.equals(partGroups,
                    java.util.Arrays.copyOfRange(inputGroups, g, Math.min(inputGroups.length, g + partGroups.length)))) {
                return s.sizes(); // a split the groups do not track (another axis, or one cutting a group)
            }
            while (covered < base && g < inputGroups.length) {
                ChannelGroups.Group group = resolved.groups().groups().get(inputGroups[g++]);
                covered += group.baseChannels();
                resized += c.width(group.id());
            }
            if (covered != base) {
                return s.sizes();
            }
            sizes.add(resized);
        }
        return sizes;
    }

    private static void add(Model.Builder out, Map<String, Shape> shapes, Node node) {
        List<Shape> in = node.inputs().stream().map(shapes::get).toList();
        shapes.put(node.name(), ShapeInference.outputShape(node, in));
        out.add(node);
    }

    /** A point's choices read as widths per group, kernels per conv, separable per site and a resolution. */
    record Choices(int[] widths, Map<String, Integer> kernels, Map<String, Boolean> separable, Optional<int[]> resolution) {
        static Choices of(ResolvedSpace resolved, int[] choices) {
            List<ChannelGroups.Group> groups = resolved.groups().groups();
            int[] widths = new int[groups.size()];
            for (ChannelGroups.Group g : groups) {
                widths[g.id()] = g.baseChannels();
            }
            Map<String, Integer> kernels = new HashMap<>();
            Map<String, Boolean> separable = new HashMap<>();
            Optional<int[]> resolution = Optional.empty();
            List<Knob> knobs = resolved.space().knobs();
            for (int k = 0; k < knobs.size(); k++) {
                int choice = choices[k];
                KnobTarget target = knobs.get(k).target();
                if (target instanceof KnobTarget.Width w) {
                    for (int i = 0; i < w.groups().size(); i++) {
                        widths[w.groups().get(i)] = w.channels()[choice][i];
                    }
                } else if (target instanceof KnobTarget.Kernel kt) {
                    kt.layers().forEach(l -> kernels.put(l, kt.sizes()[choice]));
                } else if (target instanceof KnobTarget.Separable st) {
                    st.sites().forEach(s -> separable.put(s, st.separable()[choice]));
                } else if (target instanceof KnobTarget.Resolution r) {
                    resolution = Optional.of(new int[] {r.heights()[choice], r.widths()[choice]});
                }
            }
            return new Choices(widths, kernels, separable, resolution);
        }

        int width(int group) {
            return widths[group];
        }

        boolean separable(String site, boolean base) {
            return separable.getOrDefault(site, base);
        }

        /** The conv's window with the point's kernel size, padding (K - 1) / 2 (or "same" if it was). */
        Window window(String conv, Window base) {
            Integer k = kernels.get(conv);
            if (k == null) {
                return base;
            }
            Padding p = base.padding().same() ? Padding.SAME
                    : Padding.of(base.dilationH() * (k - 1) / 2, base.dilationW() * (k - 1) / 2);
            return new Window(k, k, base.strideH(), base.strideW(), base.dilationH(), base.dilationW(), p);
        }
    }
}
