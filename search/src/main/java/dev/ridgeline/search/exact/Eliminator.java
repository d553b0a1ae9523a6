package dev.ridgeline.search.exact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Multi-objective bucket elimination over one subproblem's factors: eliminating a knob combines every
 * factor that mentions it into one over their other knobs, keeping for each assignment of those only the
 * non-dominated sums over the knob's choices. Budgets prune a partial vector as soon as it, plus the least
 * the rest of the network can add, breaks one (every term is non-negative).
 */
final class Eliminator {
    private final Dimensions dimensions;
    private final int dims;
    private final int[] radix;
    private final double[] totalMin;
    private final double[] totalMax;
    private final Candidates current;
    private final Candidates next;
    private final Candidates union;
    private final SolverState state;
    private final int[] values;
    private final double[] sum;

    /**
     * @param leaves every leaf factor, for the bounds on what the factors not yet combined can add
     */
    Eliminator(Dimensions dimensions, double[] grow, int[] radix, List<Factor> leaves, SolverState state) {
        this.dimensions = dimensions;
        this.dims = dimensions.count();
        this.radix = radix;
        this.state = state;
        this.values = new int[radix.length];
        this.sum = new double[dimensions.count()];
        this.totalMin = new double[dims];
        this.totalMax = new double[dims];
        for (Factor f : leaves) {
            for (int d = 0; d < dims; d++) {
                if (dimensions.maxCombined()[d]) {
                    totalMin[d] = Math.max(totalMin[d], f.coveredMin[d]);
                    totalMax[d] = Math.max(totalMax[d], f.coveredMax[d]);
                } else {
                    totalMin[d] += f.coveredMin[d];
                    totalMax[d] += f.coveredMax[d];
                }
            }
        }
        this.current = new Candidates(dimensions, grow, radix.length);
        this.next = new Candidates(dimensions, grow, radix.length);
        this.union = new Candidates(dimensions, grow, radix.length);
    }

    /** The knobs in the order to eliminate them: greedily the one whose new factor is smallest. */
    static List<Integer> order(List<int[]> scopes, int[] radix) {
        List<TreeSet<Integer>> pool = new ArrayList<>();
        TreeSet<Integer> knobs = new TreeSet<>();
        for (int[] s : scopes) {
            TreeSet<Integer> set = new TreeSet<>();
            for (int k : s) {
                set.add(k);
                knobs.add(k);
            }
            pool.add(set);
        }
        List<Integer> order = new ArrayList<>();
        while (!knobs.isEmpty()) {
            int best = -1;
            double bestSize = Double.POSITIVE_INFINITY;
            for (int k : knobs) {
                double size = 1;
                TreeSet<Integer> merged = merged(pool, k);
                for (int m : merged) {
                    size *= radix[m];
                }
                if (size < bestSize) {
                    bestSize = size;
                    best = k;
                }
            }
            TreeSet<Integer> merged = merged(pool, best);
            final int eliminated = best;
            pool.removeIf(s -> s.contains(eliminated));
            pool.add(merged);
            knobs.remove(best);
            order.add(best);
        }
        return order;
    }

    private static TreeSet<Integer> merged(List<TreeSet<Integer>> pool, int k) {
        TreeSet<Integer> merged = new TreeSet<>();
        for (TreeSet<Integer> s : pool) {
            if (s.contains(k)) {
                merged.addAll(s);
            }
        }
        merged.remove(k);
        return merged;
    }

    /**
     * Combines {@code involved} and eliminates {@code knob} from them (-1: combine factors without
     * eliminating anything, for the final sum of factors over no knobs).
     */
    Factor eliminate(int knob, List<Factor> involved) {
        Factor[] parents = involved.toArray(Factor[]::new);
        // cheap factors (fewest vectors per assignment) first: the running sets stay small longer
        Arrays.sort(parents, Comparator.comparingDouble(f -> (double) f.entries() / f.assignments));
        TreeSet<Integer> scopeSet = new TreeSet<>();
        for (Factor f : parents) {
            for (int k : f.scope) {
                if (k != knob) {
                    scopeSet.add(k);
                }
            }
        }
        int[] scope = scopeSet.stream().mapToInt(Integer::intValue).toArray();
        int[] strides = Factor.strides(scope, radix);
        int assignments = Factor.assignments(scope, radix);
        int m = parents.length;
        int choices = knob < 0 ? 1 : radix[knob];
        double[][] covered = new double[m][];
        double[] coveredMin = new double[dims];
        double[] coveredMax = new double[dims];
        for (int i = 0; i < m; i++) {
            for (int d = 0; d < dims; d++) {
                coveredMin[d] = combine(d, coveredMin[d], parents[i].coveredMin[d]);
                coveredMax[d] = combine(d, coveredMax[d], parents[i].coveredMax[d]);
            }
            covered[i] = coveredMin.clone();
        }
        double[] coveredMaxPrefix = new double[dims];
        double[][] coveredUp = new double[m][];
        for (int i = 0; i < m; i++) {
            for (int d = 0; d < dims; d++) {
                coveredMaxPrefix[d] = combine(d, coveredMaxPrefix[d], parents[i].coveredMax[d]);
            }
            coveredUp[i] = coveredMaxPrefix.clone();
        }
        int[] start = new int[assignments + 1];
        GrowingStore store = new GrowingStore(dims, m);
        union.reset(parents, knob);
        current.reset(parents, knob);
        next.reset(parents, knob);
        int[] parentAssignment = new int[m];
        for (int a = 0; a < assignments; a++) {
            for (int i = 0; i < scope.length; i++) {
                values[scope[i]] = (a / strides[i]) % radix[scope[i]];
            }
            union.clear();
            for (int x = 0; x < choices; x++) {
                if (knob >= 0) {
                    values[knob] = x;
                }
                boolean empty = false;
                for (int i = 0; i < m && !empty; i++) {
                    parentAssignment[i] = parents[i].assignmentOf(values);
                    Factor f = parents[i];
                    empty = f.start[parentAssignment[i] + 1] == f.start[parentAssignment[i]];
                }
                if (empty) {
                    continue;
                }
                sumInto(parents, parentAssignment, x, covered, coveredUp);
                for (int c = 0; c < current.size; c++) {
                    union.copyFrom(current, c);
                }
            }
            if (choices > 1) {
                setSure(union, covered[m - 1], coveredUp[m - 1]);
                union.filter();
            }
            state.checkMemory(union.bytes() + current.bytes() + next.bytes() + store.bytes());
            store.add(union);
            start[a + 1] = store.size;
            state.noteFront(union.size);
        }
        Factor f = new Factor(scope, radix, start, store.vectors(), knob, store.choices(), parents, store.parents(),
                coveredMin, coveredMax);
        state.stored(f.bytes(dims));
        return f;
    }

    /** Filter passes a vector goes through when {@code m} factors are combined: at most one per factor, plus the union. */
    static int passes(int m) {
        return m + 1;
    }

    /** The non-dominated sums of one vector from each parent at its assignment, into {@link #current}. */
    private void sumInto(Factor[] parents, int[] at, int x, double[][] covered, double[][] coveredUp) {
        current.clear();
        Factor first = parents[0];
        for (int e = first.start[at[0]]; e < first.start[at[0] + 1]; e++) {
            if (feasible(first.vectors, e * dims, covered[0], coveredUp[0])) {
                int s = current.append(x);
                System.arraycopy(first.vectors, e * dims, current.vec, s * dims, dims);
                current.parent[s * parents.length] = e;
            }
        }
        for (int i = 1; i < parents.length && current.size > 0; i++) {
            Factor f = parents[i];
            int from = f.start[at[i]];
            int to = f.start[at[i] + 1];
            next.clear();
            double[] sum = this.sum;
            for (int c = 0; c < current.size; c++) {
                for (int e = from; e < to; e++) {
                    for (int d = 0; d < dims; d++) {
                        sum[d] = combine(d, current.vec[c * dims + d], f.vectors[e * dims + d]);
                    }
                    if (!feasible(sum, 0, covered[i], coveredUp[i])) {
                        continue;
                    }
                    int s = next.copyFrom(current, c);
                    System.arraycopy(sum, 0, next.vec, s * dims, dims);
                    next.parent[s * parents.length + i] = e;
                }
                if (next.size > (1 << 16) && (next.size & 0xFFFF) == 0) {
                    state.checkMemory(next.bytes() + current.bytes() + union.bytes());
                }
            }
            if (to - from > 1) {
                setSure(next, covered[i], coveredUp[i]);
                next.filter();
            }
            swap();
        }
        if (parents.length == 1 && current.size > 1) {
            setSure(current, covered[0], coveredUp[0]);
            current.filter();
        }
    }

    private void swap() {
        // current <- next, by exchanging their arrays (the buffers are interchangeable)
        double[] v = current.vec;
        current.vec = next.vec;
        next.vec = v;
        int[] c = current.choice;
        current.choice = next.choice;
        next.choice = c;
        int[] p = current.parent;
        current.parent = next.parent;
        next.parent = p;
        int s = current.size;
        current.size = next.size;
        next.size = s;
    }

    /**
     * Tells the filter, for each budgeted metric that is not an objective, the partial values that meet the
     * budget whatever the uncovered factors add: a vector there may prune another that is better on that
     * metric, since the metric can no longer make it infeasible.
     */
    private void setSure(Candidates c, double[] coveredMin, double[] coveredMax) {
        double[] max = dimensions.max();
        double[] min = dimensions.min();
        for (int d = 0; d < dims; d++) {
            double sureMax = Double.POSITIVE_INFINITY;
            double sureMin = Double.NEGATIVE_INFINITY;
            if (!Double.isNaN(max[d])) {
                sureMax = dimensions.maxCombined()[d] ? (totalMax[d] <= max[d] ? max[d] : Double.NEGATIVE_INFINITY)
                        : max[d] - (totalMax[d] - coveredMax[d]);
            }
            if (!Double.isNaN(min[d])) {
                sureMin = dimensions.maxCombined()[d] ? min[d] : min[d] - (totalMin[d] - coveredMin[d]);
            }
            c.sureMax[d] = sureMax;
            c.sureMin[d] = sureMin;
        }
    }

    private double combine(int d, double a, double b) {
        return dimensions.maxCombined()[d] ? Math.max(a, b) : a + b;
    }

    /** Whether a partial vector can still meet every budget, whatever the factors it does not cover add. */
    private boolean feasible(double[] v, int o, double[] coveredMin, double[] coveredMax) {
        double[] max = dimensions.max();
        double[] min = dimensions.min();
        for (int d = 0; d < dims; d++) {
            if (!Double.isNaN(max[d])) {
                double least = dimensions.maxCombined()[d] ? Math.max(v[o + d], totalMin[d])
                        : v[o + d] + (totalMin[d] - coveredMin[d]);
                if (least > max[d]) {
                    return false;
                }
            }
            if (!Double.isNaN(min[d])) {
                double most = dimensions.maxCombined()[d] ? Math.max(v[o + d], totalMax[d])
                        : v[o + d] + (totalMax[d] - coveredMax[d]);
                if (most < min[d]) {
                    return false;
                }
            }
        }
        return true;
    }
}
