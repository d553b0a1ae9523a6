package dev.ridgeline.search.exact;

import java.util.Arrays;

/**
 * The order in which a filter pass visits a {@link Candidates} buffer's entries, the entries it keeps, and
 * the compaction that moves those to the front of the buffer's parallel arrays afterwards. Its arrays only
 * grow, so a pass allocates nothing once they are large enough.
 */
final class EntryOrder {
    private int[] order = new int[0];
    private int[] sortTmp = new int[0];
    private int[] kept = new int[0];
    private int[] runs = new int[1];
    /** One entry, parked while {@link #compact} closes a cycle of moves. */
    private final double[] swapVec;
    private final float[] swapDef;
    private int[] swapParent = new int[0];

    EntryOrder(int dims) {
        this.swapVec = new double[dims];
        this.swapDef = new float[dims];
    }

    long bytes() {
        return (order.length + sortTmp.length + kept.length + runs.length) * 4L;
    }

    /** Drops the arrays (see {@link Candidates#shrink}). */
    void shrink() {
        order = new int[0];
        sortTmp = new int[0];
        kept = new int[0];
        runs = new int[1];
    }

    /** The entry visited r-th (after {@link #sort}). */
    int at(int r) {
        return order[r];
    }

    /** Notes entry e as the {@code keptCount}-th kept one; returns the new count. */
    int keep(int keptCount, int e) {
        if (kept.length <= keptCount) {
            kept = Arrays.copyOf(kept, Math.max(16, Math.max(keptCount + 1, kept.length * 2)));
        }
        kept[keptCount] = e;
        return keptCount + 1;
    }

    /**
     * Sorts the entry numbers of {@code c} best first by the dimensions in order, then by design
     * ({@link Candidates#compare}): a natural merge sort, since a buffer is mostly a concatenation of sorted
     * runs (a sorted front shifted by one vector, for each vector of the factor added), which it merges in
     * O(n log runs).
     */
    void sort(Candidates c) {
        int size = c.size;
        if (order.length < size) {
            order = new int[c.choice.length];
            sortTmp = new int[c.choice.length];
            runs = new int[c.choice.length + 1];
        }
        int runCount = 0;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            if (i == 0 || c.compare(i - 1, i) > 0) {
                runs[runCount++] = i;
            }
        }
        runs[runCount] = size;
        int[] src = order;
        int[] dst = sortTmp;
        while (runCount > 1) {
            int merged = 0;
            for (int r = 0; r < runCount; r += 2) {
                int lo = runs[r];
                int mid = runs[Math.min(r + 1, runCount)];
                int hi = runs[Math.min(r + 2, runCount)];
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    dst[o++] = c.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[o++] = src[i++];
                }
                while (j < hi) {
                    dst[o++] = src[j++];
                }
                runs[merged++] = lo;
            }
            runs[merged] = size;
            runCount = merged;
            int[] t = src;
            src = dst;
            dst = t;
        }
        order = src;
        sortTmp = dst;
    }

    /**
     * Moves the kept entries of {@code c}, in their sorted order, to the front, in place: a second set of
     * arrays to copy into would double the buffer, the memory peak of a large elimination. Slot i (below
     * keptCount) takes entry kept[i]; the moves form chains, each started at a slot whose own entry is not
     * kept and ended at an entry from past keptCount, and cycles among kept entries, closed through one spare
     * entry. Each kept entry moves once.
     */
    void compact(Candidates c, int keptCount) {
        int size = c.size;
        int[] source = sortTmp;
        // source[p] (p below keptCount): the slot whose entry p takes, -1 once moved; mark slots holding kept entries
        Arrays.fill(source, 0, size, -1);
        for (int i = 0; i < keptCount; i++) {
            source[kept[i]] = -2;
        }
        for (int i = 0; i < keptCount; i++) {
            if (source[i] == -1) {
                source[i] = -3; // slot i's own entry is not needed: a chain starts here
            }
        }
        int[] need = kept;
        for (int i = 0; i < keptCount; i++) {
            if (source[i] != -3) {
                continue;
            }
            int j = i;
            while (true) {
                int s = need[j];
                move(c, s, j);
                need[j] = -1;
                if (s >= keptCount || need[s] < 0) {
                    break;
                }
                j = s;
            }
        }
        int dims = c.dims;
        int parentCount = c.parentCount;
        if (swapParent.length < parentCount) {
            swapParent = new int[parentCount];
        }
        for (int i = 0; i < keptCount; i++) {
            if (need[i] < 0 || need[i] == i) {
                continue;
            }
            // a cycle among kept entries: park slot i's entry, fill along the cycle, put it back at the end
            System.arraycopy(c.vec, i * dims, swapVec, 0, dims);
            System.arraycopy(c.def, i * dims, swapDef, 0, dims);
            int parkedChoice = c.choice[i];
            System.arraycopy(c.parent, i * parentCount, swapParent, 0, parentCount);
            int j = i;
            while (need[j] != i) {
                int s = need[j];
                move(c, s, j);
                need[j] = -1;
                j = s;
            }
            System.arraycopy(swapVec, 0, c.vec, j * dims, dims);
            System.arraycopy(swapDef, 0, c.def, j * dims, dims);
            c.choice[j] = parkedChoice;
            System.arraycopy(swapParent, 0, c.parent, j * parentCount, parentCount);
            need[j] = -1;
        }
        c.size = keptCount;
    }

    private static void move(Candidates c, int from, int to) {
        int dims = c.dims;
        int parentCount = c.parentCount;
        System.arraycopy(c.vec, from * dims, c.vec, to * dims, dims);
        System.arraycopy(c.def, from * dims, c.def, to * dims, dims);
        c.choice[to] = c.choice[from];
        System.arraycopy(c.parent, from * parentCount, c.parent, to * parentCount, parentCount);
    }
}
