package dev.ridgeline.search.pareto;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The front of three or four objectives as one flat array of oriented values (one row of {@code d} per
 * point) sorted by the first value, cut into blocks of {@value #BLOCK} rows that each record the smallest
 * value of every objective among their rows. Only rows whose first value is not above the offered one can
 * dominate it (a binary search bounds them), and a block whose smallest values are not all at or below the
 * offered ones cannot hold a dominator and is skipped; the row that rejected the previous offer is tried
 * first. A rejected offer therefore costs O(log h + h/16·d)
 * plus a scan of the blocks not skipped (O(h·d) at worst, for a front of h points) and allocates nothing;
 * a kept one costs O(h·d) to drop the rows it dominates, shift the rest and refresh the blocks after it.
 */
final class FrontND implements Front {
    private static final int BLOCK_SHIFT = 4;
    private static final int BLOCK = 1 << BLOCK_SHIFT;
    private static final int NONE = 0;
    private static final int EQUAL = 1;
    private static final int STRICT = 2;

    private final int d;
    private double[] values;
    /** Per block, the smallest value of each objective among its rows (d per block). */
    private double[] blockMin;
    private double[][] metrics = new double[BLOCK][];
    private int[][] choices = new int[BLOCK][];
    private int size;
    /** The row that dominated the last rejected offer (rows move, so it is only a guess). */
    private int hint;

    FrontND(int dimensions) {
        this.d = dimensions;
        this.values = new double[BLOCK * dimensions];
        this.blockMin = new double[dimensions];
    }

    @Override
    public boolean offer(double[] oriented, double[] pointMetrics, int[] pointChoices, boolean copy) {
        double x = oriented[0];
        int end = firstRowAbove(x);
        // consecutive offers of a sweep tend to share a dominator: try the last one first
        if (hint < end && weakDominance(hint, oriented) == STRICT) {
            return false;
        }
        // then the nearest blocks: a dominator tends to be close in the first objective
        for (int b = (end - 1) >> BLOCK_SHIFT; b >= 0; b--) {
            if (!blockMayDominate(b, oriented)) {
                continue;
            }
            for (int i = Math.min((b + 1) << BLOCK_SHIFT, end) - 1; i >= b << BLOCK_SHIFT; i--) {
                int dominance = weakDominance(i, oriented);
                if (dominance == STRICT) {
                    hint = i;
                    return false;
                }
                if (dominance == EQUAL) {
                    if (Arrays.compare(pointChoices, choices[i]) < 0) {
                        metrics[i] = copy ? pointMetrics.clone() : pointMetrics;
                        choices[i] = copy ? pointChoices.clone() : pointChoices;
                        return true;
                    }
                    return false;
                }
            }
        }
        // Not weakly dominated, so no kept row equals it: drop the rows it dominates, all at or after start.
        int start = firstRowNotBelow(x);
        int kept = start;
        for (int i = start; i < size; i++) {
            int row = i * d;
            boolean dominated = true;
            for (int k = 1; k < d && dominated; k++) {
                dominated = oriented[k] <= values[row + k];
            }
            if (!dominated) {
                if (kept != i) {
                    System.arraycopy(values, row, values, kept * d, d);
                    metrics[kept] = metrics[i];
                    choices[kept] = choices[i];
                }
                kept++;
            }
        }
        Arrays.fill(metrics, kept, size, null);
        Arrays.fill(choices, kept, size, null);
        size = kept;
        insert(start, oriented, copy ? pointMetrics.clone() : pointMetrics, copy ? pointChoices.clone() : pointChoices);
        refreshBlocks(start);
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(BiConsumer<double[], int[]> visitor) {
        for (int i = 0; i < size; i++) {
            visitor.accept(metrics[i], choices[i]);
        }
    }

    /**
     * Whether row {@code i} (whose first value is not above the point's) is worse than the point in some
     * objective ({@link #NONE}), equal in all ({@link #EQUAL}) or dominates it ({@link #STRICT}).
     */
    private int weakDominance(int i, double[] oriented) {
        int row = i * d;
        boolean strictly = values[row] < oriented[0];
        for (int k = 1; k < d; k++) {
            double v = values[row + k];
            if (v > oriented[k]) {
                return NONE;
            }
            strictly |= v < oriented[k];
        }
        return strictly ? STRICT : EQUAL;
    }

    /** Whether block {@code b} is no worse than the point in every objective but the first. */
    private boolean blockMayDominate(int b, double[] oriented) {
        int base = b * d;
        for (int k = 1; k < d; k++) {
            if (blockMin[base + k] > oriented[k]) {
                return false;
            }
        }
        return true;
    }

    private void insert(int at, double[] oriented, double[] pointMetrics, int[] pointChoices) {
        if (size == metrics.length) {
            int capacity = size * 2;
            values = Arrays.copyOf(values, capacity * d);
            metrics = Arrays.copyOf(metrics, capacity);
            choices = Arrays.copyOf(choices, capacity);
        }
        System.arraycopy(values, at * d, values, (at + 1) * d, (size - at) * d);
        System.arraycopy(metrics, at, metrics, at + 1, size - at);
        System.arraycopy(choices, at, choices, at + 1, size - at);
        System.arraycopy(oriented, 0, values, at * d, d);
        metrics[at] = pointMetrics;
        choices[at] = pointChoices;
        size++;
    }

    /** Recomputes the smallest values of every block from the one holding row {@code from} on. */
    private void refreshBlocks(int from) {
        int blocks = (size + BLOCK - 1) >> BLOCK_SHIFT;
        if (blockMin.length < blocks * d) {
            blockMin = Arrays.copyOf(blockMin, (metrics.length >> BLOCK_SHIFT) * d);
        }
        for (int b = from >> BLOCK_SHIFT; b < blocks; b++) {
            int last = Math.min((b + 1) << BLOCK_SHIFT, size);
            for (int k = 0; k < d; k++) {
                double smallest = Double.POSITIVE_INFINITY;
                for (int i = b << BLOCK_SHIFT; i < last; i++) {
                    smallest = Math.min(smallest, values[i * d + k]);
                }
                blockMin[b * d + k] = smallest;
            }
        }
    }

    /** The first row whose first value is above {@code x} ({@link #size} if none). */
    private int firstRowAbove(double x) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid * d] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first row whose first value is not below {@code x} ({@link #size} if none). */
    private int firstRowNotBelow(double x) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid * d] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
