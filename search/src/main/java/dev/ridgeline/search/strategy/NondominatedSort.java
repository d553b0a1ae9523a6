package dev.ridgeline.search.strategy;

/**
 * NSGA-II's ranking over flat arrays: rows sorted into fronts by constrained dominance (the smaller budget
 * excess wins, and between equal excesses Pareto dominance on the minimized objectives), each row's
 * crowding distance within its front (infinite at a front's ends and for fronts of one or two), and the
 * selection of the best rows by front, then crowding. Buffers are allocated once for a capacity of rows.
 */
final class NondominatedSort {
    private final int d;
    private final int[] dominatedBy;
    private final int[] dominates;
    private final int[] dominatesCount;
    private final int[] fronts;
    private final int[] frontStart;
    private final int[] order;
    private final int[] scratch;

    NondominatedSort(int capacity, int d) {
        this.d = d;
        dominatedBy = new int[capacity];
        dominates = new int[capacity * capacity];
        dominatesCount = new int[capacity];
        fronts = new int[capacity];
        frontStart = new int[capacity + 1];
        order = new int[capacity];
        scratch = new int[capacity];
    }

    /** Ranks rows [0, rows) into {@code rank} (0 best) and {@code crowding}; returns the number of fronts. */
    int rank(double[] objective, double[] violation, int ignored, int rows, int[] rank, double[] crowding) {
        for (int i = 0; i < rows; i++) {
            dominatedBy[i] = 0;
            dominatesCount[i] = 0;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = i + 1; j < rows; j++) {
                int c = compare(objective, violation, i, j);
                if (c < 0) {
                    dominates[i * rows + dominatesCount[i]++] = j;
                    dominatedBy[j]++;
                } else if (c > 0) {
                    dominates[j * rows + dominatesCount[j]++] = i;
                    dominatedBy[i]++;
                }
            }
        }
        int count = 0;
        for (int i = 0; i < rows; i++) {
            if (dominatedBy[i] == 0) {
                fronts[count++] = i;
            }
        }
        int front = 0;
        frontStart[0] = 0;
        int begin = 0;
        while (begin < count) {
            int end = count;
            for (int p = begin; p < end; p++) {
                int i = fronts[p];
                rank[i] = front;
                for (int q = 0; q < dominatesCount[i]; q++) {
                    int j = dominates[i * rows + q];
                    if (--dominatedBy[j] == 0) {
                        fronts[count++] = j;
                    }
                }
            }
            crowd(objective, begin, end, crowding);
            front++;
            frontStart[front] = end;
            begin = end;
        }
        return front;
    }

    /**
     * Ranks rows [0, rows) and returns a permutation of them whose first {@code keep} are the best: whole
     * fronts in order, the last one cut by crowding distance (larger first, then lower row).
     */
    int[] select(double[] objective, double[] violation, int rows, int keep, int[] rank, double[] crowding) {
        int frontCount = rank(objective, violation, 0, rows, rank, crowding);
        int taken = 0;
        for (int f = 0; f < frontCount; f++) {
            int begin = frontStart[f];
            int end = frontStart[f + 1];
            if (taken + end - begin <= keep || taken >= keep) {
                for (int p = begin; p < end; p++) {
                    order[taken++] = fronts[p];
                }
            } else {
                int size = end - begin;
                System.arraycopy(fronts, begin, scratch, 0, size);
                sortByCrowdingDescending(scratch, size, crowding);
                System.arraycopy(scratch, 0, order, taken, size);
                taken += size;
            }
        }
        return order;
    }

    private int compare(double[] objective, double[] violation, int i, int j) {
        double vi = violation[i];
        double vj = violation[j];
        if (vi != vj) {
            return vi < vj ? -1 : 1;
        }
        boolean iBetter = false;
        boolean jBetter = false;
        for (int m = 0; m < d; m++) {
            double a = objective[i * d + m];
            double b = objective[j * d + m];
            if (a < b) {
                iBetter = true;
            } else if (b < a) {
                jBetter = true;
            }
        }
        return iBetter == jBetter ? 0 : iBetter ? -1 : 1;
    }

    /** Crowding distance of the rows fronts[begin .. end). */
    private void crowd(double[] objective, int begin, int end, double[] crowding) {
        int size = end - begin;
        for (int p = begin; p < end; p++) {
            crowding[fronts[p]] = size <= 2 ? Double.POSITIVE_INFINITY : 0;
        }
        if (size <= 2) {
            return;
        }
        System.arraycopy(fronts, begin, scratch, 0, size);
        for (int m = 0; m < d; m++) {
            sortByObjective(scratch, size, objective, m);
            double min = objective[scratch[0] * d + m];
            double max = objective[scratch[size - 1] * d + m];
            crowding[scratch[0]] = Double.POSITIVE_INFINITY;
            crowding[scratch[size - 1]] = Double.POSITIVE_INFINITY;
            if (max > min) {
                for (int p = 1; p < size - 1; p++) {
                    crowding[scratch[p]] += (objective[scratch[p + 1] * d + m] - objective[scratch[p - 1] * d + m])
                            / (max - min);
                }
            }
        }
    }

    /** Insertion sort by one objective, ties by row (fronts are small). */
    private void sortByObjective(int[] rows, int size, double[] objective, int m) {
        for (int i = 1; i < size; i++) {
            int r = rows[i];
            double key = objective[r * d + m];
            int j = i - 1;
            while (j >= 0 && (objective[rows[j] * d + m] > key
                    || (objective[rows[j] * d + m] == key && rows[j] > r))) {
                rows[j + 1] = rows[j];
                j--;
            }
            rows[j + 1] = r;
        }
    }

    private static void sortByCrowdingDescending(int[] rows, int size, double[] crowding) {
        for (int i = 1; i < size; i++) {
            int r = rows[i];
            double key = crowding[r];
            int j = i - 1;
            while (j >= 0 && (crowding[rows[j]] < key || (crowding[rows[j]] == key && rows[j] > r))) {
                rows[j + 1] = rows[j];
                j--;
            }
            rows[j + 1] = r;
        }
    }
}
