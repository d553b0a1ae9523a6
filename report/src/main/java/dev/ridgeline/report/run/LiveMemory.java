package dev.ridgeline.report.run;

import dev.ridgeline.core.count.BufferLifetimes;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapedModel;

/**
 * Live activation bytes at each step of the execution order, with buffers living as core's
 * {@link BufferLifetimes} says; the largest entry is the analysis's {@code peakActivationBytes}.
 */
public final class LiveMemory {
    private LiveMemory() {
    }

    /** Element {@code i}: the bytes live while node i runs (its output allocated, nothing after it freed). */
    public static long[] bytesByStep(ShapedModel shaped, int elementBytes) {
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
        long[] byStep = new long[n];
        for (int i = 0; i < n; i++) {
            live += size[i];
            byStep[i] = live;
            live -= freedAfter[i];
        }
        return byStep;
    }
}
