package dev.ridgeline.prune;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * How many entries the compiled evaluator's per-layer tables of a plan space would have: each layer's
 * table spans the width knobs of the groups it reads and writes and its kernel knob, and every entry is a
 * model the compiler measures. A layer reading a concatenation of many groups (an inception block's
 * output) with a width per group makes a table too large to build in reasonable time; such a space is
 * refused with advice before any work starts.
 */
final class TableSize {
    /** Entries all tables may have together at most (about a minute of compilation on two cores). */
    static final long MAX_ENTRIES = 200_000;

    private TableSize() {
    }

    static long entries(ResolvedSpace space) {
        Map<Integer, Integer> knobOfGroup = new HashMap<>();
        Map<String, Integer> knobOfKernel = new HashMap<>();
        var knobs = space.space().knobs();
        for (int k = 0; k < knobs.size(); k++) {
            final int knob = k;
            if (knobs.get(k).target() instanceof KnobTarget.Width w) {
                w.groups().forEach(g -> knobOfGroup.put(g, knob));
            } else if (knobs.get(k).target() instanceof KnobTarget.Kernel kt) {
                kt.layers().forEach(l -> knobOfKernel.put(l, knob));
            }
        }
        long total = 0;
        for (Node n : space.base().nodes()) {
            TreeSet<Integer> touching = new TreeSet<>();
            for (String t : n.inputs()) {
                touch(space, t, knobOfGroup, touching);
            }
            touch(space, n.name(), knobOfGroup, touching);
            if (knobOfKernel.containsKey(n.name())) {
                touching.add(knobOfKernel.get(n.name()));
            }
            long entries = 1;
            for (int k : touching) {
                entries = Math.multiplyExact(entries, space.space().choices(k));
            }
            total = Math.addExact(total, entries);
        }
        return total;
    }

    private static void touch(ResolvedSpace space, String tensor, Map<Integer, Integer> knobOfGroup,
                              TreeSet<Integer> into) {
        if (!space.groups().hasTensor(tensor)) {
            return;
        }
        for (int g : space.groups().groupsOfTensor(tensor)) {
            Integer k = knobOfGroup.get(g);
            if (k != null) {
                into.add(k);
            }
        }
    }

    static void check(ResolvedSpace space, String source) {
        long entries = entries(space);
        if (entries > MAX_ENTRIES) {
            throw new BadInputException(String.format(java.util.Locale.ROOT, "%s: the plan space's per-layer tables "
                    + "would hold %,d entries (at most %,d are built): some layer reads many channel groups at once "
                    + "(a concatenation); use 'per: stage', fewer 'levels', or freeze more stages", source, entries,
                    MAX_ENTRIES));
        }
    }
}
