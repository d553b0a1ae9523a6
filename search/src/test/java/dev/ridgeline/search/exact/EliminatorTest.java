package dev.ridgeline.search.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.job.Budget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every factor {@link Eliminator} builds, against summing its leaves over every choice of the knobs it
 * eliminated: random leaves over a few knobs, eliminated in a random order. Without budgets each assignment
 * holds exactly one entry per non-dominated sum, standing for the first design with that sum; with a budget,
 * only sums that can still meet it, and every sum no feasible one beats on the objectives. Each entry's
 * design, traced back through its parents, sums to its vector. The structures and intermediate filters only
 * save work: a weakened one leaves an entry too many in some factor, which the solve's final filter would
 * hide, so this test reads the factors themselves.
 */
class EliminatorTest {
    private static Objective min(Metric m) {
        return new Objective(m, Goal.MIN);
    }

    private static Objective max(Metric m) {
        return new Objective(m, Goal.MAX);
    }

    record Shape(String name, List<Objective> objectives, List<Budget> budgets) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("planar", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS)), List.of()),
            new Shape("staircase", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS), min(Metric.PARAMS)),
                    List.of()),
            new Shape("tree", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS), min(Metric.PARAMS),
                    min(Metric.WEIGHT_BYTES)), List.of()),
            new Shape("k-d tree", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS), min(Metric.PARAMS),
                    min(Metric.WEIGHT_BYTES), max(Metric.FLOPS)), List.of()),
            new Shape("budget", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS)),
                    List.of(new Budget(Metric.PARAMS, 9, Double.NaN))),
            new Shape("lower bound", List.of(min(Metric.LATENCY_SECONDS), min(Metric.PARAMS)),
                    List.of(new Budget(Metric.MACS, Double.NaN, 9))),
            new Shape("budgeted objective", List.of(min(Metric.LATENCY_SECONDS), max(Metric.MACS)),
                    List.of(new Budget(Metric.LATENCY_SECONDS, 10, Double.NaN))));

    static Stream<Arguments> cases() {
        return SHAPES.stream().flatMap(s -> LongStream.rangeClosed(1, 8).mapToObj(seed -> Arguments.of(s, seed)));
    }

    /** A factor as it was built (its vectors are dropped once factors built from it exist). */
    private record Built(Factor factor, double[] vectors, int[] start) {
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void everyFactorHoldsTheNonDominatedSumsOfItsLeaves(Shape shape, long seed) {
        Dimensions dims = Dimensions.of(shape.objectives(), shape.budgets());
        SplittableRandom random = new SplittableRandom(seed * 31 + shape.name().hashCode());
        Problem p = Problem.draw(dims, random);
        Solve solve = p.solve(null, 1);
        List<Built> built = solve.built();
        for (Built b : built) {
            check(p, solve.leaves(), b);
        }
        Built root = built.get(built.size() - 1);
        assertEquals(0, root.factor().scope.length, "the root covers every knob");
        assertTrue(root.start()[1] > 0, "the root holds a design");
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void twoThreadsBuildTheSameFactors(Shape shape, long seed) throws Exception {
        Dimensions dims = Dimensions.of(shape.objectives(), shape.budgets());
        SplittableRandom random = new SplittableRandom(seed * 37 + shape.name().hashCode());
        Problem p = Problem.draw(dims, random);
        List<Built> one = p.solve(null, 1).built();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            List<Built> two = p.solve(executor, 2).built();
            assertEquals(one.size(), two.size());
            for (int i = 0; i < one.size(); i++) {
                Factor a = one.get(i).factor();
                Factor b = two.get(i).factor();
                assertArrayEquals(a.scope, b.scope);
                assertArrayEquals(one.get(i).start(), two.get(i).start());
                assertArrayEquals(one.get(i).vectors(), two.get(i).vectors());
                assertArrayEquals(a.choice, b.choice);
                assertArrayEquals(a.parentEntry, b.parentEntry);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** Random leaves over a few knobs (scope and one vector per assignment each) and an order to eliminate them in. */
    private record Problem(Dimensions dims, int[] radix, List<int[]> scopes, List<double[]> vectors, int[] order) {
        static Problem draw(Dimensions dims, SplittableRandom random) {
            int knobs = 3 + random.nextInt(3);
            int[] radix = new int[knobs];
            for (int k = 0; k < knobs; k++) {
                radix[k] = 2 + random.nextInt(3);
            }
            int d = dims.count();
            List<int[]> scopes = new ArrayList<>();
            List<double[]> vectors = new ArrayList<>();
            int count = knobs + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                // every knob in some leaf: leaf i < knobs holds knob i, and maybe others
                LinkedHashSet<Integer> scope = new LinkedHashSet<>();
                scope.add(i < knobs ? i : random.nextInt(knobs));
                for (int extra = random.nextInt(3); extra > 0; extra--) {
                    scope.add(random.nextInt(knobs));
                }
                int[] s = scope.stream().mapToInt(Integer::intValue).sorted().toArray();
                double[] v = new double[Factor.assignments(s, radix) * d];
                for (int x = 0; x < v.length; x++) {
                    v[x] = random.nextInt(4) + (random.nextInt(4) == 0 ? 0.5 : 0);
                }
                scopes.add(s);
                vectors.add(v);
            }
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < knobs; k++) {
                order.add(k);
            }
            Collections.shuffle(order, new Random(random.nextLong()));
            return new Problem(dims, radix, scopes, vectors, order.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Fresh leaf factors (a solve drops their vectors). */
        List<Factor> leaves() {
            int d = dims.count();
            List<Factor> leaves = new ArrayList<>();
            for (int i = 0; i < scopes.size(); i++) {
                double[] v = vectors.get(i);
                int size = v.length / d;
                double[] lo = new double[d];
                double[] hi = new double[d];
                Arrays.fill(lo, Double.POSITIVE_INFINITY);
                for (int a = 0; a < size; a++) {
                    for (int j = 0; j < d; j++) {
                        lo[j] = Math.min(lo[j], v[a * d + j]);
                        hi[j] = Math.max(hi[j], v[a * d + j]);
                    }
                }
                int[] start = new int[size + 1];
                for (int a = 0; a <= size; a++) {
                    start[a] = a;
                }
                leaves.add(new Factor(scopes.get(i), radix, start, v.clone(), null, -1, null, null, null, lo, hi));
            }
            return leaves;
        }

        /** Eliminates every knob in order, then sums what is left; each factor with its vectors as built. */
        Solve solve(ExecutorService executor, int threads) {
            List<Factor> leaves = leaves();
            SolverState state = new SolverState(0, Long.MAX_VALUE, Long.MAX_VALUE, 0, false, threads, null);
            Eliminator eliminator = new Eliminator(dims, radix, leaves, state, executor, threads);
            List<Factor> pool = new ArrayList<>(leaves);
            List<Built> built = new ArrayList<>();
            for (int knob : order) {
                List<Factor> involved = new ArrayList<>();
                pool.removeIf(f -> f.contains(knob) && involved.add(f));
                Factor f = eliminator.eliminate(knob, involved);
                built.add(new Built(f, f.vectors.clone(), f.start.clone()));
                pool.add(f);
            }
            Factor root = eliminator.eliminate(-1, pool);
            built.add(new Built(root, root.vectors.clone(), root.start.clone()));
            return new Solve(leaves, built);
        }

        /** The sum of the leaves {@code below} at a choice per knob. */
        double[] sum(Set<Integer> below, int[] choices) {
            int d = dims.count();
            double[] s = new double[d];
            for (int i : below) {
                int a = 0;
                int[] strides = Factor.strides(scopes.get(i), radix);
                for (int q = 0; q < strides.length; q++) {
                    a += choices[scopes.get(i)[q]] * strides[q];
                }
                for (int j = 0; j < d; j++) {
                    s[j] += vectors.get(i)[a * d + j];
                }
            }
            return s;
        }
    }

    /** A solve's leaves and the factors it built, in order (the root last). */
    private record Solve(List<Factor> leaves, List<Built> built) {
    }

    /** The indexes of the leaves below a factor, and the knobs eliminated below it. */
    private static void below(Factor f, List<Factor> leaves, Set<Integer> leafIndexes, Set<Integer> eliminated) {
        if (f.parents == null) {
            leafIndexes.add(leaves.indexOf(f));
            return;
        }
        if (f.knob >= 0) {
            eliminated.add(f.knob);
        }
        for (Factor p : f.parents) {
            below(p, leaves, leafIndexes, eliminated);
        }
    }

    private static void check(Problem p, List<Factor> leaves, Built b) {
        Dimensions dims = p.dims();
        int d = dims.count();
        Factor f = b.factor();
        Set<Integer> below = new LinkedHashSet<>();
        Set<Integer> eliminatedSet = new LinkedHashSet<>();
        below(f, leaves, below, eliminatedSet);
        assertTrue(!below.contains(-1), "every leaf below is one of the problem's");
        int[] eliminated = eliminatedSet.stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] coveredMin = new double[d];
        double[] totalMin = new double[d];
        double[] coveredMax = new double[d];
        double[] totalMax = new double[d];
        for (int i = 0; i < leaves.size(); i++) {
            for (int j = 0; j < d; j++) {
                totalMin[j] += leaves.get(i).coveredMin[j];
                totalMax[j] += leaves.get(i).coveredMax[j];
                if (below.contains(i)) {
                    coveredMin[j] += leaves.get(i).coveredMin[j];
                    coveredMax[j] += leaves.get(i).coveredMax[j];
                }
            }
        }
        assertArrayEquals(coveredMin, f.coveredMin, 1e-12, "what the leaves below add at least");
        assertArrayEquals(coveredMax, f.coveredMax, 1e-12, "what the leaves below add at most");
        int[] choices = new int[p.radix().length];
        for (int a = 0; a < f.assignments; a++) {
            Arrays.fill(choices, -1);
            for (int i = 0; i < f.scope.length; i++) {
                choices[f.scope[i]] = (a / f.strides[i]) % p.radix()[f.scope[i]];
            }
            // every design of the eliminated knobs: the first design of each feasible sum
            Map<List<Double>, int[]> firstOfSum = new HashMap<>();
            int designs = 1;
            for (int k : eliminated) {
                designs *= p.radix()[k];
            }
            for (int x = 0; x < designs; x++) {
                int rest = x;
                for (int i = eliminated.length - 1; i >= 0; i--) {
                    choices[eliminated[i]] = rest % p.radix()[eliminated[i]];
                    rest /= p.radix()[eliminated[i]];
                }
                double[] s = p.sum(below, choices);
                if (feasible(dims, s, totalMin, coveredMin, totalMax, coveredMax)) {
                    // designs in ascending order of their choices, knob by knob: the first one seen is the smallest
                    firstOfSum.putIfAbsent(key(s), choices.clone());
                }
            }
            List<double[]> sums = firstOfSum.keySet().stream().map(EliminatorTest::unkey).toList();
            Map<List<Double>, int[]> held = new HashMap<>();
            for (int e = b.start()[a]; e < b.start()[a + 1]; e++) {
                double[] v = Arrays.copyOfRange(b.vectors(), e * d, (e + 1) * d);
                int[] traced = choices.clone();
                for (int k : eliminated) {
                    traced[k] = -1;
                }
                f.trace(e, traced);
                assertArrayEquals(v, p.sum(below, traced), 1e-9, "entry " + e + " sums its design's leaves");
                assertTrue(firstOfSum.containsKey(key(v)), "entry " + e + " " + Arrays.toString(v) + " is feasible");
                assertTrue(held.put(key(v), traced) == null, "one entry per sum: " + Arrays.toString(v));
            }
            for (double[] s : sums) {
                boolean beaten = false;
                for (double[] t : sums) {
                    beaten |= t != s && dominates(dims, t, s, allObjectives(dims));
                }
                if (allObjectives(dims)) {
                    // every dimension an objective: exactly the non-dominated feasible sums, each as its first design
                    assertEquals(!beaten, held.containsKey(key(s)), Arrays.toString(s) + " held iff non-dominated");
                    if (!beaten) {
                        assertArrayEquals(firstOfSum.get(key(s)), held.get(key(s)), "the first design of "
                                + Arrays.toString(s));
                    }
                } else if (!beaten) {
                    boolean represented = false;
                    for (List<Double> h : held.keySet()) {
                        represented |= sameObjectives(dims, unkey(h), s);
                    }
                    assertTrue(represented, "a sum no feasible one beats on the objectives is held: "
                            + Arrays.toString(s));
                }
            }
        }
    }

    private static boolean allObjectives(Dimensions dims) {
        for (boolean o : dims.objective()) {
            if (!o) {
                return false;
            }
        }
        return true;
    }

    /** Whether a partial sum can still meet every budget, whatever the leaves not below add. */
    private static boolean feasible(Dimensions dims, double[] s, double[] totalMin, double[] coveredMin,
            double[] totalMax, double[] coveredMax) {
        for (int j = 0; j < dims.count(); j++) {
            if (!Double.isNaN(dims.max()[j]) && s[j] + totalMin[j] - coveredMin[j] > dims.max()[j]) {
                return false;
            }
            if (!Double.isNaN(dims.min()[j]) && s[j] + totalMax[j] - coveredMax[j] < dims.min()[j]) {
                return false;
            }
        }
        return true;
    }

    /** Whether t is no worse than s on every objective (every dimension, if {@code all}) and better on one. */
    private static boolean dominates(Dimensions dims, double[] t, double[] s, boolean all) {
        boolean better = false;
        for (int j = 0; j < dims.count(); j++) {
            if (!all && !dims.objective()[j]) {
                continue;
            }
            if (dims.sense()[j] == Dimensions.HIGHER ? t[j] < s[j] : t[j] > s[j]) {
                return false;
            }
            better |= t[j] != s[j];
        }
        return better;
    }

    private static boolean sameObjectives(Dimensions dims, double[] a, double[] b) {
        for (int j = 0; j < dims.count(); j++) {
            if (dims.objective()[j] && a[j] != b[j]) {
                return false;
            }
        }
        return true;
    }

    private static List<Double> key(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    private static double[] unkey(List<Double> k) {
        return k.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
