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
    private final int dims;
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
    private final int[] scratchA;
    private final int[] scratchB;
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
    /** Per entry, per dimension: its deficit (see {@link #filter}), 0 on every dimension without slack. */
    double[] def = new double[0];
    int[] choice = new int[0];
    int[] parent = new int[0];
    private int[] order = new int[0];
    private int[] sortTmp = new int[0];
    private int[] kept = new int[0];
    /** One entry, parked while {@link #compact} closes a cycle of moves. */
    private final double[] swapVec;
    private final double[] swapDef;
    private int[] swapParent = new int[0];
    private int[] runs = new int[1];
    /** The entries whose designs {@link #scratchA} and {@link #scratchB} hold, -1 for none. */
    private int tracedA = -1;
    private int tracedB = -1;
    /** The running filter's cap on a deficit, relative to the value it is short of (0: exact). */
    private double cap;

    Candidates(Dimensions dimensions, int knobCount) {
        this.dimensions = dimensions;
        this.dims = dimensions.count();
        this.slack = dimensions.slack();
        this.planar = dimensions.planar();
        this.scratchA = new int[knobCount];
        this.swapVec = new double[dims];
        this.swapDef = new double[dims];
        this.sureMax = new double[dims];
        this.sureMin = new double[dims];
        Arrays.fill(sureMax, Double.NEGATIVE_INFINITY);
        Arrays.fill(sureMin, Double.POSITIVE_INFINITY);
        this.scratchB = new int[knobCount];
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
        def = new double[0];
        choice = new int[0];
        parent = new int[0];
        order = new int[0];
        sortTmp = new int[0];
        kept = new int[0];
        runs = new int[1];
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
        return (vec.length + def.length) * 8L + (choice.length
                + parent.length + order.length + sortTmp.length + kept.length + runs.length) * 4L
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
            def = new double[n * dims];
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
        tracedA = -1;
        tracedB = -1;
        sort();
        int settledEnd = settled > 0 && settledCap == cap && Arrays.equals(sureMax, settledSureMax)
                && Arrays.equals(sureMin, settledSureMin) ? settled : 0;
        int keptCount = planar ? sweepPlanar() : sweepGeneral(settledEnd);
        compact(keptCount);
        settled = keptCount;
        settledCap = cap;
        System.arraycopy(sureMax, 0, settledSureMax, 0, dims);
        System.arraycopy(sureMin, 0, settledSureMin, 0, dims);
        tracedA = -1;
        tracedB = -1;
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
            int c = order[r];
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
            ensureKept(keptCount + 1);
            kept[keptCount++] = c;
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
            int c = order[r];
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
                ensureKept(keptCount + 1);
                kept[keptCount++] = c;
            }
        }
        return keptCount;
    }

    private int sweepStaircase() {
        staircase.start();
        int keptCount = 0;
        for (int r = 0; r < size; r++) {
            int c = order[r];
            if (staircase.findPruner(this, c) < 0) {
                staircase.add(this, c);
                ensureKept(keptCount + 1);
                kept[keptCount++] = c;
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

    /** Entry k now stands for what entry c stood for: its deficits grow to cover c's. */
    private void absorb(int k, int c) {
        for (int d = 0; d < dims; d++) {
            if (slack[d]) {
                def[k * dims + d] = Math.max(def[k * dims + d], shortfall(k, c, d));
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

    private void ensureKept(int n) {
        if (kept.length < n) {
            kept = Arrays.copyOf(kept, Math.max(16, Math.max(n, kept.length * 2)));
        }
    }

    /**
     * Moves the kept entries, in their sorted order, to the front, in place: a second set of arrays to copy
     * into would double the buffer, the memory peak of a large elimination. Slot i (below keptCount) takes
     * entry kept[i]; the moves form chains, each started at a slot whose own entry is not kept and ended at
     * an entry from past keptCount, and cycles among kept entries, closed through one spare entry. Each kept
     * entry moves once.
     */
    private void compact(int keptCount) {
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
                move(s, j);
                need[j] = -1;
                if (s >= keptCount || need[s] < 0) {
                    break;
                }
                j = s;
            }
        }
        if (swapParent.length < parentCount) {
            swapParent = new int[parentCount];
        }
        for (int i = 0; i < keptCount; i++) {
            if (need[i] < 0 || need[i] == i) {
                continue;
            }
            // a cycle among kept entries: park slot i's entry, fill along the cycle, put it back at the end
            System.arraycopy(vec, i * dims, swapVec, 0, dims);
            System.arraycopy(def, i * dims, swapDef, 0, dims);
            int parkedChoice = choice[i];
            System.arraycopy(parent, i * parentCount, swapParent, 0, parentCount);
            int j = i;
            while (need[j] != i) {
                int s = need[j];
                move(s, j);
                need[j] = -1;
                j = s;
            }
            System.arraycopy(swapVec, 0, vec, j * dims, dims);
            System.arraycopy(swapDef, 0, def, j * dims, dims);
            choice[j] = parkedChoice;
            System.arraycopy(swapParent, 0, parent, j * parentCount, parentCount);
            need[j] = -1;
        }
        size = keptCount;
    }

    private void move(int from, int to) {
        System.arraycopy(vec, from * dims, vec, to * dims, dims);
        System.arraycopy(def, from * dims, def, to * dims, dims);
        choice[to] = choice[from];
        System.arraycopy(parent, from * parentCount, parent, to * parentCount, parentCount);
    }

    /**
     * Sorts entry numbers best first by the dimensions in order, then by design: a natural merge sort, since
     * a buffer is mostly a concatenation of sorted runs (a sorted front shifted by one vector, for each vector
     * of the factor added), which it merges in O(n log runs).
     */
    private void sort() {
        if (order.length < size) {
            order = new int[choice.length];
            sortTmp = new int[choice.length];
            runs = new int[choice.length + 1];
        }
        int runCount = 0;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            if (i == 0 || compare(i - 1, i) > 0) {
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
                    dst[o++] = compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
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

    /**
     * Compares the designs two entries stand for, knob by knob (the order of point indices): where they
     * first differ, found from the parents whose entries differ ({@link Factor#firstDifference}).
     */
    int compareDesigns(int a, int b) {
        int first = knob >= 0 && choice[a] != choice[b] ? 2 * knob + (choice[a] < choice[b] ? 0 : 1) : Factor.SAME;
        for (int p = 0; p < parentCount; p++) {
            int pa = parent[a * parentCount + p];
            int pb = parent[b * parentCount + p];
            if (pa != pb) {
                if (pa < 0 || pb < 0) {
                    return compareTraced(a, b);
                }
                first = Math.min(first, parents[p].firstDifference(pa, pb));
            }
        }
        return first == Factor.SAME ? 0 : (first & 1) == 0 ? -1 : 1;
    }

    /**
     * {@link #compareDesigns} by tracing both designs, for entries of which only one has a parent's entry set.
     * The last design traced into each scratch array is remembered (entries do not move within a filter
     * pass), since a pass compares one entry with several others in a row.
     */
    private int compareTraced(int a, int b) {
        if (a == tracedB && b == tracedA) {
            return -Arrays.compare(scratchA, scratchB);
        }
        if (a != tracedA) {
            trace(a, scratchA);
            tracedA = a;
        }
        if (b != tracedB) {
            trace(b, scratchB);
            tracedB = b;
        }
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
