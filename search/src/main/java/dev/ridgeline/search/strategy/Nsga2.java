package dev.ridgeline.search.strategy;

import dev.ridgeline.core.RidgelineException;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.space.DesignSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * NSGA-II over primitive arrays: parents and children (2N rows) live in flat arrays that are allocated
 * once, ranked by constrained non-dominated sorting (a feasible point beats an infeasible one, the smaller
 * budget excess beats the larger, then Pareto dominance) and crowding distance. Parents are picked by
 * binary tournament (rank, then crowding, then a coin); uniform crossover takes each knob from either
 * parent with even odds; mutation moves a knob, with its probability, half the time to a neighbouring choice
 * (choices are usually ordered: widths, kernels, resolutions) and otherwise to any other. A child that repeats an
 * evaluated point is moved one knob at a time, up to {@value #TRIES} times, until it is new (evaluated
 * points are remembered as one long each). Every draw comes from one seeded generator in a fixed order,
 * so a seed repeats the run on any thread count.
 */
final class Nsga2 {
    static final int TRIES = 32;

    private final DesignSpace space;
    private final PointEvaluator evaluator;
    private final Objective[] objectives;
    private final PointFilter filter;
    private final SplittableRandom random;
    private final int n;
    private final int knobs;
    private final int d;
    private final double crossoverProbability;
    private final double mutationProbability;
    private final ExecutorService pool;
    private final int threads;
    private final int[] choices;
    private final double[] objective;
    private final double[] violation;
    private final double[] metrics;
    private final boolean[] feasible;
    private final int[] rank;
    private final double[] crowding;
    private final int[] parents;
    private final PointSet seen = new PointSet();
    private final NondominatedSort sort;
    long evaluated;
    long feasibleCount;

    Nsga2(PointEvaluator evaluator, List<Objective> objectives, PointFilter filter, long seed, int populationSize,
            double crossoverProbability, double mutationProbability, int threads) {
        this.space = evaluator.space();
        this.evaluator = evaluator;
        this.objectives = objectives.toArray(Objective[]::new);
        this.filter = filter;
        this.random = new SplittableRandom(seed);
        this.n = populationSize;
        this.knobs = space.knobCount();
        this.d = objectives.size();
        this.crossoverProbability = crossoverProbability;
        this.mutationProbability = mutationProbability;
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ridgeline-nsga2");
            t.setDaemon(true);
            return t;
        }) : null;
        int rows = 2 * n;
        choices = new int[rows * knobs];
        objective = new double[rows * d];
        violation = new double[rows];
        metrics = new double[rows * Metric.COUNT];
        feasible = new boolean[rows];
        rank = new int[rows];
        crowding = new double[rows];
        parents = new int[n];
        sort = new NondominatedSort(rows, d);
    }

    /** Runs until at least {@code maxEvaluations} points are evaluated, in whole generations. */
    void run(long maxEvaluations, PointSink sink, ProgressMeter meter) {
        try {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < knobs; k++) {
                    choices[i * knobs + k] = random.nextInt(space.choices(k));
                }
                makeNew(i);
            }
            evaluate(0, n, sink, meter);
            // as in jMetal's NSGA-II, the first mating selection knows no ranks yet: every tournament is a coin
            // flip (on 11 seeds of the benchmark space this reaches a little more hypervolume than ranking first)
            while (evaluated < maxEvaluations) {
                for (int i = 0; i < n; i++) {
                    parents[i] = tournament();
                }
                for (int i = 0; i < n; i += 2) {
                    int a = n + i;
                    int b = n + i + 1;
                    System.arraycopy(choices, parents[i] * knobs, choices, a * knobs, knobs);
                    System.arraycopy(choices, parents[i + 1] * knobs, choices, b * knobs, knobs);
                    crossover(a, b);
                    mutate(a);
                    mutate(b);
                }
                for (int c = n; c < 2 * n; c++) {
                    makeNew(c);
                }
                evaluate(n, 2 * n, sink, meter);
                replace();
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Keeps the best n of parents and children by rank, then crowding, in rows 0 .. n - 1. */
    private void replace() {
        permute(sort.select(objective, violation, 2 * n, n, rank, crowding));
    }

    private int[] scratchInt = new int[0];
    private double[] scratchDouble = new double[0];
    private boolean[] scratchBool = new boolean[0];

    /** Rearranges every row array so that row i becomes old row src[i]. */
    private void permute(int[] src) {
        int rows = 2 * n;
        scratchInt = ensure(scratchInt, rows * Math.max(knobs, 1));
        for (int i = 0; i < rows; i++) {
            System.arraycopy(choices, src[i] * knobs, scratchInt, i * knobs, knobs);
        }
        System.arraycopy(scratchInt, 0, choices, 0, rows * knobs);
        scratchDouble = ensure(scratchDouble, rows * Metric.COUNT);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(metrics, src[i] * Metric.COUNT, scratchDouble, i * Metric.COUNT, Metric.COUNT);
        }
        System.arraycopy(scratchDouble, 0, metrics, 0, rows * Metric.COUNT);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(objective, src[i] * d, scratchDouble, i * d, d);
        }
        System.arraycopy(scratchDouble, 0, objective, 0, rows * d);
        for (int i = 0; i < rows; i++) {
            scratchDouble[i] = violation[src[i]];
        }
        System.arraycopy(scratchDouble, 0, violation, 0, rows);
        for (int i = 0; i < rows; i++) {
            scratchDouble[i] = crowding[src[i]];
        }
        System.arraycopy(scratchDouble, 0, crowding, 0, rows);
        for (int i = 0; i < rows; i++) {
            scratchInt[i] = rank[src[i]];
        }
        System.arraycopy(scratchInt, 0, rank, 0, rows);
        scratchBool = scratchBool.length < rows ? new boolean[rows] : scratchBool;
        for (int i = 0; i < rows; i++) {
            scratchBool[i] = feasible[src[i]];
        }
        System.arraycopy(scratchBool, 0, feasible, 0, rows);
    }

    private static int[] ensure(int[] a, int size) {
        return a.length < size ? new int[size] : a;
    }

    private static double[] ensure(double[] a, int size) {
        return a.length < size ? new double[size] : a;
    }

    /** Binary tournament on rank, then crowding distance; a tie goes to a coin flip. */
    private int tournament() {
        int i = random.nextInt(n);
        int j = random.nextInt(n - 1);
        if (j >= i) {
            j++;
        }
        if (rank[i] != rank[j]) {
            return rank[i] < rank[j] ? i : j;
        }
        if (crowding[i] != crowding[j]) {
            return crowding[i] > crowding[j] ? i : j;
        }
        return random.nextBoolean() ? i : j;
    }

    private void crossover(int a, int b) {
        if (random.nextDouble() < crossoverProbability) {
            for (int k = 0; k < knobs; k++) {
                if (random.nextBoolean()) {
                    int t = choices[a * knobs + k];
                    choices[a * knobs + k] = choices[b * knobs + k];
                    choices[b * knobs + k] = t;
                }
            }
        }
    }

    private void mutate(int row) {
        for (int k = 0; k < knobs; k++) {
            int c = space.choices(k);
            if (c < 2 || random.nextDouble() >= mutationProbability) {
                continue;
            }
            int v = choices[row * knobs + k];
            int w;
            if (random.nextBoolean()) {
                w = v == 0 ? 1 : v == c - 1 ? v - 1 : v + (random.nextBoolean() ? 1 : -1);
            } else {
                w = random.nextInt(c - 1);
                if (w >= v) {
                    w++;
                }
            }
            choices[row * knobs + k] = w;
        }
    }

    /** Moves one knob with a choice to make, picked at random, until the row is a point not seen before. */
    private void makeNew(int row) {
        for (int tries = 0; tries < TRIES && !seen.add(key(row)); tries++) {
            int k = random.nextInt(knobs);
            for (int tried = 0; tried < knobs && space.choices(k) < 2; tried++) {
                k = (k + 1) % knobs;
            }
            int c = space.choices(k);
            if (c < 2) {
                return;
            }
            int v = choices[row * knobs + k];
            int w = random.nextInt(c - 1);
            choices[row * knobs + k] = w >= v ? w + 1 : w;
        }
    }

    /** The point's index where the space is numbered, else a 64-bit hash of its choices. */
    private long key(int row) {
        long key = 0;
        if (space.indexable()) {
            for (int k = 0; k < knobs; k++) {
                key = key * space.choices(k) + choices[row * knobs + k];
            }
            return key;
        }
        for (int k = 0; k < knobs; k++) {
            key = (key + choices[row * knobs + k] + 1) * 0x9E3779B97F4A7C15L;
            key ^= key >>> 29;
        }
        return key;
    }

    /** Evaluates rows [from, to) in slices on the pool, then hands the feasible ones to the sink in row order. */
    private void evaluate(int from, int to, PointSink sink, ProgressMeter meter) {
        int parts = pool == null ? 1 : Math.min(threads, to - from);
        if (parts <= 1) {
            evaluateSlice(from, to);
        } else {
            List<Future<?>> futures = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                int a = from + (int) ((long) (to - from) * p / parts);
                int b = from + (int) ((long) (to - from) * (p + 1) / parts);
                futures.add(pool.submit(() -> evaluateSlice(a, b)));
            }
            for (Future<?> f : futures) {
                join(f);
            }
        }
        int[] point = new int[knobs];
        double[] values = new double[Metric.COUNT];
        boolean indexable = space.indexable();
        for (int row = from; row < to; row++) {
            if (feasible[row]) {
                System.arraycopy(choices, row * knobs, point, 0, knobs);
                System.arraycopy(metrics, row * Metric.COUNT, values, 0, Metric.COUNT);
                sink.accept(indexable ? space.encode(point) : -1, point, values);
                feasibleCount++;
            }
        }
        evaluated += to - from;
        meter.add(to - from);
    }

    private void evaluateSlice(int from, int to) {
        int[] point = new int[knobs];
        double[] values = new double[Metric.COUNT];
        for (int row = from; row < to; row++) {
            System.arraycopy(choices, row * knobs, point, 0, knobs);
            evaluator.evaluate(point, values);
            System.arraycopy(values, 0, metrics, row * Metric.COUNT, Metric.COUNT);
            for (int j = 0; j < d; j++) {
                objective[row * d + j] = objectives[j].minimized(values);
            }
            boolean ok = filter.feasible(values);
            double excess = ok ? 0.0 : filter.violation(values);
            if (!ok && !(excess > 0)) {
                excess = 1.0;
            }
            feasible[row] = ok;
            violation[row] = excess;
        }
    }

    private static void join(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RidgelineException("evaluation failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RidgelineException("search interrupted", e);
        }
    }
}
