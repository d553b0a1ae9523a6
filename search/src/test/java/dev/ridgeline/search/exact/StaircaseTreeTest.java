package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.job.Budget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link StaircaseTree} against asking every kept entry: a filter sweep over random entries (small value
 * grids, so that ties and pruning are common; deficits and a cap, so that slack is used), in the order a
 * filter pass visits them.
 */
class StaircaseTreeTest {
    private static final Objective LATENCY = new Objective(Metric.LATENCY_SECONDS, Goal.MIN);
    private static final Objective MACS = new Objective(Metric.MACS, Goal.MAX);
    private static final Objective PARAMS = new Objective(Metric.PARAMS, Goal.MAX);

    /** Four summed objectives: the tree must find a pruner whenever one was kept. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void summedObjectivesFindEveryPruner(long seed) {
        Dimensions dims = Dimensions.of(List.of(LATENCY, MACS, PARAMS, new Objective(Metric.WEIGHT_BYTES, Goal.MIN)),
                List.of());
        int misses = sweep(dims, seed, false);
        assertEquals(0, misses, "kept entries that prune were not found");
    }

    /**
     * Peak memory (combined by maximum) and a budgeted latency, as in the four-objective bench job: a kept
     * entry may fail to be found only when one no worse on every key ties the entry on every summed
     * objective (then the design decides, see {@link StaircaseTree}).
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
    void peakAndBudgetMissOnlyTies(long seed) {
        Dimensions dims = Dimensions.of(List.of(LATENCY, MACS, PARAMS,
                new Objective(Metric.PEAK_ACTIVATION_BYTES, Goal.MIN)), List.of(new Budget(Metric.LATENCY_SECONDS,
                6, Double.NaN)));
        sweep(dims, seed, true);
    }

    /** A budget on a metric that is no objective: values that surely meet it are minus infinity as keys. */
    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44, 45, 46, 47, 48})
    void sureBudgetValuesMissOnlyTies(long seed) {
        Dimensions dims = Dimensions.of(List.of(LATENCY, MACS, PARAMS), List.of(new Budget(Metric.WEIGHT_BYTES,
                7, Double.NaN)));
        sweep(dims, seed, true);
    }

    /** Sweeps random entries as a filter pass does; returns how many entries the tree found no pruner for that has one. */
    private static int sweep(Dimensions dims, long seed, boolean tiesMayHide) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = dims.count();
        int n = 200 + random.nextInt(3000);
        double cap = random.nextInt(3) == 0 ? 0 : 0.02 + 0.1 * random.nextDouble();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[2 * d + 1];
            for (int j = 0; j < d; j++) {
                row[j] = 1 + random.nextInt(8) + (random.nextInt(4) == 0 ? random.nextDouble() : 0);
                // a deficit is at most the cap times the value, as in a solve (see Candidates#absorb)
                row[d + j] = dims.slack()[j] && random.nextBoolean() ? cap * row[j] * random.nextDouble() : 0;
            }
            row[2 * d] = i; // the design: its one knob's choice
            rows.add(row);
        }
        rows.sort(order(dims));
        Candidates c = new Candidates(dims, 1);
        c.reset(new Factor[0], 0);
        for (double[] row : rows) {
            int e = c.append((int) row[2 * d]);
            System.arraycopy(row, 0, c.vec, e * d, d);
            for (int j = 0; j < d; j++) {
                c.def[e * d + j] = Candidates.roundUp(row[d + j]);
            }
        }
        Arrays.fill(c.sureMax, Double.POSITIVE_INFINITY);
        Arrays.fill(c.sureMin, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < d; j++) {
            if (!dims.objective()[j]) {
                c.sureMax[j] = 3.5;
            }
        }
        c.useCap(cap);
        StaircaseTree tree = (StaircaseTree) new DominanceIndex(dims).forKeys();
        tree.start(c, 0, n);
        List<Integer> kept = new ArrayList<>();
        int misses = 0;
        int pruned = 0;
        for (int e = 0; e < n; e++) {
            int found = tree.findPruner(c, e);
            if (found >= 0) {
                assertTrue(kept.contains(found), "the pruner is a kept entry");
                pruned++;
                continue;
            }
            int brute = -1;
            boolean tie = false;
            for (int k : kept) {
                tie |= ties(c, dims, k, e);
                if (brute < 0 && c.prunes(k, e)) {
                    brute = k;
                }
            }
            if (brute >= 0) {
                misses++;
                assertTrue(tiesMayHide && tie, "entry " + e + " is pruned by kept entry " + brute
                        + " but the tree found none (seed " + seed + ")");
                continue;
            }
            tree.add(c, e);
            kept.add(e);
        }
        assertTrue(pruned > 0 && kept.size() > 1, "the sweep both prunes and keeps: " + pruned + " pruned, "
                + kept.size() + " kept");
        return misses;
    }

    /** Whether k and e are equal on every objective summed over the layers. */
    private static boolean ties(Candidates c, Dimensions dims, int k, int e) {
        for (int j = 0; j < dims.count(); j++) {
            if (dims.objective()[j] && !dims.maxCombined()[j] && c.value(k, j) != c.value(e, j)) {
                return false;
            }
        }
        return true;
    }

    /** A filter pass's order: dimension by dimension, better first, then by design. */
    private static Comparator<double[]> order(Dimensions dims) {
        int d = dims.count();
        return (x, y) -> {
            for (int j = 0; j < d; j++) {
                if (x[j] != y[j]) {
                    boolean less = x[j] < y[j];
                    return (dims.sense()[j] == Dimensions.HIGHER) != less ? -1 : 1;
                }
            }
            return Double.compare(x[2 * d], y[2 * d]);
        };
    }
}
