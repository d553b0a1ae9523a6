package dev.ridgeline.search.exact;

import java.util.Arrays;

/**
 * A growable buffer of partial cost vectors being combined, each with the choice of the knob being
 * eliminated, its entry in each parent factor (-1 until that parent is added) and its error: the factor
 * within which it is known to stand for every vector it replaced (1 when it replaced none or only ones it
 * dominates). {@link #filter} keeps only the entries no other one prunes. Reused across assignments: its
 * arrays only grow, and filtering allocates nothing once they have.
 */
final class Candidates {
    final int dims;
    private final Dimensions dimensions;
    /** Per dimension: whether a pruning pass may trade a little of it (objectives without a budget). */
    private final boolean[] slack;
    private final boolean planar;
    /**
     * Per dimension: a kept vector whose value lies in [sureMin, sureMax] meets that budget whatever is added
     * later (set by the caller before each {@link #filter}); used only on budgeted dimensions that are not
     * objectives.
     */
    final double[] sureMax;
    final double[] sureMin;
    private final KeptEntries index;
    /**
     * The entries a pass adds that were not settled by the last one, for the settled entries' queries: two
     * settled entries never prune each other (see {@link #settled}), so they need only ask the new ones.
     */
    private final KeptEntries fresh;
    /**
     * How many leading entries are the survivors of the last filter pass (0 when they may have been
     * reordered or replaced since), with the cap and sure bounds it ran with. In a later pass with the same
     * cap and bounds none of them prunes another: their values are unchanged and a deficit only grows, which
     * makes an entry harder to prune, never easier.
     */
    private int settled;
    private double settledCap;
    private final double[] settledSureMax;
    private final double[] settledSureMin;
    /** Used instead of {@link #index} when the keys are two: a pruner is then found in O(log n). */
    private final Staircase staircase;
    int parentCount;
    Factor[] parents;
    int knob;
    int size;
    double[] vec = new double[0];
    /**
     * Per entry, per dimension: its deficit (see {@link #filter}), 0 on every dimension without slack; held as a
     * float rounded up ({@link #roundUp}), which keeps it a bound and halves its memory.
     */
    float[] def = new float[0];
    int[] choice = new int[0];
    int[] parent = new int[0];
    /** The order a pass visits the entries in and the entries it keeps, and their compaction. */
    private final EntryOrder order;
    private final DesignOrder designs;
    /** The running filter's cap on a deficit, relative to the value it is short of (0: exact). */
    private double cap;

    Candidates(Dimensions dimensions, int knobCount) {
        this.dimensions = dimensions;
        this.dims = dimensions.count();
        this.slack = dimensions.slack();
        this.planar = dimensions.planar();
        this.designs = new DesignOrder(knobCount);
        this.order = new EntryOrder(dims);
        this.sureMax = new double[dims];
        this.sureMin = new double[dims];
        Arrays.fill(sureMax, Double.NEGATIVE_INFINITY);
        Arrays.fill(sureMin, Double.POSITIVE_INFINITY);
        DominanceIndex keys = planar ? null : new DominanceIndex(dimensions);
        this.staircase = keys == null ? null : keys.staircase();
        this.index = keys == null ? null : keys.forKeys();
        this.fresh = keys == null ? null : new DominanceIndex(dimensions).forKeys();
        this.settledSureMax = new double[dims];
        this.settledSureMin = new double[dims];
    }

    void reset(Factor[] parents, int knob) {
        this.parents = parents;
        this.parentCount = parents.length;
        this.knob = knob;
        this.size = 0;
        this.settled = 0;
    }

    /**
     * Drops the arrays when they hold more than {@code bytes}: they only grow, so after one large elimination
     * they would otherwise hold its peak through every later one.
     */
    void shrink(long bytes) {
        if (bytes() <= bytes) {
            return;
        }
        size = 0;
        settled = 0;
        vec = new double[0];
        def = new float[0];
        choice = new int[0];
        parent = new int[0];
        order.shrink();
        if (index != null) {
            index.shrink();
            fresh.shrink();
        }
        if (staircase != null) {
            staircase.shrink();
        }
    }

    /** Whether a filter pass asks the entries the last one kept only against the new ones (see {@link #settled}). */
    boolean settles() {
        return index != null && staircase == null;
    }

    void clear() {
        size = 0;
        settled = 0;
    }

    /** Bytes held by this buffer's arrays. */
    long bytes() {
        return vec.length * 8L + (def.length + choice.length + parent.length) * 4L + order.bytes()
                + (staircase != null ? staircase.bytes() : index == null ? 0 : index.bytes() + fresh.bytes());
    }

    /** Appends an entry with unset parents and no deficit and returns its slot. */
    int append(int x) {
        if (size == choice.length) {
            // by half, not double: the buffers of a large elimination are its memory peak
            int cap = Math.max(16, size + size / 2);
            vec = Arrays.copyOf(vec, cap * dims);
            def = Arrays.copyOf(def, cap * dims);
            choice = Arrays.copyOf(choice, cap);
            parent = Arrays.copyOf(parent, cap * parentCount);
        } else if (parent.length < (size + 1) * parentCount) {
            parent = Arrays.copyOf(parent, choice.length * parentCount);
        }
        int s = size++;
        choice[s] = x;
        Arrays.fill(def, s * dims, (s + 1) * dims, 0);
        Arrays.fill(parent, s * parentCount, (s + 1) * parentCount, -1);
        return s;
    }

    /**
     * Makes this buffer a copy of {@code other}'s entries, growing its arrays only to their size (exchanging
     * arrays instead would leave both buffers with the capacity of the larger).
     */
    void copyAll(Candidates other) {
        int n = other.size;
        if (choice.length < n || parent.length < n * parentCount) {
            vec = new double[n * dims];
            def = new float[n * dims];
            choice = new int[n];
            parent = new int[n * parentCount];
        }
        System.arraycopy(other.vec, 0, vec, 0, n * dims);
        System.arraycopy(other.def, 0, def, 0, n * dims);
        System.arraycopy(other.choice, 0, choice, 0, n);
        System.arraycopy(other.parent, 0, parent, 0, n * parentCount);
        size = n;
        settled = 0;
    }

    /** Appends a copy of entry {@code i} of {@code other}. */
    int copyFrom(Candidates other, int i) {
        int s = append(other.choice[i]);
        System.arraycopy(other.vec, i * dims, vec, s * dims, dims);
        System.arraycopy(other.parent, i * parentCount, parent, s * parentCount, parentCount);
        System.arraycopy(other.def, i * dims, def, s * dims, dims);
        return s;
    }

    /**
     * Keeps only the entries no other entry prunes, sorted best first. An entry prunes another when it is
     * no worse anywhere and better somewhere (or equal and the smaller design), or, where slack is allowed,
     * when it is worse there by so little that what it falls short of every vector the other stands for
     * (the other's deficit plus the difference) stays within {@code cap} times its own value; its deficit
     * grows to cover it. Deficits add up when vectors are summed, so a sum of vectors each within
     * {@code cap} of its own value is within {@code cap} of the sum: the slack does not compound over the
     * combinations, and the new terms each elimination adds free slack for the next.
     */
    void filter(double cap) {
        if (size <= 1) {
            return;
        }
        this.cap = cap;
        designs.forget();
        order.sort(this);
        int settledEnd = settled > 0 && settledCap == cap && Arrays.equals(sureMax, settledSureMax)
                && Arrays.equals(sureMin, settledSureMin) ? settled : 0;
        int keptCount = planar ? sweepPlanar() : sweepGeneral(settledEnd);
        order.compact(this, keptCount);
        settled = keptCount;
        settledCap = cap;
        System.arraycopy(sureMax, 0, settledSureMax, 0, dims);
        System.arraycopy(sureMin, 0, settledSureMin, 0, dims);
        designs.forget();
    }

    /** Sets the cap a pass runs with, for a sweep driven from outside {@link #filter} (the structures' tests). */
    void useCap(double cap) {
        this.cap = cap;
    }

    private int sweepPlanar() {
        boolean lower = dimensions.sense()[1] == Dimensions.LOWER;
        boolean slack1 = slack[1] && cap > 0;
        int keptCount = 0;
        double best = 0;
        int bestEntry = -1;
        for (int r = 0; r < size; r++) {
            int c = order.at(r);
            double v = vec[c * dims + 1];
            if (keptCount > 0) {
                // the kept entry with the best second value is no worse in the first (sorted) and best in the second
                if (lower ? best <= v : best >= v) {
                    absorb(bestEntry, c);
                    continue;
                }
                if (slack1 && withinCap(bestEntry, c)) {
                    absorb(bestEntry, c);
                    continue;
                }
            }
            if (keptCount == 0 || (lower ? v < best : v > best)) {
                best = v;
                bestEntry = c;
            }
            keptCount = order.keep(keptCount, c);
        }
        return keptCount;
    }

    /** @param settledEnd entries below it are settled (see {@link #settled}): they ask only {@link #fresh} */
    private int sweepGeneral(int settledEnd) {
        if (staircase != null) {
            return sweepStaircase();
        }
        index.start(this, 0, size);
        fresh.start(this, settledEnd > 0 ? settledEnd : size, size);
        int keptCount = 0;
        int lastPruner = -1;
        for (int r = 0; r < size; r++) {
            int c = order.at(r);
            // the entry that pruned the previous candidate often prunes this one too
            boolean pruned = lastPruner >= 0 && prunes(lastPruner, c);
            if (!pruned) {
                int k = c < settledEnd ? fresh.findPruner(this, c) : index.findPruner(this, c);
                if (k >= 0) {
                    pruned = true;
                    lastPruner = k;
                }
            }
            if (!pruned) {
                index.add(this, c);
                if (settledEnd > 0 && c >= settledEnd) {
                    fresh.add(this, c);
                }
                keptCount = order.keep(keptCount, c);
            }
        }
        return keptCount;
    }

    private int sweepStaircase() {
        staircase.start();
        int keptCount = 0;
        for (int r = 0; r < size; r++) {
            int c = order.at(r);
            if (staircase.findPruner(this, c) < 0) {
                staircase.add(this, c);
                keptCount = order.keep(keptCount, c);
            }
        }
        return keptCount;
    }

    /** Whether entry k surely meets the budget of dimension d (only for budgeted dimensions that are not objectives). */
    boolean sure(int k, int d) {
        double a = vec[k * dims + d];
        return !dimensions.objective()[d] && a <= sureMax[d] && a >= sureMin[d];
    }

    double value(int c, int d) {
        return vec[c * dims + d];
    }

    boolean slack(int d) {
        return slack[d] && cap > 0;
    }

    /**
     * The worst value on dimension d an entry may have and still prune entry c (the box of
     * {@link DominanceIndex#findPruner}): c's own value, or where slack is allowed, the value whose cap just
     * covers c's deficit plus the difference.
     */
    double bound(int c, int d) {
        double v = vec[c * dims + d];
        if (!slack(d)) {
            return v;
        }
        double deficit = def[c * dims + d];
        return dimensions.sense()[d] == Dimensions.HIGHER ? Math.min(v, (v + deficit) / (1 + cap))
                : Math.max(v, (v - deficit) / (1 - cap));
    }

    /** What entry k falls short of the vectors entry c stands for on dimension d (positive: worse). */
    private double shortfall(int k, int c, int d) {
        double a = vec[k * dims + d];
        double b = vec[c * dims + d];
        return def[c * dims + d] + (dimensions.sense()[d] == Dimensions.HIGHER ? b - a : a - b);
    }

    /** Whether entry k, standing in for entry c, keeps every slack dimension's deficit within the cap. */
    private boolean withinCap(int k, int c) {
        for (int d = 0; d < dims; d++) {
            if (slack(d) && shortfall(k, c, d) > cap * Math.abs(vec[k * dims + d])) {
                return false;
            }
        }
        return true;
    }

    /** The least float at least x: a deficit stored as a float still bounds what it stands for. */
    static float roundUp(double x) {
        float f = (float) x;
        return f < x ? Math.nextUp(f) : f;
    }

    /** Entry k now stands for what entry c stood for: its deficits grow to cover c's. */
    private void absorb(int k, int c) {
        for (int d = 0; d < dims; d++) {
            if (slack[d]) {
                def[k * dims + d] = Math.max(def[k * dims + d], roundUp(shortfall(k, c, d)));
            }
        }
    }

    /**
     * Whether kept entry k prunes c (see {@link #filter}); when it does, k's error grows to cover c. Callers
     * may pass any kept k: the test is complete on its own.
     */
    boolean prunes(int k, int c) {
        int[] sense = dimensions.sense();
        boolean strict = false;
        boolean[] objective = dimensions.objective();
        boolean worse = false;
        for (int d = 0; d < dims; d++) {
            double a = vec[k * dims + d];
            double b = vec[c * dims + d];
            if (!objective[d] && a <= sureMax[d] && a >= sureMin[d]) {
                // a budget k meets whatever follows: c being better there cannot matter
                continue;
            }
            switch (sense[d]) {
                case Dimensions.LOWER -> {
                    if (a > b) {
                        if (!slack(d)) {
                            return false;
                        }
                        worse = true;
                    }
                }
                case Dimensions.HIGHER -> {
                    if (a < b) {
                        if (!slack(d)) {
                            return false;
                        }
                        worse = true;
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
        if (worse && !withinCap(k, c)) {
            return false;
        }
        if (!worse && !strict && compareDesigns(k, c) >= 0) {
            return false;
        }
        absorb(k, c);
        return true;
    }

    /** Compares two entries dimension by dimension, better first, then by design (the order a pass visits them in). */
    int compare(int a, int b) {
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
        return designs.compare(this, a, b);
    }
}
