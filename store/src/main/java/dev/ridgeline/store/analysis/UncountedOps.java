package dev.ridgeline.store.analysis;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.op.Uncounted;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ops of an imported model that Ridgeline could not count at all (kept with --allow-uncounted), by
 * their type in the source file, with how many nodes of each: whatever the convention, their arithmetic is
 * missing from every total.
 */
public final class UncountedOps {
    private UncountedOps() {
    }

    public static Map<String, Integer> of(CostReport report) {
        Map<String, Integer> out = new TreeMap<>();
        for (LayerCost layer : report.layers()) {
            if (layer.node().op() instanceof Uncounted u) {
                out.merge(u.sourceType(), 1, Integer::sum);
            }
        }
        return out;
    }

    public static String describe(Map<String, Integer> ops) {
        return String.join(", ", ops.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
    }
}
