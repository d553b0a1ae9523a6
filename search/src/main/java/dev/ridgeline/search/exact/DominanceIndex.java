package dev.ridgeline.search.exact;

import java.util.Arrays;

/**
 * The entries a filter pass has kept so far, for the question "does any of them prune this one?" without
 * asking each: a k-d tree built once per pass over every entry of the pass (balanced, median splits),
 * in which an entry becomes visible when it is kept. Each node holds, per key dimension, the least key of
 * the visible entries below it, so a query skips every subtree none of whose visible entries can be as
 * good as the query's box. Keys are smaller-is-better: a lower-is-better value as is, a higher-is-better
 * one negated, a value that must be equal as both. The box is only a necessary condition; each entry in
 * it is then asked {@link Candidates#prunes}, so the index changes no answer, only its cost. Arrays are
 * reused from pass to pass; a pass allocates nothing once they are large enough.
 */
final class DominanceIndex {
    private final int[] dim;
    private final boolean[] negate;
    private final int keyDims;
    private int[] perm = new int[0];
    private int[] positionOf = new int[0];
    private int[] parentPosition = new int[0];
    private boolean[] visible = new boolean[0];
    private double[] keys = new double[0];
    private double[] least = new double[0];
    private int[] stack = new int[0];
    private final double[] bound;
    private int size;

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
            // one dimension: any kept entry is a candidate pruner; index it by the first dimension anyway
            dims[q] = 0;
            neg[q++] = dimensions.sense()[0] == Dimensions.HIGHER;
        }
        this.dim = Arrays.copyOf(dims, q);
        this.negate = Arrays.copyOf(neg, q);
        this.keyDims = q;
        this.bound = new double[q];
    }

    long bytes() {
        return (perm.length + positionOf.length + parentPosition.length + stack.length) * 4L + visible.length
                + (keys.length + least.length) * 8L;
    }

    /** Builds the tree over entries 0 .. n-1 of {@code c}, none of them visible yet. */
    void start(Candidates c, int n) {
        size = n;
        if (perm.length < n) {
            int cap = Math.max(16, Math.max(n, perm.length * 2));
            perm = new int[cap];
            positionOf = new int[cap];
            parentPosition = new int[cap];
            visible = new boolean[cap];
            keys = new double[cap * keyDims];
            least = new double[cap * keyDims];
            stack = new int[3 * 64];
        }
        for (int i = 0; i < n; i++) {
            perm[i] = i;
            for (int q = 0; q < keyDims; q++) {
                double v = c.value(i, dim[q]);
                keys[i * keyDims + q] = c.sure(i, dim[q]) ? Double.NEGATIVE_INFINITY : negate[q] ? -v : v;
            }
        }
        build(0, n, 0, -1);
        Arrays.fill(visible, 0, n, false);
        Arrays.fill(least, 0, n * keyDims, Double.POSITIVE_INFINITY);
    }

    private void build(int lo, int hi, int depth, int parent) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            select(lo, hi, mid, depth % keyDims);
            positionOf[perm[mid]] = mid;
            parentPosition[mid] = parent;
            build(lo, mid, depth + 1, mid);
            lo = mid + 1;
            depth++;
            parent = mid;
        }
    }

    /** Quickselect: perm[lo..hi) rearranged so that perm[k] has the k-th key in dimension j, smaller before. */
    private void select(int lo, int hi, int k, int j) {
        int left = lo;
        int right = hi - 1;
        while (right > left) {
            int pivotAt = left + ((right - left) >>> 1);
            double pivot = keys[perm[pivotAt] * keyDims + j];
            int i = left;
            int r = right;
            while (i <= r) {
                while (keys[perm[i] * keyDims + j] < pivot) {
                    i++;
                }
                while (keys[perm[r] * keyDims + j] > pivot) {
                    r--;
                }
                if (i <= r) {
                    int t = perm[i];
                    perm[i] = perm[r];
                    perm[r] = t;
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

    /** Makes kept entry e visible to later queries. */
    void add(int e) {
        int p = positionOf[e];
        visible[p] = true;
        while (p >= 0) {
            boolean changed = false;
            for (int q = 0; q < keyDims; q++) {
                double k = keys[e * keyDims + q];
                if (k < least[p * keyDims + q]) {
                    least[p * keyDims + q] = k;
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
            p = parentPosition[p];
        }
    }

    /**
     * A visible entry that prunes entry e, or -1: the box holds every visible entry within {@code grow} of e
     * on the dimensions that allow slack, and no worse on the others.
     */
    int findPruner(Candidates c, int e, double grow) {
        for (int q = 0; q < keyDims; q++) {
            int d = dim[q];
            double v = c.value(e, d);
            double g = c.slack(d) ? grow : 1;
            bound[q] = negate[q] ? -(v / g) : v * g;
        }
        int top = 0;
        stack = ensure(stack, 3);
        stack[top++] = 0;
        stack[top++] = size;
        stack[top++] = 0;
        while (top > 0) {
            int depth = stack[--top];
            int hi = stack[--top];
            int lo = stack[--top];
            if (lo >= hi) {
                continue;
            }
            int mid = (lo + hi) >>> 1;
            boolean reachable = true;
            for (int q = 0; q < keyDims && reachable; q++) {
                reachable = least[mid * keyDims + q] <= bound[q];
            }
            if (!reachable) {
                continue;
            }
            if (visible[mid]) {
                boolean inBox = true;
                for (int q = 0; q < keyDims && inBox; q++) {
                    inBox = keys[perm[mid] * keyDims + q] <= bound[q];
                }
                if (inBox && c.prunes(perm[mid], e)) {
                    return perm[mid];
                }
            }
            int j = depth % keyDims;
            stack = ensure(stack, top + 6);
            if (keys[perm[mid] * keyDims + j] <= bound[j]) {
                stack[top++] = mid + 1;
                stack[top++] = hi;
                stack[top++] = depth + 1;
            }
            stack[top++] = lo;
            stack[top++] = mid;
            stack[top++] = depth + 1;
        }
        return -1;
    }

    private static int[] ensure(int[] a, int n) {
        return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, a.length * 2));
    }
}
