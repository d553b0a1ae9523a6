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

    /** The most bytes live at once: the largest of {@link #bytesByStep}, or the inputs' when there is no node. */
    public static long peakBytes(ShapedModel shaped, int elementBytes) {
        long[] byStep = bytesByStep(shaped, elementBytes);
        if (byStep.length == 0) {
            return inputBytes(shaped, elementBytes);
        }
        long peak = 0;
        for (long live : byStep) {
            peak = Math.max(peak, live);
        }
        return peak;
    }

    /** Element {@code i}: the bytes live while node i runs (its output allocated, nothing after it freed). */
    public static long[] bytesByStep(ShapedModel shaped, int elementBytes) {
        Model model = shaped.model();
        int n = model.nodes().size();
        BufferLifetimes lifetimes = BufferLifetimes.of(model);
        long[] size = sizes(shaped, lifetimes, elementBytes);
        long live = 0;
        for (int b = n; b < size.length; b++) {
            live += size[b];
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

    private static long inputBytes(ShapedModel shaped, int elementBytes) {
        Model model = shaped.model();
        long[] size = sizes(shaped, BufferLifetimes.of(model), elementBytes);
        long live = 0;
        for (int b = model.nodes().size(); b < size.length; b++) {
            live += size[b];
        }
        return live;
    }

    /** Each buffer's bytes (0 for a buffer that is a view of another); node outputs first, then the inputs. */
    private static long[] sizes(ShapedModel shaped, BufferLifetimes lifetimes, int elementBytes) {
        Model model = shaped.model();
        int n = model.nodes().size();
        long[] size = new long[lifetimes.buffers()];
        for (int b = 0; b < size.length; b++) {
            if (lifetimes.owned(b)) {
                long elements = b < n ? shaped.outputShape(b).numel()
                        : shaped.inputShapes().get(model.inputs().get(b - n).name()).numel();
                size[b] = Math.multiplyExact(elements, elementBytes);
            }
        }
        return size;
    }
}
