package dev.ridgeline.search.exact;

import java.util.Arrays;

/**
 * The kept entries of a filter pass over two keys (after the sorted first dimension), for the same
 * question as {@link DominanceIndex} in O(log n): only the entries no other kept one beats on both keys
 * are held (the staircase, sorted by the first key ascending, so the second descends), since whenever a
 * kept entry's keys fit a query's box, some staircase entry's do too, and it prunes whatever that one
 * prunes (it is no worse on either key, and no worse on the sorted dimension, where nothing is traded).
 * Adding an entry removes the run of staircase entries it beats, so each entry is moved O(1) times on
 * average besides the array shifts. Keys as in {@link DominanceIndex}: smaller is better.
 */
final class Staircase {
    private final int[] dim;
    private final boolean[] negate;
    private int[] entryAt = new int[0];
    private double[] first = new double[0];
    private double[] second = new double[0];
    private int size;
    private final double[] bound = new double[2];

    /** For exactly two key dimensions {@code dim[0] != dim[1]}, each negated when higher is better. */
    Staircase(int[] dim, boolean[] negate) {
        this.dim = dim.clone();
        this.negate = negate.clone();
    }

    long bytes() {
        return entryAt.length * 4L + (first.length + second.length) * 8L;
    }

    /** Drops the arrays (see {@link Candidates#shrink}). */
    void shrink() {
        entryAt = new int[0];
        first = new double[0];
        second = new double[0];
        size = 0;
    }

    void start() {
        size = 0;
    }

    private double key(Candidates c, int e, int q) {
        if (c.sure(e, dim[q])) {
            return Double.NEGATIVE_INFINITY;
        }
        double v = c.value(e, dim[q]);
        return negate[q] ? -v : v;
    }

    /** Adds kept entry e of {@code c}: onto the staircase unless a staircase entry is no worse on both keys. */
    void add(Candidates c, int e) {
        double x = key(c, e, 0);
        double y = key(c, e, 1);
        int lo = lowerBound(x);
        if (lo > 0 && second[lo - 1] <= y) {
            return;
        }
        if (lo < size && first[lo] == x && second[lo] <= y) {
            return;
        }
        int hi = lo;
        while (hi < size && second[hi] >= y) {
            hi++;
        }
        int removed = hi - lo;
        if (removed == 0) {
            if (size == entryAt.length) {
                int cap = Math.max(64, size * 2);
                entryAt = Arrays.copyOf(entryAt, cap);
                first = Arrays.copyOf(first, cap);
                second = Arrays.copyOf(second, cap);
            }
            System.arraycopy(entryAt, lo, entryAt, lo + 1, size - lo);
            System.arraycopy(first, lo, first, lo + 1, size - lo);
            System.arraycopy(second, lo, second, lo + 1, size - lo);
            size++;
        } else if (removed > 1) {
            System.arraycopy(entryAt, hi, entryAt, lo + 1, size - hi);
            System.arraycopy(first, hi, first, lo + 1, size - hi);
            System.arraycopy(second, hi, second, lo + 1, size - hi);
            size -= removed - 1;
        }
        entryAt[lo] = e;
        first[lo] = x;
        second[lo] = y;
    }

    /** The first position whose first key is at least x. */
    private int lowerBound(double x) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (first[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A kept entry that prunes entry e, or -1 (the box as in {@link DominanceIndex#findPruner}). */
    int findPruner(Candidates c, int e) {
        for (int q = 0; q < 2; q++) {
            double v = c.bound(e, dim[q]);
            bound[q] = negate[q] ? -v : v;
        }
        // the last staircase entry with a first key within the box has the best second key among those
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (first[mid] <= bound[0]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int j = lo - 1; j >= 0 && second[j] <= bound[1]; j--) {
            if (c.prunes(entryAt[j], e)) {
                return entryAt[j];
            }
        }
        return -1;
    }
}
