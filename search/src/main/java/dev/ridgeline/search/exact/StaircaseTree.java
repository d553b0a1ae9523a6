package dev.ridgeline.search.exact;

import java.util.Arrays;

/**
 * The kept entries of a filter pass over three keys (after the sorted first dimension), for the same
 * question as {@link DominanceIndex} in O(log² n). The pass's entries are cut into buckets by their first
 * key (between every sixteenth entry's key, sorted); a Fenwick tree over the buckets holds in node j the
 * {@link Staircase} on the other two keys of the kept entries of buckets j - lowbit(j) .. j - 1, and each
 * bucket also lists its kept entries with all three keys. A query asks the O(log n) nodes that make up the
 * buckets whose every key is within its box, largest first, and scans the list of the one bucket the box's
 * first key falls in. In a node, the staircase entries within the box on the other two keys are found by one
 * binary search: whenever a kept entry's keys fit the box, an entry of that node's staircase does too, no
 * worse on any key, and it prunes what that one prunes, since a deficit is at most the cap times its value
 * (docs/exact.md, Pruning); save for ties broken by design, which only keep an entry that could have been
 * dropped, as in {@link Staircase}. An entry is added to the nodes from its bucket up until a staircase
 * already holds an entry no worse on both of its keys: the ranges of those nodes are nested, so every larger
 * one holds such an entry too. Keys as in {@link DominanceIndex}: smaller is better, minus infinity where an
 * entry surely meets a budget.
 *
 * <p>Staircases and lists live in two pools of parallel arrays, each in a slice that moves to the pool's end
 * at twice its capacity when it fills (the old slice stays unused until the next pass); the memory is about
 * that of the kept entries' keys, and a pass allocates nothing once the pools are large enough.
 */
final class StaircaseTree implements KeptEntries {
    /** Entries of a pass per bucket boundary: the boundaries are every this many entries' first keys. */
    private static final int PER_BUCKET = 16;
    private final int[] dim;
    private final boolean[] negate;
    private final double[] bound = new double[3];
    /** The distinct boundaries, ascending: bucket b holds the first keys in (bounds[b - 1], bounds[b]]. */
    private double[] bounds = new double[0];
    private int buckets;
    /** Per Fenwick node 1..buckets: where its staircase starts in the pool, its length, its capacity. */
    private int[] stairs = new int[0];
    /** Per bucket 0..buckets - 1: where its list starts in the list pool, its length, its capacity. */
    private int[] lists = new int[0];
    /** The staircases: entry, second key (ascending within a node), third key (descending), interleaved. */
    private final Pool stairPool = new Pool(2);
    /** The lists: entry, then the three keys, interleaved. */
    private final Pool listPool = new Pool(3);

    /** For exactly three key dimensions, each negated when higher is better. */
    StaircaseTree(int[] dim, boolean[] negate) {
        if (dim.length != 3 || negate.length != 3) {
            throw new IllegalArgumentException("three keys, got " + dim.length);
        }
        this.dim = dim.clone();
        this.negate = negate.clone();
    }

    /** Slices of entries with {@code width} keys each, grown by moving to the end. */
    private static final class Pool {
        final int width;
        int[] entry = new int[0];
        double[] keys = new double[0];
        int used;

        Pool(int width) {
            this.width = width;
        }

        long bytes() {
            return entry.length * 4L + keys.length * 8L;
        }

        /** Moves the slice at {@code at} of {@code slices} (offset, length, capacity) to the end, twice as large. */
        int grow(int[] slices, int at) {
            int cap = Math.max(4, 2 * slices[at + 2]);
            int need = used + cap;
            if (entry.length < need) {
                int size = Math.max(need, Math.max(256, entry.length + entry.length / 2));
                entry = Arrays.copyOf(entry, size);
                keys = Arrays.copyOf(keys, size * width);
            }
            int from = slices[at];
            int len = slices[at + 1];
            System.arraycopy(entry, from, entry, used, len);
            System.arraycopy(keys, from * width, keys, used * width, len * width);
            slices[at] = used;
            slices[at + 2] = cap;
            used = need;
            return used - cap;
        }
    }

    @Override
    public long bytes() {
        return bounds.length * 8L + (stairs.length + lists.length) * 4L + stairPool.bytes() + listPool.bytes();
    }

    @Override
    public void shrink() {
        bounds = new double[0];
        stairs = new int[0];
        lists = new int[0];
        stairPool.entry = new int[0];
        stairPool.keys = new double[0];
        listPool.entry = new int[0];
        listPool.keys = new double[0];
        buckets = 0;
    }

    private double key(Candidates c, int e, int q) {
        if (c.sure(e, dim[q])) {
            return Double.NEGATIVE_INFINITY;
        }
        double v = c.value(e, dim[q]);
        return negate[q] ? -v : v;
    }

    @Override
    public void start(Candidates c, int from, int to) {
        int n = Math.max(0, to - from);
        int samples = (n + PER_BUCKET - 1) / PER_BUCKET;
        if (bounds.length < samples) {
            bounds = new double[Math.max(samples, bounds.length + bounds.length / 2)];
        }
        for (int i = 0; i < samples; i++) {
            bounds[i] = key(c, from + i * PER_BUCKET, 0);
        }
        Arrays.sort(bounds, 0, samples);
        int distinct = 0;
        for (int i = 0; i < samples; i++) {
            if (distinct == 0 || bounds[i] != bounds[distinct - 1]) {
                bounds[distinct++] = bounds[i];
            }
        }
        buckets = distinct + 1;
        if (lists.length < 3 * buckets) {
            int cap = Math.max(buckets, lists.length / 3 + lists.length / 6);
            stairs = new int[3 * (cap + 1)];
            lists = new int[3 * cap];
        } else {
            Arrays.fill(stairs, 0, 3 * (buckets + 1), 0);
            Arrays.fill(lists, 0, 3 * buckets, 0);
        }
        stairPool.used = 0;
        listPool.used = 0;
    }

    /** The bucket of first key x: the first boundary at least x (the last bucket past every boundary). */
    private int bucket(double x) {
        int lo = 0;
        int hi = buckets - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bounds[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public void add(Candidates c, int e) {
        double first = key(c, e, 0);
        double a = key(c, e, 1);
        double b = key(c, e, 2);
        int bucket = bucket(first);
        int at = 3 * bucket;
        int len = lists[at + 1];
        int off = len == lists[at + 2] ? listPool.grow(lists, at) : lists[at];
        listPool.entry[off + len] = e;
        int k = (off + len) * 3;
        listPool.keys[k] = first;
        listPool.keys[k + 1] = a;
        listPool.keys[k + 2] = b;
        lists[at + 1] = len + 1;
        for (int j = bucket + 1; j <= buckets; j += j & -j) {
            if (!insert(j, e, a, b)) {
                return;
            }
        }
    }

    /** Puts (a, b) onto node j's staircase; false when an entry there is no worse on both keys. */
    private boolean insert(int j, int e, double a, double b) {
        int at = 3 * j;
        int off = stairs[at];
        int len = stairs[at + 1];
        double[] keys = stairPool.keys;
        int pos = firstAtLeast(keys, off, len, a);
        if (pos > 0 && keys[2 * (off + pos - 1) + 1] <= b) {
            return false;
        }
        if (pos < len && keys[2 * (off + pos)] == a && keys[2 * (off + pos) + 1] <= b) {
            return false;
        }
        // the entries from pos on whose third key is no better than b are beaten on both keys: drop them
        int hi = pos;
        int top = len;
        while (hi < top) {
            int mid = (hi + top) >>> 1;
            if (keys[2 * (off + mid) + 1] >= b) {
                hi = mid + 1;
            } else {
                top = mid;
            }
        }
        int removed = hi - pos;
        if (removed == 0) {
            if (len == stairs[at + 2]) {
                off = stairPool.grow(stairs, at);
                keys = stairPool.keys;
            }
            System.arraycopy(stairPool.entry, off + pos, stairPool.entry, off + pos + 1, len - pos);
            System.arraycopy(keys, 2 * (off + pos), keys, 2 * (off + pos + 1), 2 * (len - pos));
            stairs[at + 1] = len + 1;
        } else if (removed > 1) {
            System.arraycopy(stairPool.entry, off + hi, stairPool.entry, off + pos + 1, len - hi);
            System.arraycopy(keys, 2 * (off + hi), keys, 2 * (off + pos + 1), 2 * (len - hi));
            stairs[at + 1] = len - removed + 1;
        }
        stairPool.entry[off + pos] = e;
        keys[2 * (off + pos)] = a;
        keys[2 * (off + pos) + 1] = b;
        return true;
    }

    /** The first position of the staircase at [off, off + len) whose second key is at least a. */
    private static int firstAtLeast(double[] keys, int off, int len, double a) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[2 * (off + mid)] < a) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public int findPruner(Candidates c, int e) {
        if (buckets == 0) {
            return -1;
        }
        for (int q = 0; q < 3; q++) {
            double v = c.bound(e, dim[q]);
            bound[q] = negate[q] ? -v : v;
        }
        // every key of the buckets below the box's is below its first bound (their boundaries are)
        int edge = bucket(bound[0]);
        // the nodes that cover buckets 0 .. edge - 1, the largest (and most often pruning) first
        int j = 0;
        for (int bit = Integer.highestOneBit(edge); bit > 0; bit >>>= 1) {
            if ((edge & bit) != 0) {
                j += bit;
                int k = findInStaircase(c, e, j);
                if (k >= 0) {
                    return k;
                }
            }
        }
        int at = 3 * edge;
        int off = lists[at];
        double[] keys = listPool.keys;
        for (int i = off, end = off + lists[at + 1]; i < end; i++) {
            if (keys[3 * i] <= bound[0] && keys[3 * i + 1] <= bound[1] && keys[3 * i + 2] <= bound[2]
                    && c.prunes(listPool.entry[i], e)) {
                return listPool.entry[i];
            }
        }
        return -1;
    }

    private int findInStaircase(Candidates c, int e, int j) {
        int at = 3 * j;
        int off = stairs[at];
        double[] keys = stairPool.keys;
        // the last staircase entry whose second key is within the box has the best third key among those
        int lo = 0;
        int hi = stairs[at + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[2 * (off + mid)] <= bound[1]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = off + lo - 1; i >= off && keys[2 * i + 1] <= bound[2]; i--) {
            if (c.prunes(stairPool.entry[i], e)) {
                return stairPool.entry[i];
            }
        }
        return -1;
    }
}
