package dev.ridgeline.search.exact;

import java.util.Arrays;

/**
 * The entries a filter pass has kept so far, for the question "does any of them prune this one?" without
 * asking each. Kept entries live in static k-d trees of 1, 2, 4, ... entries (Bentley and Saxe's
 * logarithmic method): adding one merges the full trees below the first empty size into it and rebuilds
 * that one (balanced, median splits), so each entry is rebuilt O(log n) times, and only kept entries ever
 * enter a tree. Each node holds, per key, the least key below it, so a query skips every subtree none of
 * whose entries can be as good as the query's box. Keys are smaller-is-better: a lower-is-better value as
 * is, a higher-is-better one negated, a value that must be equal as both, minus infinity where an entry
 * surely meets a budget. The box is only a necessary condition; each entry in it is then asked
 * {@link Candidates#prunes}, so the index changes no answer, only its cost. Trees of size 2^i occupy
 * positions 2^i - 1 .. 2^(i+1) - 2 of flat arrays that only grow; a pass allocates nothing once they are
 * large enough.
 */
final class DominanceIndex implements KeptEntries {
    private final int[] dim;
    private final boolean[] negate;
    private final int keyDims;
    private final double[] bound;
    private final double[] scratchKey;
    /** Per position: the entry there, its keys, the least keys of its subtree. */
    private int[] entryAt = new int[0];
    private double[] keys = new double[0];
    private double[] least = new double[0];
    private int[] stack = new int[64 * 3];
    /** Bit i set: the tree of 2^i entries is full. */
    private long full;
    private int count;

    DominanceIndex(Dimensions dimensions) {
        int d = dimensions.count();
        int[] dims = new int[2 * d];
        boolean[] neg = new boolean[2 * d];
        int q = 0;
        for (int i = 0; i < d; i++) {
            int sense = dimensions.sense()[i];
            // entries are sorted by the first dimension: a kept one is never worse there
            if (i == 0 && sense != Dimensions.EQUAL) {
                continue;
            }
            dims[q] = i;
            neg[q++] = sense == Dimensions.HIGHER;
            if (sense == Dimensions.EQUAL) {
                dims[q] = i;
                neg[q++] = true;
            }
        }
        if (q == 0) {
            dims[q] = 0;
            neg[q++] = dimensions.sense()[0] == Dimensions.HIGHER;
        }
        this.dim = Arrays.copyOf(dims, q);
        this.negate = Arrays.copyOf(neg, q);
        this.keyDims = q;
        this.bound = new double[q];
        this.scratchKey = new double[q];
    }

    /**
     * A {@link Staircase} over the same keys when there are exactly two, on two distinct dimensions (a
     * dimension that must stay equal takes two keys of one dimension); null otherwise.
     */
    Staircase staircase() {
        return keyDims == 2 && dim[0] != dim[1] ? new Staircase(dim, negate) : null;
    }

    /** The entries over the same keys when there are exactly three: a {@link StaircaseTree}; this index otherwise. */
    KeptEntries forKeys() {
        return keyDims == 3 ? new StaircaseTree(dim, negate) : this;
    }

    @Override
    public long bytes() {
        return (entryAt.length + stack.length) * 4L + (keys.length + least.length) * 8L;
    }

    /** Drops the arrays (see {@link Candidates#shrink}). */
    @Override
    public void shrink() {
        entryAt = new int[0];
        keys = new double[0];
        least = new double[0];
        full = 0;
        count = 0;
    }

    /** Empties the index for a new pass (of any entries). */
    @Override
    public void start(Candidates c, int from, int to) {
        full = 0;
        count = 0;
    }

    @Override
    public void add(Candidates c, int e) {
        int level = Long.numberOfTrailingZeros(~full);
        int offset = (1 << level) - 1;
        int size = 1 << level;
        ensure(offset + size);
        // the full trees below this level hold 2^level - 1 entries at positions 0 .. 2^level - 2: move them up
        System.arraycopy(entryAt, 0, entryAt, offset, size - 1);
        System.arraycopy(keys, 0, keys, offset * keyDims, (size - 1) * keyDims);
        int last = offset + size - 1;
        entryAt[last] = e;
        for (int q = 0; q < keyDims; q++) {
            keys[last * keyDims + q] = key(c, e, q);
        }
        build(offset, offset + size, 0);
        full = (full & ~((1L << level) - 1)) | (1L << level);
        count++;
    }

    private double key(Candidates c, int e, int q) {
        if (c.sure(e, dim[q])) {
            return Double.NEGATIVE_INFINITY;
        }
        double v = c.value(e, dim[q]);
        return negate[q] ? -v : v;
    }

    private void ensure(int positions) {
        if (entryAt.length < positions) {
            int cap = Math.max(positions, Math.max(64, entryAt.length * 2));
            entryAt = Arrays.copyOf(entryAt, cap);
            keys = Arrays.copyOf(keys, cap * keyDims);
            least = Arrays.copyOf(least, cap * keyDims);
        }
    }

    /** Builds the subtree over positions [lo, hi): the median by key (depth mod keys) at the middle, then its least keys. */
    private void build(int lo, int hi, int depth) {
        if (lo >= hi) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        select(lo, hi, mid, depth % keyDims);
        build(lo, mid, depth + 1);
        build(mid + 1, hi, depth + 1);
        for (int q = 0; q < keyDims; q++) {
            double m = keys[mid * keyDims + q];
            if (mid > lo) {
                m = Math.min(m, least[((lo + mid) >>> 1) * keyDims + q]);
            }
            if (mid + 1 < hi) {
                m = Math.min(m, least[((mid + 1 + hi) >>> 1) * keyDims + q]);
            }
            least[mid * keyDims + q] = m;
        }
    }

    /** Quickselect over positions [lo, hi): position k gets the k-th key in dimension j, smaller ones before. */
    private void select(int lo, int hi, int k, int j) {
        int left = lo;
        int right = hi - 1;
        while (right > left) {
            double pivot = keys[(left + ((right - left) >>> 1)) * keyDims + j];
            int i = left;
            int r = right;
            while (i <= r) {
                while (keys[i * keyDims + j] < pivot) {
                    i++;
                }
                while (keys[r * keyDims + j] > pivot) {
                    r--;
                }
                if (i <= r) {
                    swap(i, r);
                    i++;
                    r--;
                }
            }
            if (k <= r) {
                right = r;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int t = entryAt[a];
        entryAt[a] = entryAt[b];
        entryAt[b] = t;
        System.arraycopy(keys, a * keyDims, scratchKey, 0, keyDims);
        System.arraycopy(keys, b * keyDims, keys, a * keyDims, keyDims);
        System.arraycopy(scratchKey, 0, keys, b * keyDims, keyDims);
    }

    /**
     * A kept entry that prunes entry e, or -1: the box holds every kept entry within
     * {@link Candidates#bound} of e on every dimension.
     */
    @Override
    public int findPruner(Candidates c, int e) {
        if (count == 0) {
            return -1;
        }
        for (int q = 0; q < keyDims; q++) {
            double v = c.bound(e, dim[q]);
            bound[q] = negate[q] ? -v : v;
        }
        // the smaller trees hold the entries kept last, the nearest to e in the sort: ask them first
        for (int level = 0; level < 63; level++) {
            if ((full & (1L << level)) != 0) {
                int k = find(c, e, (1 << level) - 1, (1 << (level + 1)) - 1);
                if (k >= 0) {
                    return k;
                }
            }
            if ((full >>> level) <= 1) {
                break;
            }
        }
        return -1;
    }

    private int find(Candidates c, int e, int from, int to) {
        int top = 0;
        stack[top++] = from;
        stack[top++] = to;
        stack[top++] = 0;
        while (top > 0) {
            int depth = stack[--top];
            int hi = stack[--top];
            int lo = stack[--top];
            int mid = (lo + hi) >>> 1;
            boolean reachable = true;
            for (int q = 0; q < keyDims && reachable; q++) {
                reachable = least[mid * keyDims + q] <= bound[q];
            }
            if (!reachable) {
                continue;
            }
            boolean inBox = true;
            for (int q = 0; q < keyDims && inBox; q++) {
                inBox = keys[mid * keyDims + q] <= bound[q];
            }
            if (inBox && c.prunes(entryAt[mid], e)) {
                return entryAt[mid];
            }
            if (top + 6 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            int j = depth % keyDims;
            if (mid + 1 < hi && keys[mid * keyDims + j] <= bound[j]) {
                stack[top++] = mid + 1;
                stack[top++] = hi;
                stack[top++] = depth + 1;
            }
            if (lo < mid) {
                stack[top++] = lo;
                stack[top++] = mid;
                stack[top++] = depth + 1;
            }
        }
        return -1;
    }
}
