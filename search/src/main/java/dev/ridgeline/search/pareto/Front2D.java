package dev.ridgeline.search.pareto;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The front of two objectives as a treap (a binary search tree balanced by random priorities) keyed by
 * the first oriented value. On a 2-D front the first value strictly increases while the second strictly
 * decreases, so a point is weakly dominated exactly when its floor (the kept point with the largest first
 * value not above its own) is no worse in the second value, and the points it dominates are one run that
 * starts at its own first value. An offer therefore costs one O(log n) descent when rejected, and an
 * expected O(log n) split, trim and merge when kept, plus O(1) per dropped point: O(n log n) for n offers.
 * Nodes live in parallel primitive arrays and are recycled, so only growth and the kept copies allocate.
 */
final class Front2D implements Front {
    private static final int NIL = -1;

    private double[] first = new double[16];
    private double[] second = new double[16];
    private double[][] metrics = new double[16][];
    private int[][] choices = new int[16][];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private int[] priority = new int[16];

    private int root = NIL;
    /** Recycled nodes, linked through {@link #right}. */
    private int free = NIL;
    /** Nodes ever handed out; slots at and above it are unused. */
    private int used;
    private int size;
    /** Xorshift state for priorities: fixed, so runs are reproducible. */
    private int seed = 0x2545F491;

    /** Results of the two splits (a pair without allocating one). */
    private int lower;
    private int upper;

    @Override
    public boolean offer(double[] oriented, double[] pointMetrics, int[] pointChoices, boolean copy) {
        double x = oriented[0];
        double y = oriented[1];
        int floor = NIL;
        for (int n = root; n != NIL; ) {
            if (first[n] <= x) {
                floor = n;
                n = right[n];
            } else {
                n = left[n];
            }
        }
        if (floor != NIL && second[floor] <= y) {
            if (first[floor] == x && second[floor] == y && Arrays.compare(pointChoices, choices[floor]) < 0) {
                metrics[floor] = copy ? pointMetrics.clone() : pointMetrics;
                choices[floor] = copy ? pointChoices.clone() : pointChoices;
                return true;
            }
            return false;
        }
        splitByFirst(root, x);
        int before = lower;
        splitBySecond(upper, y);
        release(lower);
        int kept = upper;
        int node = allocate(x, y, copy ? pointMetrics.clone() : pointMetrics,
                copy ? pointChoices.clone() : pointChoices);
        root = merge(merge(before, node), kept);
        size++;
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(BiConsumer<double[], int[]> visitor) {
        visit(root, visitor);
    }

    private void visit(int n, BiConsumer<double[], int[]> visitor) {
        if (n != NIL) {
            visit(left[n], visitor);
            visitor.accept(metrics[n], choices[n]);
            visit(right[n], visitor);
        }
    }

    /** Splits subtree {@code t} into {@link #lower} (first value below {@code x}) and {@link #upper} (the rest). */
    private void splitByFirst(int t, double x) {
        if (t == NIL) {
            lower = NIL;
            upper = NIL;
        } else if (first[t] < x) {
            splitByFirst(right[t], x);
            right[t] = lower;
            lower = t;
        } else {
            splitByFirst(left[t], x);
            left[t] = upper;
            upper = t;
        }
    }

    /**
     * Splits subtree {@code t}, whose second values decrease in key order, into {@link #lower} (second value
     * at least {@code y}: a prefix) and {@link #upper} (the rest).
     */
    private void splitBySecond(int t, double y) {
        if (t == NIL) {
            lower = NIL;
            upper = NIL;
        } else if (second[t] >= y) {
            splitBySecond(right[t], y);
            right[t] = lower;
            lower = t;
        } else {
            splitBySecond(left[t], y);
            left[t] = upper;
            upper = t;
        }
    }

    /** Joins two treaps where every key of {@code a} precedes every key of {@code b}. */
    private int merge(int a, int b) {
        if (a == NIL) {
            return b;
        }
        if (b == NIL) {
            return a;
        }
        if (priority[a] > priority[b]) {
            right[a] = merge(right[a], b);
            return a;
        }
        left[b] = merge(a, left[b]);
        return b;
    }

    /** Returns every node of subtree {@code t} to the free list. */
    private void release(int t) {
        if (t == NIL) {
            return;
        }
        release(left[t]);
        int next = right[t];
        metrics[t] = null;
        choices[t] = null;
        right[t] = free;
        free = t;
        size--;
        release(next);
    }

    private int allocate(double x, double y, double[] pointMetrics, int[] pointChoices) {
        int n;
        if (free != NIL) {
            n = free;
            free = right[n];
        } else {
            if (used == first.length) {
                grow();
            }
            n = used++;
        }
        first[n] = x;
        second[n] = y;
        metrics[n] = pointMetrics;
        choices[n] = pointChoices;
        left[n] = NIL;
        right[n] = NIL;
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        priority[n] = seed;
        return n;
    }

    private void grow() {
        int capacity = first.length * 2;
        first = Arrays.copyOf(first, capacity);
        second = Arrays.copyOf(second, capacity);
        metrics = Arrays.copyOf(metrics, capacity);
        choices = Arrays.copyOf(choices, capacity);
        left = Arrays.copyOf(left, capacity);
        right = Arrays.copyOf(right, capacity);
        priority = Arrays.copyOf(priority, capacity);
    }
}
