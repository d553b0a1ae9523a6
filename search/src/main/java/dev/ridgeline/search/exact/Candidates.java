package dev.ridgeline.search.exact;

import java.util.Arrays;

/**
 * A growable buffer of partial cost vectors being combined, each with the choice of the knob being
 * eliminated and its entry in each parent factor (-1 until that parent is added), and the filter that
 * keeps only the non-dominated ones. Reused across assignments: its arrays only grow.
 */
final class Candidates {
    private final int dims;
    private final Dimensions dimensions;
    /** Per dimension: 1 + the slack one filter pass may lose (1 where results must be exact). */
    private final double[] grow;
    private final boolean exact;
    private final boolean planar;
    /**
     * Per dimension: a kept vector whose value lies in [sureMin, sureMax] meets that budget whatever is added
     * later (set by the caller before each {@link #filter}); used only on budgeted dimensions that are not
     * objectives.
     */
    final double[] sureMax;
    final double[] sureMin;
    private final int[] scratchA;
    private final int[] scratchB;
    int parentCount;
    Factor[] parents;
    int knob;
    int size;
    double[] vec = new double[0];
    int[] choice = new int[0];
    int[] parent = new int[0];
    private double[] vec2 = new double[0];
    private int[] choice2 = new int[0];
    private int[] parent2 = new int[0];
    private int[] order = new int[0];
    private int[] sortTmp = new int[0];
    private int[] kept = new int[0];

    Candidates(Dimensions dimensions, double[] grow, int knobCount) {
        this.dimensions = dimensions;
        this.dims = dimensions.count();
        this.grow = grow;
        boolean anySlack = false;
        for (double g : grow) {
            anySlack |= g > 1;
        }
        this.exact = !anySlack;
        this.planar = dimensions.planar();
        this.scratchA = new int[knobCount];
        this.sureMax = new double[dims];
        this.sureMin = new double[dims];
        java.util.Arrays.fill(sureMax, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(sureMin, Double.POSITIVE_INFINITY);
        this.scratchB = new int[knobCount];
    }

    void reset(Factor[] parents, int knob) {
        this.parents = parents;
        this.parentCount = parents.length;
        this.knob = knob;
        this.size = 0;
    }

    void clear() {
        size = 0;
    }

    /** Bytes held by this buffer's arrays. */
    long bytes() {
        return (vec.length + vec2.length) * 8L + (choice.length + choice2.length + parent.length + parent2.length
                + order.length + sortTmp.length + kept.length) * 4L;
    }

    /** Appends an entry with unset parents and returns its slot. */
    int append(int x) {
        if (size == choice.length) {
            int cap = Math.max(16, size * 2);
            vec = Arrays.copyOf(vec, cap * dims);
            choice = Arrays.copyOf(choice, cap);
            parent = Arrays.copyOf(parent, cap * parentCount);
        } else if (parent.length < (size + 1) * parentCount) {
            parent = Arrays.copyOf(parent, choice.length * parentCount);
        }
        int s = size++;
        choice[s] = x;
        Arrays.fill(parent, s * parentCount, (s + 1) * parentCount, -1);
        return s;
    }

    /** Appends a copy of entry {@code i} of {@code other}. */
    int copyFrom(Candidates other, int i) {
        int s = append(other.choice[i]);
        System.arraycopy(other.vec, i * dims, vec, s * dims, dims);
        System.arraycopy(other.parent, i * parentCount, parent, s * parentCount, parentCount);
        return s;
    }

    /** Keeps only the entries no other entry dominates (ties: the smaller design), sorted best first. */
    void filter() {
        if (size <= 1) {
            return;
        }
        sort();
        int keptCount = planar ? sweepPlanar() : sweepGeneral();
        compact(keptCount);
    }

    private int sweepPlanar() {
        int s1 = dimensions.sense()[1];
        double g1 = grow[1];
        int keptCount = 0;
        double best = 0;
        for (int r = 0; r < size; r++) {
            int c = order[r];
            double v = vec[c * dims + 1];
            if (keptCount > 0 && (s1 == Dimensions.LOWER ? best <= v * g1 : best * g1 >= v)) {
                continue;
            }
            if (keptCount == 0 || (s1 == Dimensions.LOWER ? v < best : v > best)) {
                best = v;
            }
            ensureKept(keptCount + 1);
            kept[keptCount++] = c;
        }
        return keptCount;
    }

    private int sweepGeneral() {
        int keptCount = 0;
        int lastPruner = -1;
        for (int r = 0; r < size; r++) {
            int c = order[r];
            // the entry that pruned the previous candidate often prunes this one too
            boolean dominated = lastPruner >= 0 && prunes(kept[lastPruner], c);
            for (int q = keptCount - 1; q >= 0 && !dominated; q--) {
                if (prunes(kept[q], c)) {
                    dominated = true;
                    lastPruner = q;
                }
            }
            if (!dominated) {
                ensureKept(keptCount + 1);
                kept[keptCount++] = c;
            }
        }
        return keptCount;
    }

    /** Whether kept entry k makes c unnecessary: no worse anywhere (within slack) and better or first. */
    private boolean prunes(int k, int c) {
        int[] sense = dimensions.sense();
        boolean strict = false;
        boolean[] objective = dimensions.objective();
        for (int d = 0; d < dims; d++) {
            double a = vec[k * dims + d];
            double b = vec[c * dims + d];
            if (!objective[d] && a <= sureMax[d] && a >= sureMin[d]) {
                // a budget k meets whatever follows: c being better there cannot matter
                continue;
            }
            switch (sense[d]) {
                case Dimensions.LOWER -> {
                    if (a > b * grow[d]) {
                        return false;
                    }
                }
                case Dimensions.HIGHER -> {
                    if (a * grow[d] < b) {
                        return false;
                    }
                }
                default -> {
                    if (a != b) {
                        return false;
                    }
                }
            }
            strict |= a != b && objective[d] && !dimensions.maxCombined()[d];
        }
        return !exact || strict || compareDesigns(k, c) < 0;
    }

    private void ensureKept(int n) {
        if (kept.length < n) {
            kept = Arrays.copyOf(kept, Math.max(16, Math.max(n, kept.length * 2)));
        }
    }

    private void compact(int keptCount) {
        if (vec2.length < vec.length) {
            vec2 = new double[vec.length];
            choice2 = new int[choice.length];
        }
        if (parent2.length < parent.length) {
            parent2 = new int[parent.length];
        }
        for (int i = 0; i < keptCount; i++) {
            int c = kept[i];
            System.arraycopy(vec, c * dims, vec2, i * dims, dims);
            choice2[i] = choice[c];
            System.arraycopy(parent, c * parentCount, parent2, i * parentCount, parentCount);
        }
        double[] v = vec;
        vec = vec2;
        vec2 = v;
        int[] x = choice;
        choice = choice2;
        choice2 = x;
        int[] p = parent;
        parent = parent2;
        parent2 = p;
        size = keptCount;
    }

    /** Sorts entry numbers best first by the dimensions in order, then by design (bottom-up merge sort). */
    private void sort() {
        if (order.length < size) {
            order = new int[choice.length];
            sortTmp = new int[choice.length];
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] src = order;
        int[] dst = sortTmp;
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size; lo += 2 * width) {
                int mid = Math.min(lo + width, size);
                int hi = Math.min(lo + 2 * width, size);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    dst[o++] = compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[o++] = src[i++];
                }
                while (j < hi) {
                    dst[o++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        order = src;
        sortTmp = dst;
    }

    private int compare(int a, int b) {
        int[] sense = dimensions.sense();
        for (int d = 0; d < dims; d++) {
            double x = vec[a * dims + d];
            double y = vec[b * dims + d];
            if (x != y) {
                boolean less = x < y;
                return (sense[d] == Dimensions.HIGHER) != less ? -1 : 1;
            }
        }
        return compareDesigns(a, b);
    }

    /** Compares the designs two entries stand for, knob by knob (the order of point indices). */
    int compareDesigns(int a, int b) {
        trace(a, scratchA);
        trace(b, scratchB);
        return Arrays.compare(scratchA, scratchB);
    }

    private void trace(int e, int[] out) {
        Arrays.fill(out, -1);
        if (knob >= 0) {
            out[knob] = choice[e];
        }
        for (int p = 0; p < parentCount; p++) {
            int pe = parent[e * parentCount + p];
            if (pe >= 0) {
                parents[p].trace(pe, out);
            }
        }
    }
}
