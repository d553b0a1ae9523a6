package dev.ridgeline.search.space;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.op.ChannelShuffle;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.ConvTranspose2d;
import dev.ridgeline.core.op.Elementwise;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Pad;
import dev.ridgeline.core.op.ReduceMean;
import dev.ridgeline.core.op.Reshape;
import dev.ridgeline.core.op.Slice;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.op.Squeeze;
import dev.ridgeline.core.op.Transpose;
import dev.ridgeline.core.op.Unsqueeze;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.shape.ShapedModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which output channel counts of a model must move together. Every conv, transposed conv and linear
 * layer sets the channels of its output (a depthwise conv passes its input's through); element-wise
 * layers pass channels through; the inputs of an add or a broadcasting mul must agree, so their
 * channels are coupled into one group; a concatenation sums its inputs' groups, a split along the
 * channels whose parts end where groups end hands each part its groups (ShuffleNetV2's halves), and a
 * channel shuffle of as many equal groups as it has groups couples them. Groups that reach a model output
 * (the classifier) or the model input, or feed a matrix product, are fixed. Layout ops (reshape,
 * transpose, squeeze, slice, pad, a reduction) pass channels through when they leave the batch and
 * channel axes alone, a reshape that flattens each sample acts as a flatten, and a permute that moves the
 * channel axis (ConvNeXt's N x H x W x C) carries the groups along to it; any other layout change, a split
 * cutting through a group, a per-channel constant operand and an op imported uncounted fix the groups they
 * touch and start a fixed group of their own, since their attributes hold channel counts a width change
 * would break.
 */
public final class ChannelGroups {
    /** One set of layers whose output channels are always equal. */
    public record Group(int id, List<String> members, int baseChannels, int divisor, boolean fixed,
                        List<String> labels) {
        public Group {
            members = List.copyOf(members);
            labels = List.copyOf(labels);
        }
    }

    private final List<Group> groups;
    private final Map<String, Integer> groupOfSource;
    private final Map<String, int[]> channelsOfTensor;

    private ChannelGroups(List<Group> groups, Map<String, Integer> groupOfSource, Map<String, int[]> channelsOfTensor) {
        this.groups = List.copyOf(groups);
        this.groupOfSource = Map.copyOf(groupOfSource);
        this.channelsOfTensor = Map.copyOf(channelsOfTensor);
    }

    public List<Group> groups() {
        return groups;
    }

    /** The group whose channels a source layer (conv, linear) sets, or -1 for other layers. */
    public int groupOfSource(String layer) {
        return groupOfSource.getOrDefault(layer, -1);
    }

    /** Whether the analysis saw this tensor (a layer's output or a model input). */
    public boolean hasTensor(String tensor) {
        return channelsOfTensor.containsKey(tensor);
    }

    /** The groups whose channels add up to a tensor's channels (one for most tensors, several after a concat). */
    public int[] groupsOfTensor(String tensor) {
        return channelsOfTensor.get(tensor).clone();
    }

    public static ChannelGroups analyze(Model model) {
        return new Analysis(model).run();
    }

    /** Union-find over channel variables, one variable per source layer plus one per model input. */
    private static final class Analysis {
        private final Model model;
        private final List<Integer> parent = new ArrayList<>();
        private final List<Integer> channels = new ArrayList<>();
        private final List<Integer> divisor = new ArrayList<>();
        private final List<Boolean> fixed = new ArrayList<>();
        private final List<String> source = new ArrayList<>();
        private final Map<String, int[]> tensorVars = new HashMap<>();
        /** The axis the tracked channels of a tensor are on, where it is not 1. */
        private final Map<String, Integer> channelAxis = new HashMap<>();
        private ShapedModel shaped;

        Analysis(Model model) {
            this.model = model;
        }

        ChannelGroups run() {
            model.inputs().forEach(in -> tensorVars.put(in.name(), new int[] {newVar(in.shape().channels(), null, true)}));
            for (Node n : model.nodes()) {
                tensorVars.put(n.name(), visit(n));
            }
            for (String out : model.outputs()) {
                for (int v : tensorVars.get(out)) {
                    fixed.set(find(v), true);
                }
            }
            return collect();
        }

        private int[] visit(Node n) {
            Op op = n.op();
            int[] in = tensorVars.get(n.inputs().get(0));
            return switch (op.kind()) {
                case CONV2D -> {
                    Conv2d c = (Conv2d) op;
                    if (c.groups() == c.inChannels() && c.outChannels() == c.inChannels() && c.groups() > 1) {
                        yield in; // depthwise: channels pass through
                    }
                    constrain(in, c.groups());
                    int v = newVar(c.outChannels(), n.name(), false);
                    divisor.set(v, c.groups());
                    yield new int[] {v};
                }
                case CONV_TRANSPOSE2D -> {
                    ConvTranspose2d c = (ConvTranspose2d) op;
                    constrain(in, c.groups());
                    int v = newVar(c.outChannels(), n.name(), false);
                    divisor.set(v, c.groups());
                    yield new int[] {v};
                }
                case LINEAR -> {
                    int rank = shapes().shapeOf(n.name()).rank();
                    if (rank > 2) {
                        channelAxis.put(n.name(), rank - 1);
                    }
                    yield new int[] {newVar(((dev.ridgeline.core.op.Linear) op).outFeatures(), n.name(), false)};
                }
                case MATMUL -> {
                    fixAll(in);
                    fixAll(tensorVars.get(n.inputs().get(1)));
                    yield new int[] {newVar(1, n.name(), true)};
                }
                case ADD, MUL -> couple(in, tensorVars.get(n.inputs().get(1)));
                case CONCAT -> concat(n, (Concat) op);
                case CHANNEL_SHUFFLE -> shuffle(in, ((ChannelShuffle) op).groups());
                case BATCH_NORM, ACTIVATION, MAX_POOL, AVG_POOL, ADAPTIVE_AVG_POOL, GLOBAL_AVG_POOL, FLATTEN, UPSAMPLE,
                        DROPOUT, IDENTITY, SOFTMAX, STOCHASTIC_DEPTH -> keepAxis(n, in);
                case SCALE -> axisOf(n.inputs().get(0)) == 1 ? in : fixedFrom(n);
                case LAYER_NORM -> axisOf(n.inputs().get(0)) == ((LayerNorm) op).axis().index(inputRank(n))
                        ? keepAxis(n, in) : fixedFrom(n);
                case SPLIT -> split(n, (Split) op, in);
                case ELEMENTWISE -> {
                    Elementwise e = (Elementwise) op;
                    if (!e.hasConstant()) {
                        yield couple(in, tensorVars.get(n.inputs().get(1)));
                    }
                    yield e.constantElements() > 1 ? fixedFrom(n) : in;
                }
                case RESHAPE -> ((Reshape) op).flattensSample() ? in : fixedFrom(n);
                case TRANSPOSE -> transpose(n, (Transpose) op, in);
                case SQUEEZE -> spares(((Squeeze) op).axes(), inputRank(n)) ? in : fixedFrom(n);
                case UNSQUEEZE -> spares(((Unsqueeze) op).axes(), inputRank(n) + ((Unsqueeze) op).axes().size())
                        ? in : fixedFrom(n);
                case REDUCE_MEAN -> spares(((ReduceMean) op).axes(), inputRank(n)) ? in : fixedFrom(n);
                case SLICE -> spares(((Slice) op).axes(), inputRank(n)) ? in : fixedFrom(n);
                case PAD -> {
                    Pad p = (Pad) op;
                    yield p.rank() >= 2 && p.begin(0) == 0 && p.end(0) == 0 && p.begin(1) == 0 && p.end(1) == 0
                            ? in : fixedFrom(n);
                }
                case REDUCE -> spares(((dev.ridgeline.core.op.Reduce) op).axes(), inputRank(n)) ? in : fixedFrom(n);
                // a group count must divide the channels; a tile may repeat them
                case GROUP_NORM, TILE, UNCOUNTED -> fixedFrom(n);
            };
        }

        private int axisOf(String tensor) {
            return channelAxis.getOrDefault(tensor, 1);
        }

        /** The node's output keeps its input's channel axis. */
        private int[] keepAxis(Node n, int[] in) {
            int axis = axisOf(n.inputs().get(0));
            if (axis != 1) {
                channelAxis.put(n.name(), axis);
            }
            return in;
        }

        /** A permute keeping the batch first carries the channel groups to wherever their axis goes. */
        private int[] transpose(Node n, Transpose t, int[] in) {
            int from = axisOf(n.inputs().get(0));
            if (t.perm().get(0) != 0 || from >= t.perm().size()) {
                return fixedFrom(n);
            }
            int to = t.perm().indexOf(from);
            if (to != 1) {
                channelAxis.put(n.name(), to);
            }
            return in;
        }

        /** A shuffle of {@code groups} equal groups couples them; of one group it must divide it. */
        private int[] shuffle(int[] in, int groups) {
            if (in.length == groups && groups > 1) {
                int c = channels.get(find(in[0]));
                boolean equal = java.util.Arrays.stream(in).allMatch(v -> channels.get(find(v)) == c);
                if (equal) {
                    for (int v : in) {
                        union(in[0], v);
                    }
                    return in;
                }
            }
            constrain(in, groups);
            return in;
        }

        /** A channel split whose part boundaries fall between groups hands each part its groups. */
        private int[] split(Node n, Split s, int[] in) {
            if (s.axis() != axisOf(n.inputs().get(0))) {
                return fixedFrom(n);
            }
            int[] range = partRange(in, s);
            if (range == null) {
                return fixedFrom(n);
            }
            if (s.axis() != 1) {
                channelAxis.put(n.name(), s.axis());
            }
            return java.util.Arrays.copyOfRange(in, range[0], range[1]);
        }

        /** The variables [from, to) that make up the split's part, or null if a boundary cuts a variable. */
        private int[] partRange(int[] in, Split s) {
            int start = -1;
            int end = -1;
            long offset = 0;
            for (int i = 0; i <= in.length; i++) {
                if (offset == s.offset()) {
                    start = i;
                }
                if (offset == s.offset() + s.size()) {
                    end = i;
                }
                if (i < in.length) {
                    offset += channels.get(find(in[i]));
                }
            }
            return start >= 0 && end > start ? new int[] {start, end} : null;
        }

        /** True when none of the axes (negative from the end of {@code rank}) is the batch or the channels. */
        private static boolean spares(List<Integer> axes, int rank) {
            return axes.stream().map(a -> a < 0 ? a + rank : a).allMatch(a -> a >= 2);
        }

        private int inputRank(Node n) {
            return shapes().shapeOf(n.inputs().get(0)).rank();
        }

        /** Fixes every group the node reads and gives its output a fixed group of its own. */
        private int[] fixedFrom(Node n) {
            n.inputs().forEach(t -> fixAll(tensorVars.get(t)));
            dev.ridgeline.core.graph.Shape out = shapes().shapeOf(n.name());
            return new int[] {newVar(out.rank() >= 2 ? out.channels() : out.dim(0), null, true)};
        }

        /** The model's shapes at batch 1, inferred the first time a rule needs them. */
        private ShapedModel shapes() {
            if (shaped == null) {
                shaped = ShapeInference.infer(model, 1);
            }
            return shaped;
        }

        private int[] couple(int[] a, int[] b) {
            boolean same = a.length == b.length;
            for (int i = 0; same && i < a.length; i++) {
                same = channels.get(find(a[i])).equals(channels.get(find(b[i])));
            }
            if (same) {
                for (int i = 0; i < a.length; i++) {
                    union(a[i], b[i]);
                }
                return a;
            }
            // broadcasting a single channel (or another layout we cannot track): keep both as they are
            fixAll(a);
            fixAll(b);
            return a.length >= b.length ? a : b;
        }

        private int[] concat(Node n, Concat c) {
            List<int[]> parts = n.inputs().stream().map(tensorVars::get).toList();
            if (c.axis() == 1) {
                return parts.stream().flatMapToInt(java.util.Arrays::stream).toArray();
            }
            int[] first = parts.get(0);
            for (int[] p : parts.subList(1, parts.size())) {
                couple(first, p);
            }
            return first;
        }

        /** Channels split into {@code groups} must stay divisible by it. */
        private void constrain(int[] vars, int groups) {
            if (groups <= 1) {
                return;
            }
            if (vars.length == 1) {
                int r = find(vars[0]);
                divisor.set(r, SpaceBuilder.lcm(divisor.get(r), groups));
            } else {
                fixAll(vars);
            }
        }

        private void fixAll(int[] vars) {
            for (int v : vars) {
                fixed.set(find(v), true);
            }
        }

        private int newVar(int c, String sourceName, boolean isFixed) {
            int v = parent.size();
            parent.add(v);
            channels.add(c);
            divisor.add(1);
            fixed.add(isFixed);
            source.add(sourceName);
            return v;
        }

        private int find(int v) {
            while (parent.get(v) != v) {
                parent.set(v, parent.get(parent.get(v)));
                v = parent.get(v);
            }
            return v;
        }

        private void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (!channels.get(ra).equals(channels.get(rb))) {
                throw new IllegalStateException("coupled channels differ: " + channels.get(ra) + " and " + channels.get(rb));
            }
            int root = Math.min(ra, rb);
            int other = Math.max(ra, rb);
            parent.set(other, root);
            divisor.set(root, SpaceBuilder.lcm(divisor.get(root), divisor.get(other)));
            fixed.set(root, fixed.get(root) || fixed.get(other));
        }

        private ChannelGroups collect() {
            Map<Integer, Integer> groupOfRoot = new LinkedHashMap<>();
            Map<Integer, List<String>> members = new LinkedHashMap<>();
            for (int v = 0; v < parent.size(); v++) {
                int r = find(v);
                groupOfRoot.computeIfAbsent(r, k -> groupOfRoot.size());
                if (source.get(v) != null) {
                    members.computeIfAbsent(r, k -> new ArrayList<>()).add(source.get(v));
                }
            }
            List<Group> groups = new ArrayList<>();
            Map<String, Integer> groupOfSource = new HashMap<>();
            for (Map.Entry<Integer, Integer> e : groupOfRoot.entrySet()) {
                int root = e.getKey();
                List<String> m = members.getOrDefault(root, List.of());
                List<String> labels = new ArrayList<>();
                for (String s : m) {
                    for (String l : model.node(s).orElseThrow().labels()) {
                        if (!labels.contains(l)) {
                            labels.add(l);
                        }
                    }
                    groupOfSource.put(s, e.getValue());
                }
                groups.add(new Group(e.getValue(), m, channels.get(root), divisor.get(root), fixed.get(root),
                        Collections.unmodifiableList(labels)));
            }
            Map<String, int[]> byTensor = new HashMap<>();
            tensorVars.forEach((t, vars) -> byTensor.put(t,
                    java.util.Arrays.stream(vars).map(v -> groupOfRoot.get(find(v))).toArray()));
            return new ChannelGroups(groups, groupOfSource, byTensor);
        }
    }
}
