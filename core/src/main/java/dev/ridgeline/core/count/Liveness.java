package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapedModel;

/**
 * Peak live activation memory when the nodes run one at a time in topological order, with buffers
 * living as {@link BufferLifetimes} says: allocated when produced, freed after the last reader; in-place
 * ops and views share their input's buffer; model inputs live from the start, model outputs to the end.
 */
public final class Liveness {
    private Liveness() {
    }

    public static long peakBytes(ShapedModel shaped, int elementBytes) {
        Model model = shaped.model();
        int n = model.nodes().size();
        BufferLifetimes lifetimes = BufferLifetimes.of(model);
        long[] size = new long[lifetimes.buffers()];
        long live = 0;
        for (int b = 0; b < size.length; b++) {
            if (!lifetimes.owned(b)) {
                continue;
            }
            long elements = b < n ? shaped.outputShape(b).numel()
                    : shaped.inputShapes().get(model.inputs().get(b - n).name()).numel();
            size[b] = Math.multiplyExact(elements, elementBytes);
            if (b >= n) {
                live += size[b];
            }
        }
        long[] freedAfter = new long[n + 1];
        for (int b = 0; b < size.length; b++) {
            if (lifetimes.owned(b)) {
                freedAfter[lifetimes.lastUse(b)] += size[b];
            }
        }
        long peak = live;
        for (int i = 0; i < n; i++) {
            live += size[i];
            peak = Math.max(peak, live);
            live -= freedAfter[i];
        }
        return peak;
    }
}
