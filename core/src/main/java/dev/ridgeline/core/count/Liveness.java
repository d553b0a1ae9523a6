package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapedModel;

/**
 * Peak live activation memory when the nodes run one at a time in topological order: a buffer is
 * allocated when its producer runs and freed after its last consumer; in-place ops and views share
 * their input's buffer; model inputs are live from the start and model outputs to the end.
 */
public final class Liveness {
    private Liveness() {
    }

    public static long peakBytes(ShapedModel shaped, int elementBytes) {
        Model model = shaped.model();
        int n = model.nodes().size();
        int inputs = model.inputs().size();
        // buffers: node i owns buffer i unless it aliases its first input; model input k is buffer n + k
        int[] bufferOfNode = new int[n];
        long[] size = new long[n + inputs];
        int[] lastUse = new int[n + inputs];
        java.util.Arrays.fill(lastUse, -1);
        long live = 0;
        for (int k = 0; k < inputs; k++) {
            size[n + k] = Math.multiplyExact(shaped.inputShapes().get(model.inputs().get(k).name()).numel(),
                    elementBytes);
            live += size[n + k];
        }
        for (int i = 0; i < n; i++) {
            if (model.nodes().get(i).op().aliasesInput()) {
                bufferOfNode[i] = buffer(model.inputRef(i, 0), bufferOfNode, n);
            } else {
                bufferOfNode[i] = i;
                size[i] = Math.multiplyExact(shaped.outputShape(i).numel(), elementBytes);
                lastUse[i] = i; // a result nobody reads is freed at once
            }
            for (int j = 0; j < model.inputCount(i); j++) {
                int b = buffer(model.inputRef(i, j), bufferOfNode, n);
                lastUse[b] = Math.max(lastUse[b], i);
            }
        }
        for (String out : model.outputs()) {
            lastUse[bufferOfNode[model.indexOf(out)]] = n;
        }
        long[] freedAfter = new long[n + 1];
        for (int b = 0; b < size.length; b++) {
            if (lastUse[b] >= 0) {
                freedAfter[lastUse[b]] += size[b];
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

    private static int buffer(int ref, int[] bufferOfNode, int n) {
        return ref >= 0 ? bufferOfNode[ref] : n + (-1 - ref);
    }
}
