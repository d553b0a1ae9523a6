package dev.ridgeline.search.exact;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.pareto.ParetoArchive;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.strategy.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The exact Pareto front of a design space too large to enumerate, by multi-objective bucket elimination
 * over the compiled evaluator's per-layer tables (the numbers {@code exhaustive} adds up, so both give the
 * same front vector for vector). Separable configurations and resolutions are enumerated outermost; within
 * each, every layer is a factor over the knobs that touch it and, when peak memory is an objective or a
 * budget, every execution step a factor over the knobs of its live buffers. Use it without a job file:
 * {@code ExactSolver.withDefaults().solve(evaluator, objectives, budgets)}.
 */
public final class ExactSolver {
    /** Subproblems (separable configurations x resolutions) solved at most. */
    public static final int MAX_SUBPROBLEMS = 4096;
    public static final long DEFAULT_MAX_FRONT = 20_000_000L;
    /** Knobs of more than one choice eliminated at most (the order is chosen over their interaction graph). */
    public static final int MAX_FREE_KNOBS = 5_000;

    private final double epsilon;
    private final long maxBytes;
    private final long maxFront;
    private final long timeLimitNanos;
    private final boolean anytime;
    private final int threads;
    private final Ordering ordering;
    private final ProgressListener progress;

    private ExactSolver(double epsilon, long maxBytes, long maxFront, long timeLimitNanos, boolean anytime,
            int threads, Ordering ordering, ProgressListener progress) {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1), got " + epsilon);
        }
        if (maxBytes < 1 || maxFront < 1 || threads < 1 || timeLimitNanos < 0) {
            throw new IllegalArgumentException("limits must be positive, got " + maxBytes + " bytes, front " + maxFront
                    + ", " + threads + " threads, " + timeLimitNanos + " ns");
        }
        this.epsilon = epsilon;
        this.maxBytes = maxBytes;
        this.maxFront = maxFront;
        this.timeLimitNanos = timeLimitNanos;
        this.anytime = anytime;
        this.threads = threads;
        this.ordering = ordering;
        this.progress = progress;
    }

    /** Exact (epsilon 0), at most 40% of the maximum heap for partial fronts, every core, no time limit. */
    public static ExactSolver withDefaults() {
        return new ExactSolver(0, Runtime.getRuntime().maxMemory() / 5 * 2, DEFAULT_MAX_FRONT, 0, false,
                Runtime.getRuntime().availableProcessors(), Ordering.MIN_WEIGHT, ProgressListener.NONE);
    }

    /** A relative tolerance: every true front vector lies within a factor 1 + epsilon of a returned one. */
    public ExactSolver withEpsilon(double epsilon) {
        return new ExactSolver(epsilon, maxBytes, maxFront, timeLimitNanos, anytime, threads, ordering, progress);
    }

    /** The memory partial fronts may use before the solve stops with {@link ExactLimitException}. */
    public ExactSolver withMaxBytes(long maxBytes) {
        return new ExactSolver(epsilon, maxBytes, maxFront, timeLimitNanos, anytime, threads, ordering, progress);
    }

    /**
     * An anytime memory limit: past half of it, the solve coarsens its front (a larger epsilon for the passes
     * still to come) instead of stopping; it stops with {@link ExactLimitException} only at the limit itself.
     */
    public ExactSolver withMemoryLimit(long bytes) {
        return new ExactSolver(epsilon, bytes, maxFront, timeLimitNanos, true, threads, ordering, progress);
    }

    /**
     * An anytime time limit: once it has passed, the solve coarsens its front for the passes still to come,
     * so that it ends soon after with the front reached and the epsilon it proves
     * ({@link ExactFront.Statistics#provenEpsilon}).
     */
    public ExactSolver withTimeLimit(Duration limit) {
        return new ExactSolver(epsilon, maxBytes, maxFront, Math.max(1, limit.toNanos()), true, threads, ordering,
                progress);
    }

    /** The most vectors one partial front may hold before the solve stops with {@link ExactLimitException}. */
    public ExactSolver withMaxFront(long maxFront) {
        return new ExactSolver(epsilon, maxBytes, maxFront, timeLimitNanos, anytime, threads, ordering, progress);
    }

    /** The threads each elimination's assignments are shared over (the front does not depend on it). */
    public ExactSolver withThreads(int threads) {
        return new ExactSolver(epsilon, maxBytes, maxFront, timeLimitNanos, anytime, threads, ordering, progress);
    }

    /** How the next knob to eliminate is chosen (the front does not depend on it, only the cost). */
    public ExactSolver withOrdering(Ordering ordering) {
        return new ExactSolver(epsilon, maxBytes, maxFront, timeLimitNanos, anytime, threads, ordering, progress);
    }

    public ExactSolver withProgress(ProgressListener progress) {
        return new ExactSolver(epsilon, maxBytes, maxFront, timeLimitNanos, anytime, threads, ordering, progress);
    }

    /**
     * The front of the points of the evaluator's space that meet every budget.
     *
     * @param objectives 2 to 4 objectives on distinct metrics
     * @throws ExactLimitException when the partial fronts outgrow the limits
     */
    public ExactFront solve(CompiledEvaluator evaluator, List<Objective> objectives, List<Budget> budgets) {
        ParetoArchive archive = new ParetoArchive(objectives);
        Dimensions dims = Dimensions.of(objectives, budgets);
        int knobs = evaluator.space().knobCount();
        int[] choices = new int[knobs];
        double[] metrics = new double[Metric.COUNT];
        double[] proven = {0};
        Run run = eliminate(evaluator, dims, null, false, (root, fixed) -> {
            for (int e = 0; e < root.entries(); e++) {
                System.arraycopy(fixed, 0, choices, 0, knobs);
                root.trace(e, choices);
                evaluator.evaluate(choices, metrics);
                check(dims, root, e, metrics, choices);
                if (budgets.stream().allMatch(b -> b.allows(metrics))) {
                    archive.offer(metrics, choices);
                    proven[0] = Math.max(proven[0], provenEpsilon(dims, root, e));
                }
            }
            return root.entries();
        });
        SolverState state = run.state;
        return new ExactFront(archive.front(), new ExactFront.Statistics(run.subproblems, state.eliminations,
                state.largestFront, state.peakBytes(), state.candidates, state.elapsedSeconds(), epsilon,
                proven[0], state.limitHit(), threads));
    }

    /**
     * The point of the evaluator's space with the highest gain among those that meet every budget, the
     * lowest-index one among equals (the point an enumeration in index order keeps first); empty when no
     * point meets them. The gain is an additive metric, or a score per knob and choice summed over the knobs
     * (an empty row for a knob that scores nothing). Exact: the epsilon and the anytime limits do not apply.
     *
     * @param metric    the metric to maximize, or null to maximize {@code perChoice}
     * @param perChoice per knob, per choice: its score; null to maximize {@code metric}
     * @throws ExactLimitException when the partial fronts outgrow the limits
     */
    public Optional<int[]> maximize(CompiledEvaluator evaluator, Metric metric, double[][] perChoice,
            List<Budget> budgets) {
        return maximize(evaluator, metric, perChoice, budgets, null);
    }

    /**
     * As {@link #maximize(CompiledEvaluator, Metric, double[][], List)}, with a point known to be good (a
     * heuristic's, such as a greedy schedule's): when it meets every budget, its gain is a floor the answer
     * cannot fall below, so a partial vector whose gain plus the most the rest can add stays under it is dropped
     * at once. The answer is the same as without it; only the partial fronts are smaller.
     *
     * @param incumbent a choice per knob, or null for none
     */
    public Optional<int[]> maximize(CompiledEvaluator evaluator, Metric metric, double[][] perChoice,
            List<Budget> budgets, int[] incumbent) {
        if ((metric == null) == (perChoice == null)) {
            throw new IllegalArgumentException("maximize a metric or a score per choice, exactly one of them");
        }
        BadInputException.check(metric != Metric.PEAK_ACTIVATION_BYTES, "peak activation memory is a maximum over "
                + "steps, not a gain to maximize");
        if (perChoice != null && perChoice.length != evaluator.space().knobCount()) {
            throw new IllegalArgumentException("a score row per knob: " + evaluator.space().knobCount()
                    + " knobs, " + perChoice.length + " rows");
        }
        Dimensions dims = Dimensions.ofGain(metric, budgets);
        int knobs = evaluator.space().knobCount();
        int[] choices = new int[knobs];
        double[] metrics = new double[Metric.COUNT];
        if (incumbent != null) {
            if (incumbent.length != knobs) {
                throw new IllegalArgumentException("a known point has a choice per knob: " + knobs + " knobs, "
                        + incumbent.length + " choices");
            }
            evaluator.evaluate(incumbent, metrics);
            if (budgets.stream().allMatch(b -> b.allows(metrics))) {
                double floor = metric != null ? metrics[metric.ordinal()] : gain(perChoice, incumbent);
                // dimension 0 is the gain: a floor there only drops partial vectors (Eliminator#feasible), the answer
                // is still checked against the budgets as given; a margin for partial sums rounded otherwise
                double margin = 1e-9 * Math.abs(floor) + 1e-12;
                dims.min()[0] = Double.isNaN(dims.min()[0]) ? floor - margin : Math.max(dims.min()[0], floor - margin);
            }
        }
        int[][] best = {null};
        double[] bestGain = {Double.NEGATIVE_INFINITY};
        // along the network: the graph orders (MIN_WEIGHT, MIN_FILL, MIN_DEGREE) sum fronts of whole stages at
        // the end and take 4 to 8 times as long on per-group ResNet-50 plans (docs/exact.md)
        ExactSolver exact = new ExactSolver(0, maxBytes, maxFront, 0, false, threads, Ordering.SEQUENTIAL, progress);
        exact.eliminate(evaluator, dims, perChoice, true, (root, fixed) -> {
            for (int e = 0; e < root.entries(); e++) {
                System.arraycopy(fixed, 0, choices, 0, knobs);
                root.trace(e, choices);
                evaluator.evaluate(choices, metrics);
                check(dims, root, e, metrics, choices);
                if (!budgets.stream().allMatch(b -> b.allows(metrics))) {
                    continue;
                }
                double gain = metric != null ? metrics[metric.ordinal()] : gain(perChoice, choices);
                if (gain > bestGain[0] || (gain == bestGain[0] && Arrays.compare(choices, best[0]) < 0)) {
                    bestGain[0] = gain;
                    best[0] = choices.clone();
                }
            }
            return root.entries();
        });
        return Optional.ofNullable(best[0]);
    }

    /**
     * The epsilon root entry e proves: a vector it stands for is at most its deficit better on each
     * dimension, so within a factor 1 + deficit / value (higher is better) or value / (value - deficit).
     */
    private static double provenEpsilon(Dimensions dims, Factor root, int e) {
        double worst = 0;
        int n = dims.count();
        for (int d = 0; d < n; d++) {
            double deficit = root.deficit(e, d, n);
            if (deficit <= 0) {
                continue;
            }
            double v = Math.abs(root.vectors[e * n + d]);
            double eps = dims.sense()[d] == Dimensions.HIGHER ? deficit / v : deficit / (v - deficit);
            worst = Math.max(worst, v - deficit <= 0 ? Double.POSITIVE_INFINITY : eps);
        }
        return worst;
    }

    /** The score of a point: its choices' scores summed in knob order. */
    private static double gain(double[][] perChoice, int[] choices) {
        double s = 0;
        for (int k = 0; k < choices.length; k++) {
            if (perChoice[k].length > 0) {
                s += perChoice[k][choices[k]];
            }
        }
        return s;
    }

    /**
     * Refuses, before any work, a space with more than {@link #MAX_FREE_KNOBS} knobs of more than one choice
     * besides the resolution (one-choice knobs are constants the solver folds into the terms: any number of them
     * is fine).
     */
    public static void checkKnobs(DesignSpace space, String source) {
        int free = 0;
        for (int k = 0; k < space.knobCount(); k++) {
            boolean outer = space.knobs().get(k).target() instanceof KnobTarget.Resolution;
            free += space.choices(k) > 1 && !outer ? 1 : 0;
        }
        BadInputException.check(free <= MAX_FREE_KNOBS, tooManyKnobs(source, free));
    }

    private static String tooManyKnobs(String where, int free) {
        return String.format(Locale.ROOT, "%s: the exact strategy eliminates at most %,d knobs of more than one"
                + " choice (its limit MAX_FREE_KNOBS), and the space has %,d: give the knobs per stage rather than per"
                + " layer, or use the evolutionary strategy", where, MAX_FREE_KNOBS, free);
    }

    /** What the root of each subproblem is handed to; returns the designs it evaluated. */
    private interface RootVisitor {
        long visit(Factor root, int[] fixed);
    }

    private record Run(SolverState state, long subproblems) {
    }

    /**
     * Eliminates every knob of every subproblem and hands each root to {@code visitor}.
     *
     * @param ownFirst whether the factors that read only the knob being eliminated are summed first, once per
     *                 choice, rather than again for every assignment of the other factors' knobs (the stage width
     *                 knobs of per-group plans: the blocks of a stage read only it, the next stage's first block
     *                 another knob as well)
     */
    private Run eliminate(CompiledEvaluator evaluator, Dimensions dims, double[][] perChoice, boolean ownFirst,
            RootVisitor visitor) {
        DesignSpace space = evaluator.space();
        for (Metric m : dims.metrics()) {
            BadInputException.check(m != Metric.LATENCY_SECONDS || evaluator.timed(),
                    "latencySeconds needs a device: the evaluator was compiled without hardware");
        }
        int knobs = space.knobCount();
        int[] radix = new int[knobs];
        boolean[] outer = new boolean[knobs];
        for (int k = 0; k < knobs; k++) {
            radix[k] = space.choices(k);
            outer[k] = space.knobs().get(k).target() instanceof KnobTarget.Resolution;
        }
        for (int k : evaluator.planKnobs()) {
            outer[k] = true;
        }
        for (int k = 0; k < knobs; k++) {
            // a knob of one choice is a constant: fixed at it like an outer knob, it is folded into the terms
            // and never eliminated (a space of thousands of them costs what the other knobs cost)
            outer[k] |= radix[k] == 1;
        }
        long subproblems = 1;
        for (int k = 0; k < knobs; k++) {
            subproblems *= outer[k] ? radix[k] : 1;
            BadInputException.check(subproblems <= MAX_SUBPROBLEMS, "the exact solver solves each separable "
                    + "configuration and resolution on its own, at most %d of them; this space has more: select "
                    + "fewer separable stages or resolutions", MAX_SUBPROBLEMS);
        }
        int free = 0;
        for (int k = 0; k < knobs; k++) {
            free += outer[k] ? 0 : 1;
        }
        BadInputException.check(free <= MAX_FREE_KNOBS, tooManyKnobs("this space", free));
        SolverState state = new SolverState(epsilon, maxBytes, maxFront, timeLimitNanos, anytime, threads, progress);
        state.totalEliminations = subproblems * (free + 1);
        ExecutorService executor = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ridgeline-exact");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            for (long sub = 0; sub < subproblems; sub++) {
                int[] fixed = outerChoices(sub, outer, radix);
                Leaves leaves = Leaves.build(evaluator.terms(evaluator.planIndex(fixed)), dims, perChoice, outer,
                        fixed, radix);
                EliminationOrder order = EliminationOrder.of(leaves.scopes(), radix, ordering, leaves.sequence());
                if (sub == 0) {
                    state.totalWork = order.totalWork() * subproblems;
                }
                Eliminator eliminator = new Eliminator(dims, radix, leaves.factors(), state, executor,
                        threads);
                List<Factor> pool = new ArrayList<>(leaves.factors());
                for (int i = 0; i < order.knobs().length; i++) {
                    int knob = order.knobs()[i];
                    List<Factor> involved = new ArrayList<>();
                    pool.removeIf(f -> f.contains(knob) && involved.add(f));
                    List<Factor> own = involved.stream().filter(f -> f.scope.length == 1).toList();
                    if (ownFirst && own.size() > 1 && own.size() < involved.size()) {
                        involved.removeAll(own);
                        involved.add(eliminator.eliminate(-1, own));
                    }
                    pool.add(eliminator.eliminate(knob, involved));
                    state.eliminated(order.work()[i]);
                }
                Factor root = eliminator.eliminate(-1, pool);
                state.eliminations = (sub + 1) * (free + 1);
                state.candidates += visitor.visit(root, fixed);
                state.release();
                state.report(true);
            }
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        return new Run(state, subproblems);
    }

    /** The choices of the outer knobs of subproblem {@code sub} (the others 0), the last outer knob fastest. */
    private static int[] outerChoices(long sub, boolean[] outer, int[] radix) {
        int[] fixed = new int[radix.length];
        long rest = sub;
        for (int k = radix.length - 1; k >= 0; k--) {
            if (outer[k]) {
                fixed[k] = (int) (rest % radix[k]);
                rest /= radix[k];
            }
        }
        return fixed;
    }

    /**
     * The solver's sums are the evaluator's numbers: exactly, since counts are integers and latencies lie on
     * a binary grid (see {@code EvaluatorCompiler}); a difference beyond rounding is a bug, not bad input.
     */
    private static void check(Dimensions dims, Factor root, int e, double[] metrics, int[] choices) {
        for (int d = 0; d < dims.count(); d++) {
            if (dims.metrics()[d] == null) {
                continue;
            }
            double solved = root.vectors[e * dims.count() + d];
            double evaluated = metrics[dims.metrics()[d].ordinal()];
            if (!(Math.abs(solved - evaluated) <= 1e-9 * Math.abs(evaluated))) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "exact solver's %s %s differs from the evaluator's %s at %s", dims.metrics()[d].id(), solved,
                        evaluated, Arrays.toString(choices)));
            }
        }
    }
}
