package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.ModelInput;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.shape.ShapedModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        List<Node> nodes = model.nodes();
        int n = nodes.size();
        // buffer of each tensor: inputs get ids n.., nodes their own index unless they alias input 0
        Map<String, Integer> bufferOf = new HashMap<>();
        int inputCount = model.inputs().size();
        long[] size = new long[n + inputCount];
        int[] lastUse = new int[n + inputCount];
        for (int i = 0; i < inputCount; i++) {
            ModelInput in = model.inputs().get(i);
            bufferOf.put(in.name(), n + i);
            size[n + i] = Math.multiplyExact(shaped.shapeOf(in.name()).numel(), elementBytes);
            lastUse[n + i] = -1;
        }
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            int buffer = node.op().aliasesInput() ? bufferOf.get(node.inputs().get(0)) : i;
            bufferOf.put(node.name(), buffer);
            if (buffer == i) {
                size[i] = Math.multiplyExact(shaped.outputShape(i).numel(), elementBytes);
                lastUse[i] = i;
            }
            for (String in : node.inputs()) {
                int b = bufferOf.get(in);
                lastUse[b] = Math.max(lastUse[b], i);
            }
            lastUse[buffer] = Math.max(lastUse[buffer], i);
        }
        for (String out : model.outputs()) {
            lastUse[bufferOf.get(out)] = n;
        }
        long live = 0;
        for (int i = 0; i < inputCount; i++) {
            live += size[n + i];
        }
        long peak = live;
        long[] freeAt = new long[n + 1];
        for (int b = 0; b < size.length; b++) {
            if (lastUse[b] >= 0 && (b >= n || bufferOwner(b, nodes))) {
                freeAt[Math.min(lastUse[b], n)] += size[b];
            }
        }
        for (int i = 0; i < n; i++) {
            live += size[i];
            peak = Math.max(peak, live);
            live -= freeAt[i];
        }
        return peak;
    }

    private static boolean bufferOwner(int index, List<Node> nodes) {
        return !nodes.get(index).op().aliasesInput();
    }
}
