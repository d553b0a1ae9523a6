package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.job.Budget;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Candidates#filter} against asking every pair of entries, for each structure a pass may use (the planar
 * sweep, {@link Staircase}, {@link StaircaseTree}, {@link DominanceIndex} over one, two or more keys): random
 * entries in random order on small value grids, so that ties, equal vectors of different designs and budgets
 * that are surely met are common. Without slack the kept entries must be exactly those no other entry prunes
 * (the structures only save work, so one that misses a pruner keeps an entry too many, which the front of a
 * solve would drop later and hide); with slack, no kept entry may prune another, and every dropped one must be
 * covered within the cap by a kept entry whose deficit grew to cover it. Each case also runs as two passes, the
 * second over the first's survivors and new entries (the settled entries then ask only the new ones).
 */
class CandidatesFilterTest {
    private static Objective min(Metric m) {
        return new Objective(m, Goal.MIN);
    }

    private static Objective max(Metric m) {
        return new Objective(m, Goal.MAX);
    }

    private static Budget atMost(Metric m) {
        return new Budget(m, 0, Double.NaN);
    }

    private static Budget atLeast(Metric m) {
        return new Budget(m, Double.NaN, 0);
    }

    /** Objectives and budgets, named by the structure a pass over them uses. */
    record Shape(String name, List<Objective> objectives, List<Budget> budgets) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("planar", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS)), List.of()),
            new Shape("planar, both lower", List.of(min(Metric.LATENCY_SECONDS), min(Metric.PARAMS)), List.of()),
            new Shape("one key: peak", List.of(min(Metric.LATENCY_SECONDS), min(Metric.PEAK_ACTIVATION_BYTES)),
                    List.of()),
            new Shape("one key: budget", List.of(max(Metric.MACS)), List.of(atMost(Metric.WEIGHT_BYTES))),
            new Shape("one objective", List.of(min(Metric.PARAMS)), List.of()),
            new Shape("one dimension both ways", List.of(max(Metric.MACS)), List.of(atMost(Metric.MACS))),
            new Shape("staircase", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS), min(Metric.PARAMS)),
                    List.of()),
            new Shape("staircase, budget", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS)),
                    List.of(atMost(Metric.PARAMS))),
            new Shape("staircase, lower bound", List.of(min(Metric.LATENCY_SECONDS), min(Metric.WEIGHT_BYTES)),
                    List.of(atLeast(Metric.MACS))),
            new Shape("tree", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS), max(Metric.PARAMS),
                    min(Metric.WEIGHT_BYTES)), List.of()),
            new Shape("tree, peak", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS), min(Metric.PARAMS),
                    min(Metric.PEAK_ACTIVATION_BYTES)), List.of()),
            new Shape("tree, budget", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS), min(Metric.PARAMS)),
                    List.of(atMost(Metric.WEIGHT_BYTES))),
            new Shape("tree, equal", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS), max(Metric.PARAMS)),
                    List.of(atMost(Metric.PARAMS))),
            new Shape("k-d tree", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS), min(Metric.PARAMS),
                    min(Metric.WEIGHT_BYTES), max(Metric.FLOPS)), List.of()),
            new Shape("k-d tree, budgets", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS), min(Metric.PARAMS),
                    min(Metric.WEIGHT_BYTES)), List.of(atMost(Metric.FLOPS), atMost(Metric.PEAK_ACTIVATION_BYTES))));

    static Stream<Arguments> cases() {
        return SHAPES.stream().flatMap(s -> LongStream.rangeClosed(1, 6).mapToObj(seed -> Arguments.of(s, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void keepsExactlyTheEntriesNoEarlierKeptOnePrunes(Shape shape, long seed) {
        Dimensions dims = Dimensions.of(shape.objectives(), shape.budgets());
        SplittableRandom random = new SplittableRandom(seed * 7919 + shape.name().hashCode());
        List<double[]> rows = rows(dims, random, 0);
        Candidates c = buffer(dims);
        fill(c, rows, 0, rows.size());
        int misses = filterAndCheck(dims, c, 0);
        assertTrue(misses == 0 || tiesMayHide(dims), misses + " entries kept that a kept one prunes");
        assertTrue(c.size < rows.size(), "the pass prunes: " + c.size + " of " + rows.size());
    }

    /** The second pass over the first one's survivors and new entries: the survivors ask only the new ones. */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void aSecondPassOverSurvivorsAndNewEntriesKeepsTheSame(Shape shape, long seed) {
        Dimensions dims = Dimensions.of(shape.objectives(), shape.budgets());
        SplittableRandom random = new SplittableRandom(seed * 104729 + shape.name().hashCode());
        List<double[]> rows = rows(dims, random, 0);
        Candidates c = buffer(dims);
        int third = rows.size() / 3;
        fill(c, rows, 0, third);
        int misses = filterAndCheck(dims, c, 0);
        fill(c, rows, third, 2 * third);
        misses += filterAndCheck(dims, c, 0);
        fill(c, rows, 2 * third, rows.size());
        misses += filterAndCheck(dims, c, 0);
        assertTrue(misses == 0 || tiesMayHide(dims), misses + " entries kept that a kept one prunes");
        if (!tiesMayHide(dims)) {
            // then the kept entries are exactly those no other entry prunes, however the passes split them
            assertEquals(nonPruned(dims, c, rows), keptDesigns(c), shape + ", seed " + seed);
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void withSlackEveryDroppedEntryIsCoveredWithinTheCap(Shape shape, long seed) {
        Dimensions dims = Dimensions.of(shape.objectives(), shape.budgets());
        SplittableRandom random = new SplittableRandom(seed * 15485863 + shape.name().hashCode());
        double cap = 0.02 + 0.08 * random.nextDouble();
        List<double[]> rows = rows(dims, random, cap);
        Candidates c = buffer(dims);
        int half = rows.size() / 2;
        fill(c, rows, 0, half);
        filterAndCheck(dims, c, cap);
        fill(c, rows, half, rows.size());
        filterAndCheck(dims, c, cap);
        boolean anySlack = false;
        for (boolean s : dims.slack()) {
            anySlack |= s;
        }
        if (anySlack) {
            // the cap lets a pass keep fewer than the exact one does
            Candidates exact = buffer(dims);
            fill(exact, rows, 0, rows.size());
            exact.filter(0);
            assertTrue(c.size <= exact.size, c.size + " kept with slack, " + exact.size + " without");
        }
    }

    /**
     * Whether a pass may keep an entry that an earlier kept one prunes: only where a budget surely met or a peak
     * makes an entry no worse on every key than another it cannot prune, because they tie on every summed
     * objective and the design decides (see {@link Staircase} and {@link StaircaseTree}).
     */
    private static boolean tiesMayHide(Dimensions dims) {
        for (int j = 0; j < dims.count(); j++) {
            if (!dims.objective()[j] || dims.maxCombined()[j]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Filters the buffer and checks the pass against asking every entry kept before: visiting the entries in
     * the pass's order (dimension by dimension, better first, then by design), each dropped one is covered by
     * an earlier kept one (without slack: pruned by it), and a kept one is pruned by no earlier kept one unless
     * they tie on every summed objective. Returns how many kept entries had such a tie.
     */
    private static int filterAndCheck(Dimensions dims, Candidates c, double cap) {
        List<double[]> before = snapshot(c);
        c.filter(cap);
        List<double[]> after = snapshot(c);
        int d = dims.count();
        java.util.Map<Integer, double[]> kept = new java.util.HashMap<>();
        after.forEach(k -> kept.put(design(k, d), k));
        assertEquals(after.size(), kept.size(), "a design kept twice");
        before.sort(order(dims));
        List<double[]> keptSoFar = new ArrayList<>();
        int misses = 0;
        for (double[] e : before) {
            double[] now = kept.get(design(e, d));
            if (now == null) {
                boolean covered = false;
                for (double[] k : keptSoFar) {
                    covered |= covers(dims, c, cap, kept.get(design(k, d)), e);
                }
                assertTrue(covered, "dropped " + java.util.Arrays.toString(e) + " is covered by no earlier kept entry"
                        + (cap > 0 ? " within cap " + cap : ""));
                continue;
            }
            for (int j = 0; j < d; j++) {
                assertEquals(e[j], now[j], "a kept entry's value");
                assertTrue(now[d + j] >= e[d + j], "a kept entry's deficit only grows");
            }
            for (double[] k : keptSoFar) {
                if (exactlyPrunes(dims, c, k, e)) {
                    boolean shadowed = false;
                    for (double[] x : keptSoFar) {
                        shadowed |= shadows(dims, c, x, e);
                    }
                    assertTrue(shadowed, "kept " + java.util.Arrays.toString(e) + " is pruned by kept "
                            + java.util.Arrays.toString(k) + " and shadowed by none");
                    misses++;
                    break;
                }
            }
            keptSoFar.add(e);
        }
        assertEquals(keptSoFar.size(), after.size());
        for (int i = 0; i < after.size(); i++) {
            assertEquals(design(keptSoFar.get(i), d), design(after.get(i), d), "kept entries sorted best first");
        }
        return misses;
    }

    /** A filter pass's order: dimension by dimension, better first, then by design. */
    private static java.util.Comparator<double[]> order(Dimensions dims) {
        int d = dims.count();
        return (x, y) -> {
            for (int j = 0; j < d; j++) {
                if (x[j] != y[j]) {
                    boolean less = x[j] < y[j];
                    return (dims.sense()[j] == Dimensions.HIGHER) != less ? -1 : 1;
                }
            }
            return Integer.compare(design(x, d), design(y, d));
        };
    }

    /**
     * Whether kept row x may hide e's pruners from a structure: no worse than e anywhere (a budget x surely
     * meets aside) and equal on every objective summed over the layers, so only the design could decide, and
     * x's is the larger. A structure holds x in place of the entries it is no worse than on every key.
     */
    private static boolean shadows(Dimensions dims, Candidates c, double[] x, double[] e) {
        int d = dims.count();
        for (int j = 0; j < d; j++) {
            if (sure(dims, c, x, j)) {
                continue;
            }
            int sense = dims.sense()[j];
            if (sense == Dimensions.LOWER ? x[j] > e[j] : sense == Dimensions.HIGHER ? x[j] < e[j] : x[j] != e[j]) {
                return false;
            }
            if (dims.objective()[j] && !dims.maxCombined()[j] && x[j] != e[j]) {
                return false;
            }
        }
        return design(x, d) > design(e, d);
    }

    /** Random rows: values, then deficits (at most the cap times the value on slack dimensions), then the design. */
    private static List<double[]> rows(Dimensions dims, SplittableRandom random, double cap) {
        int d = dims.count();
        int n = 60 + random.nextInt(400);
        List<Integer> designs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            designs.add(i);
        }
        java.util.Collections.shuffle(designs, new java.util.Random(random.nextLong()));
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[2 * d + 1];
            for (int j = 0; j < d; j++) {
                row[j] = 1 + random.nextInt(6) + (random.nextInt(3) == 0 ? 0.01 * random.nextInt(8) : 0);
                row[d + j] = cap > 0 && dims.slack()[j] && random.nextInt(4) == 0
                        ? 0.9 * cap * row[j] * random.nextDouble() : 0;
            }
            row[2 * d] = designs.get(i);
            rows.add(row);
        }
        return rows;
    }

    /** An empty buffer whose budgets are surely met at or below 3.5 (at or above, for a lower bound). */
    private static Candidates buffer(Dimensions dims) {
        Candidates c = new Candidates(dims, 1);
        c.reset(new Factor[0], 0);
        for (int j = 0; j < dims.count(); j++) {
            c.sureMax[j] = Double.POSITIVE_INFINITY;
            c.sureMin[j] = Double.NEGATIVE_INFINITY;
            if (!dims.objective()[j]) {
                if (dims.sense()[j] == Dimensions.LOWER) {
                    c.sureMax[j] = 3.5;
                } else {
                    c.sureMin[j] = 3.5;
                }
            }
        }
        return c;
    }

    private static void fill(Candidates c, List<double[]> rows, int from, int to) {
        int d = c.dims;
        for (double[] row : rows.subList(from, to)) {
            int e = c.append((int) row[2 * d]);
            System.arraycopy(row, 0, c.vec, e * d, d);
            for (int j = 0; j < d; j++) {
                c.def[e * d + j] = Candidates.roundUp(row[d + j]);
            }
        }
    }

    /** Each entry of the buffer as a row (values, deficits, design). */
    private static List<double[]> snapshot(Candidates c) {
        int d = c.dims;
        List<double[]> out = new ArrayList<>();
        for (int e = 0; e < c.size; e++) {
            double[] row = new double[2 * d + 1];
            for (int j = 0; j < d; j++) {
                row[j] = c.vec[e * d + j];
                row[d + j] = c.def[e * d + j];
            }
            row[2 * d] = c.choice[e];
            out.add(row);
        }
        return out;
    }

    private static int design(double[] row, int d) {
        return (int) row[2 * d];
    }

    private static TreeSet<Integer> keptDesigns(Candidates c) {
        TreeSet<Integer> kept = new TreeSet<>();
        for (int e = 0; e < c.size; e++) {
            assertTrue(kept.add(c.choice[e]), "design " + c.choice[e] + " kept twice");
        }
        return kept;
    }

    /** The designs of the rows no other row prunes (without slack), asked pair by pair. */
    private static TreeSet<Integer> nonPruned(Dimensions dims, Candidates c, List<double[]> rows) {
        TreeSet<Integer> kept = new TreeSet<>();
        for (double[] e : rows) {
            boolean pruned = false;
            for (double[] k : rows) {
                pruned |= k != e && exactlyPrunes(dims, c, k, e);
            }
            if (!pruned) {
                kept.add(design(e, dims.count()));
            }
        }
        return kept;
    }

    private static boolean sure(Dimensions dims, Candidates c, double[] k, int j) {
        return !dims.objective()[j] && k[j] <= c.sureMax[j] && k[j] >= c.sureMin[j];
    }

    /**
     * Whether k prunes e without slack: no worse on every dimension (a budget k surely meets does not count),
     * and better on a summed objective or else the smaller design.
     */
    private static boolean exactlyPrunes(Dimensions dims, Candidates c, double[] k, double[] e) {
        int d = dims.count();
        boolean strict = false;
        for (int j = 0; j < d; j++) {
            if (sure(dims, c, k, j)) {
                continue;
            }
            int sense = dims.sense()[j];
            if (sense == Dimensions.LOWER ? k[j] > e[j] : sense == Dimensions.HIGHER ? k[j] < e[j] : k[j] != e[j]) {
                return false;
            }
            strict |= k[j] != e[j] && dims.objective()[j] && !dims.maxCombined()[j];
        }
        return strict || design(k, d) < design(e, d);
    }

    /**
     * Whether kept row k stands for dropped row e within the cap: no worse on each dimension without slack (a
     * surely met budget aside), short of e's vectors (e's deficit plus the difference) by at most the cap times
     * its value on each slack one, with its own deficit grown to at least that.
     */
    private static boolean covers(Dimensions dims, Candidates c, double cap, double[] k, double[] e) {
        int d = dims.count();
        boolean worse = false;
        boolean strict = false;
        for (int j = 0; j < d; j++) {
            if (sure(dims, c, k, j)) {
                continue;
            }
            int sense = dims.sense()[j];
            boolean kWorse = sense == Dimensions.LOWER ? k[j] > e[j] : sense == Dimensions.HIGHER ? k[j] < e[j]
                    : k[j] != e[j];
            if (dims.slack()[j]) {
                double shortfall = e[d + j] + (sense == Dimensions.HIGHER ? e[j] - k[j] : k[j] - e[j]);
                if (shortfall > cap * Math.abs(k[j]) || k[d + j] < shortfall) {
                    return false;
                }
                worse |= kWorse;
            } else if (kWorse) {
                return false;
            }
            strict |= k[j] != e[j] && dims.objective()[j] && !dims.maxCombined()[j];
        }
        return worse || strict || design(k, d) < design(e, d);
    }
}
