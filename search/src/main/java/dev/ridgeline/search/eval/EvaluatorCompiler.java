package dev.ridgeline.search.eval;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.BufferLifetimes;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.roofline.FusedGroups;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SeparableSites.Site;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compiles a resolved space into a {@link CompiledEvaluator}. Every table entry is read from a real model
 * of the space built by {@link DesignApplier} and measured by core and hardware ("probes"), so the
 * compiled figures are those of the reference path by construction; a layer's table spans only the knobs
 * of its input and output channel groups, its kernel and the resolution.
 */
public final class EvaluatorCompiler {
    /** Separable configurations compiled at most (each is one graph structure). */
    static final int MAX_PLANS = 256;
    /** Entries one layer's table may have at most. */
    static final int MAX_TABLE = 1 << 20;

    private final ResolvedSpace resolved;
    private final MeasureSetup setup;
    private final DesignApplier applier;
    private final DesignSpace space;
    private final Map<Integer, Integer> widthKnobOfGroup = new HashMap<>();
    private final Map<String, Integer> kernelKnobOfLayer = new HashMap<>();
    private final Map<String, Integer> separableKnobOfSite = new HashMap<>();
    private final Map<String, String> siteOfName = new HashMap<>();
    private final List<Integer> planKnobs = new ArrayList<>();
    private int resolutionKnob = -1;
    private final List<Integer> paramKnobs = new ArrayList<>();
    private final Map<List<Integer>, Map<String, double[]>> probes = new HashMap<>();
    /** The point of every knob's first choice, shared by the layers that probe only it; never written to. */
    private final int[] firstChoices;
    private Map<String, double[]> firstFigures;
    private final Map<String, Table> tables = new HashMap<>();

    private EvaluatorCompiler(ResolvedSpace resolved, MeasureSetup setup) {
        this.resolved = resolved;
        this.setup = setup;
        this.applier = new DesignApplier(resolved);
        this.space = resolved.space();
        this.firstChoices = new int[space.knobCount()];
        List<Knob> knobs = space.knobs();
        for (int k = 0; k < knobs.size(); k++) {
            KnobTarget t = knobs.get(k).target();
            final int knob = k;
            if (t instanceof KnobTarget.Width w) {
                w.groups().forEach(g -> widthKnobOfGroup.put(g, knob));
            } else if (t instanceof KnobTarget.Kernel kt) {
                kt.layers().forEach(l -> kernelKnobOfLayer.put(l, knob));
            } else if (t instanceof KnobTarget.Separable st) {
                st.sites().forEach(s -> separableKnobOfSite.put(s, knob));
                planKnobs.add(k);
            } else if (t instanceof KnobTarget.Resolution) {
                resolutionKnob = k;
            } else if (t instanceof KnobTarget.Param) {
                // each member of the family is a graph of its own, like a separable configuration
                planKnobs.add(k);
                paramKnobs.add(k);
            }
        }
        for (Site site : resolved.sites().values()) {
            if (!separableKnobOfSite.containsKey(site.conv())) {
                continue;
            }
            siteOfName.put(site.conv(), site.conv());
            if (site.separable()) {
                site.between().forEach(b -> siteOfName.put(b, site.conv()));
                siteOfName.put(site.pointwise(), site.conv());
            } else {
                for (String suffix : List.of(".depthwise", ".depthwise_bn", ".depthwise_act")) {
                    siteOfName.put(site.conv() + suffix, site.conv());
                }
            }
        }
    }

    public static CompiledEvaluator compile(ResolvedSpace resolved, MeasureSetup setup) {
        if (setup.device() != null && setup.device().runtime() != null && setup.device().runtime().cachesWeights()) {
            throw new BadInputException("device '" + setup.device().id() + "' under runtime '"
                    + setup.device().runtimeId() + "' keeps the first " + Math.round(
                    setup.device().runtime().weightCacheBytes()) + " bytes of weights on chip, so a layer's time"
                    + " depends on the weights of every layer before it and cannot be compiled layer by layer (prune"
                    + " plans and the exact strategy need that); sweeps with strategy exhaustive, random or evolutionary"
                    + " time whole designs on it, and ridgeline analyze --hardware " + setup.device().id()
                    + " times one");
        }
        return new EvaluatorCompiler(resolved, setup).run();
    }

    private CompiledEvaluator run() {
        long planCount = 1;
        for (int k : planKnobs) {
            planCount *= space.choices(k);
        }
        if (planCount > MAX_PLANS) {
            throw new BadInputException("the separable and param knobs make " + planCount + " graph structures; at "
                    + "most " + MAX_PLANS + " can be compiled: select fewer stages for separable, use per: all, or "
                    + "give param knobs fewer choices");
        }
        Plan[] plans = new Plan[(int) planCount];
        int[] config = new int[planKnobs.size()];
        for (int p = 0; p < plans.length; p++) {
            int rest = p;
            for (int i = config.length - 1; i >= 0; i--) {
                config[i] = rest % space.choices(planKnobs.get(i));
                rest /= space.choices(planKnobs.get(i));
            }
            plans[p] = plan(config);
        }
        snapLatency(plans);
        return new CompiledEvaluator(space, setup.precision().bytes(), setup.device() != null,
                planKnobs.stream().mapToInt(Integer::intValue).toArray(), plans);
    }

    /**
     * Rounds every layer's latency to a multiple of one power of two, fine enough (2^-50 of the slowest
     * point's total, a relative change far below 1e-12) that every sum of layer latencies is exact in a
     * double. A point's latency is then the same number whatever order its layers are added in, so the
     * exhaustive walk, the single-point evaluator and the exact solver agree to the last bit.
     */
    private void snapLatency(Plan[] plans) {
        double slowest = 0;
        for (Plan plan : plans) {
            double total = 0;
            for (Table t : plan.layers) {
                double max = 0;
                for (int o = Table.SECONDS; o < t.values.length; o += Table.FIELDS) {
                    max = Math.max(max, t.values[o]);
                }
                total += max;
            }
            slowest = Math.max(slowest, total);
        }
        if (slowest == 0 || !Double.isFinite(slowest)) {
            return;
        }
        double grid = Math.scalb(1.0, Math.getExponent(slowest) + 1 - 50);
        for (Table t : tables.values()) {
            for (int o = Table.SECONDS; o < t.values.length; o += Table.FIELDS) {
                t.values[o] = Math.rint(t.values[o] / grid) * grid;
            }
        }
    }

    /** The plan of one separable configuration: its graph structure, tables and liveness steps. */
    private Plan plan(int[] config) {
        int[] base = new int[space.knobCount()];
        for (int i = 0; i < config.length; i++) {
            base[planKnobs.get(i)] = config[i];
        }
        Model structure = applier.apply(base);
        List<Node> nodes = structure.nodes();
        // a fused group's time is its head's: the head's table spans the knobs of every member
        FusedGroups groups = setup.device() == null ? FusedGroups.none(nodes.size())
                : FusedGroups.of(nodes, setup.effectiveFusion());
        Table[] layers = new Table[nodes.size()];
        // a member of a family has layers of its own names: its tables are keyed by the member
        StringBuilder member = new StringBuilder();
        for (int k : paramKnobs) {
            member.append(k).append('=').append(base[k]).append(';');
        }
        for (int i = 0; i < layers.length; i++) {
            String name = nodes.get(i).name();
            String site = siteOfName.get(name);
            // most layers probe at every knob's first choice: one shared array, so that a model of many layers
            // (a space of thousands of one-choice knobs) does not copy and hash a point per layer
            int[] probeBase = paramKnobs.isEmpty() && site == null ? firstChoices : new int[space.knobCount()];
            for (int k : paramKnobs) {
                probeBase[k] = base[k];
            }
            if (site != null) {
                int knob = separableKnobOfSite.get(site);
                probeBase[knob] = base[knob];
            }
            List<String> members = groups.members(i).stream().map(m -> nodes.get(m).name()).toList();
            String key = member + (site == null ? name : name + "|" + probeBase[separableKnobOfSite.get(site)])
                    + (members.isEmpty() ? "" : "+" + String.join("+", members));
            layers[i] = tables.computeIfAbsent(key, x -> table(name, site, members, probeBase));
        }
        Table[] inputs = new Table[structure.inputs().size()];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = inputTable(k);
        }
        return liveness(structure, layers, inputs);
    }

    /** A layer's figures over its knobs, read from probes that set those knobs and leave the rest at 0. */
    private Table table(String name, String site, List<String> members, int[] probeBase) {
        int[] knobs = relevantKnobs(name, site, members);
        int[] strides = new int[knobs.length];
        long size = 1;
        for (int i = knobs.length - 1; i >= 0; i--) {
            strides[i] = (int) size;
            size *= space.choices(knobs[i]);
            if (size > MAX_TABLE) {
                throw new BadInputException("layer " + name + " depends on " + knobs.length + " knobs with more than "
                        + MAX_TABLE + " combinations; narrow the design space around it");
            }
        }
        double[] values = new double[(int) size * Table.FIELDS];
        if (size == 1) {
            // every knob the layer reads has one choice (or it reads none): the probe is the base point itself
            double[] figures = probe(probeBase).get(name);
            if (figures == null) {
                throw new IllegalStateException("probe " + Arrays.toString(probeBase) + " has no layer " + name);
            }
            System.arraycopy(figures, 0, values, 0, Table.FIELDS);
            return new Table(knobs, strides, values);
        }
        int[] probe = probeBase.clone();
        for (int e = 0; e < size; e++) {
            int rest = e;
            for (int i = 0; i < knobs.length; i++) {
                probe[knobs[i]] = rest / strides[i];
                rest %= strides[i];
            }
            double[] figures = probe(probe).get(name);
            if (figures == null) {
                throw new IllegalStateException("probe " + Arrays.toString(probe) + " has no layer " + name);
            }
            System.arraycopy(figures, 0, values, e * Table.FIELDS, Table.FIELDS);
        }
        return new Table(knobs, strides, values);
    }

    /** Bytes of model input k, which only the resolution changes. */
    private Table inputTable(int k) {
        int[] knobs = resolutionKnob < 0 ? new int[0] : new int[] {resolutionKnob};
        int size = resolutionKnob < 0 ? 1 : space.choices(resolutionKnob);
        double[] values = new double[size * Table.FIELDS];
        int[] probe = new int[space.knobCount()];
        for (int e = 0; e < size; e++) {
            if (resolutionKnob >= 0) {
                probe[resolutionKnob] = e;
            }
            Model m = applier.apply(probe);
            values[e * Table.FIELDS + Table.OUTPUT_BYTES] = (double) m.inputs().get(k).shape().withBatch(setup.batch())
                    .numel() * setup.precision().bytes();
        }
        return new Table(knobs, knobs.length == 0 ? new int[0] : new int[] {1}, values);
    }

    /** Width knobs of the groups a layer reads and writes, its kernel knob and the resolution. */
    private int[] relevantKnobs(String name, String site, List<String> members) {
        if (!paramKnobs.isEmpty()) {
            // param knobs combine with resolution only (SpaceBuilder), and each member has tables of its own
            return resolutionKnob < 0 ? new int[0] : new int[] {resolutionKnob};
        }
        Model base = resolved.base();
        List<String> involved = new ArrayList<>();
        involve(involved, name, site);
        for (String member : members) {
            involve(involved, member, base.node(member).isPresent() ? null : siteOfName.get(member));
        }
        TreeSet<Integer> knobs = new TreeSet<>();
        if (resolutionKnob >= 0) {
            knobs.add(resolutionKnob);
        }
        for (String layer : involved) {
            Node n = base.node(layer).orElseThrow(() -> new IllegalStateException("no base layer " + layer));
            List<String> tensors = new ArrayList<>(n.inputs());
            tensors.add(n.name());
            for (String t : tensors) {
                for (int g : resolved.groups().groupsOfTensor(t)) {
                    Integer w = widthKnobOfGroup.get(g);
                    if (w != null) {
                        knobs.add(w);
                    }
                }
            }
            Integer kernel = kernelKnobOfLayer.get(layer);
            if (kernel != null) {
                knobs.add(kernel);
            }
        }
        return knobs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The base layers whose tensors decide a layer's figures: itself, or all layers of its separable site. */
    private void involve(List<String> involved, String name, String site) {
        if (site == null) {
            involved.add(name);
            return;
        }
        Site s = resolved.sites().get(site);
        involved.add(s.conv());
        if (s.separable()) {
            involved.addAll(s.between());
            involved.add(s.pointwise());
        }
    }

    /** The figures of every layer of the model a point denotes, measured by core and hardware. */
    private Map<String, double[]> probe(int[] choices) {
        if (choices == firstChoices && firstFigures != null) {
            return firstFigures; // never written to: the first choice of every knob, probed once
        }
        List<Integer> key = Arrays.stream(choices).boxed().toList();
        Map<String, double[]> cached = probes.get(key);
        if (cached != null) {
            return cached;
        }
        Model model = applier.apply(choices);
        CostReport report = Counter.count(ShapeInference.infer(model, setup.batch()), setup.convention(),
                setup.precision().bytes());
        LatencyReport latency = setup.device() == null ? null
                : Roofline.time(report, setup.device(), setup.rooflineOptions());
        Map<String, double[]> figures = new HashMap<>();
        for (int i = 0; i < report.layers().size(); i++) {
            LayerCost l = report.layers().get(i);
            double[] f = new double[Table.FIELDS];
            f[Table.PARAMS] = l.cost().params();
            f[Table.MACS] = l.cost().macs();
            f[Table.FLOPS] = l.cost().flops();
            // the runtime's time per inference is a constant term: the first layer's table carries it
            f[Table.SECONDS] = latency == null ? 0 : latency.layers().get(i).seconds()
                    + (i == 0 ? latency.inferenceOverheadSeconds() : 0);
            f[Table.OUTPUT_BYTES] = l.node().op().aliasesInput() ? 0
                    : (double) l.outputShape().numel() * setup.precision().bytes();
            figures.put(l.node().name(), f);
        }
        probes.put(key, figures);
        if (choices == firstChoices) {
            firstFigures = figures;
        }
        return figures;
    }

    /** The live buffers of each step, by core's {@link BufferLifetimes}: the rule {@code Liveness} also uses. */
    private static Plan liveness(Model m, Table[] layers, Table[] inputs) {
        BufferLifetimes lifetimes = BufferLifetimes.of(m);
        int n = m.nodes().size();
        // each buffer is live over one run of steps: walk the runs, not every step times every buffer
        int[] stepStart = new int[n + 1];
        for (int b = 0; b < lifetimes.buffers(); b++) {
            if (lifetimes.owned(b)) {
                for (int j = Math.max(0, lifetimes.allocated(b)); j <= Math.min(n - 1, lifetimes.lastUse(b)); j++) {
                    stepStart[j + 1]++;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            stepStart[j + 1] += stepStart[j];
        }
        int[] live = new int[stepStart[n]];
        int[] next = Arrays.copyOf(stepStart, n);
        for (int b = 0; b < lifetimes.buffers(); b++) {
            if (lifetimes.owned(b)) {
                for (int j = Math.max(0, lifetimes.allocated(b)); j <= Math.min(n - 1, lifetimes.lastUse(b)); j++) {
                    live[next[j]++] = b; // buffers ascending within each step, as liveAt's scan gave them
                }
            }
        }
        return new Plan(layers, inputs, stepStart, live);
    }
}
