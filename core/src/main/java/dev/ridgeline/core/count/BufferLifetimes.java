package dev.ridgeline.core.count;

import dev.ridgeline.core.graph.Model;

/**
 * When each activation buffer of a model lives, with the nodes run one at a time in topological order.
 * Buffer {@code i < nodes} is node i's output, unless the node aliases its first input (in-place ops,
 * views) and owns none; buffer {@code nodes + k} is model input k. A buffer is allocated when its node
 * runs (inputs: before the first node) and freed after its last reader; model outputs, and inputs that
 * nothing reads, live to the end ({@link #lastUse} = nodes).
 */
public final class BufferLifetimes {
    private final int nodes;
    private final boolean[] owned;
    private final int[] lastUse;

    private BufferLifetimes(int nodes, boolean[] owned, int[] lastUse) {
        this.nodes = nodes;
        this.owned = owned;
        this.lastUse = lastUse;
    }

    public static BufferLifetimes of(Model model) {
        int n = model.nodes().size();
        int inputs = model.inputs().size();
        int[] bufferOf = new int[n];
        boolean[] owned = new boolean[n + inputs];
        int[] lastUse = new int[n + inputs];
        java.util.Arrays.fill(lastUse, -1);
        for (int k = 0; k < inputs; k++) {
            owned[n + k] = true;
        }
        for (int i = 0; i < n; i++) {
            if (model.nodes().get(i).op().aliasesInput()) {
                bufferOf[i] = buffer(model.inputRef(i, 0), bufferOf, n);
            } else {
                bufferOf[i] = i;
                owned[i] = true;
                lastUse[i] = i; // a result nobody reads is freed at once
            }
            for (int j = 0; j < model.inputCount(i); j++) {
                int b = buffer(model.inputRef(i, j), bufferOf, n);
                lastUse[b] = Math.max(lastUse[b], i);
            }
        }
        for (String out : model.outputs()) {
            lastUse[bufferOf[model.indexOf(out)]] = n;
        }
        for (int k = 0; k < inputs; k++) {
            if (lastUse[n + k] < 0) {
                lastUse[n + k] = n;
            }
        }
        return new BufferLifetimes(n, owned, lastUse);
    }

    private static int buffer(int ref, int[] bufferOf, int n) {
        return ref >= 0 ? bufferOf[ref] : n + (-1 - ref);
    }

    /** Buffers in all: one per node plus one per model input (aliasing nodes own none). */
    public int buffers() {
        return owned.length;
    }

    public boolean owned(int buffer) {
        return owned[buffer];
    }

    /** The step after which an owned buffer is freed ({@code nodes}: it lives to the end); -1 if not owned. */
    public int lastUse(int buffer) {
        return lastUse[buffer];
    }

    /** The step that allocates the buffer: its node's index, or -1 for a model input. */
    public int allocated(int buffer) {
        return buffer < nodes ? buffer : -1;
    }

    /** Whether an owned buffer is live while step {@code step} runs. */
    public boolean liveAt(int buffer, int step) {
        return owned[buffer] && allocated(buffer) <= step && step <= lastUse[buffer];
    }
}
