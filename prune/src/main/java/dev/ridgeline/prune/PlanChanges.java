package dev.ridgeline.prune;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.space.ChannelGroups;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan read as changes to the base model: every channel group with members (base width, new width,
 * whether the plan could change it, and the channels it keeps when scores are known), every kernel
 * reduction and every conv made depthwise-separable, in model order.
 */
public record PlanChanges(List<GroupChange> groups, List<KernelChange> kernels, List<String> separable) {
    /** @param kept the kept channel indices, ascending (null without channel scores or when unchanged) */
    public record GroupChange(int id, List<String> layers, int baseWidth, int width, boolean adjustable, int[] kept) {
    }

    public record KernelChange(String layer, int from, int to) {
    }

    public static PlanChanges of(PrunePlan plan) {
        ChannelGroups groups = plan.space().groups();
        int[] chosen = plan.chosen();
        int[] width = new int[groups.groups().size()];
        boolean[] adjustable = new boolean[width.length];
        groups.groups().forEach(g -> width[g.id()] = g.baseChannels());
        List<KernelChange> kernels = new ArrayList<>();
        List<String> separable = new ArrayList<>();
        Model base = plan.request().model();
        List<Knob> knobs = plan.space().space().knobs();
        for (int k = 0; k < knobs.size(); k++) {
            KnobTarget t = knobs.get(k).target();
            int c = chosen[k];
            if (t instanceof KnobTarget.Width w) {
                for (int i = 0; i < w.groups().size(); i++) {
                    width[w.groups().get(i)] = w.channels()[c][i];
                    adjustable[w.groups().get(i)] = true;
                }
            } else if (t instanceof KnobTarget.Kernel kt) {
                for (String layer : kt.layers()) {
                    int from = ((Conv2d) base.node(layer).orElseThrow().op()).window().kernelH();
                    if (kt.sizes()[c] != from) {
                        kernels.add(new KernelChange(layer, from, kt.sizes()[c]));
                    }
                }
            } else if (t instanceof KnobTarget.Separable st && st.separable()[c]) {
                separable.addAll(st.sites());
            }
        }
        List<GroupChange> out = new ArrayList<>();
        for (ChannelGroups.Group g : groups.groups()) {
            if (g.members().isEmpty()) {
                continue;
            }
            int[] kept = plan.scores().isPresent() && width[g.id()] != g.baseChannels()
                    ? plan.scores().get().kept(groups, g, width[g.id()]) : null;
            out.add(new GroupChange(g.id(), g.members(), g.baseChannels(), width[g.id()], adjustable[g.id()], kept));
        }
        List<String> order = base.nodes().stream().map(Node::name).toList();
        kernels.sort(java.util.Comparator.comparingInt(kc -> order.indexOf(kc.layer())));
        separable.sort(java.util.Comparator.comparingInt(order::indexOf));
        return new PlanChanges(out, kernels, separable);
    }

    /** The pruned model itself. */
    public static Model prunedModel(PrunePlan plan) {
        return new DesignApplier(plan.space()).apply(plan.chosen());
    }
}
