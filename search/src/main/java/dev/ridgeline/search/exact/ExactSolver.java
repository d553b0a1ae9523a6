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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

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

    private final double epsilon;
    private final long maxBytes;
    private final long maxFront;
    private final ProgressListener progress;

    private ExactSolver(double epsilon, long maxBytes, long maxFront, ProgressListener progress) {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1), got " + epsilon);
        }
        if (maxBytes < 1 || maxFront < 1) {
            throw new IllegalArgumentException("limits must be positive, got " + maxBytes + " bytes, front " + maxFront);
        }
        this.epsilon = epsilon;
        this.maxBytes = maxBytes;
        this.maxFront = maxFront;
        this.progress = progress;
    }

    /** Exact (epsilon 0), at most 40% of the maximum heap for partial fronts. */
    public static ExactSolver withDefaults() {
        return new ExactSolver(0, Runtime.getRuntime().maxMemory() / 5 * 2, DEFAULT_MAX_FRONT, ProgressListener.NONE);
    }

    /** A relative tolerance: every true front vector lies within a factor 1 + epsilon of a returned one. */
    public ExactSolver withEpsilon(double epsilon) {
        return new ExactSolver(epsilon, maxBytes, maxFront, progress);
    }

    /** The memory partial fronts may use before the solve stops with {@link ExactLimitException}. */
    public ExactSolver withMaxBytes(long maxBytes) {
        return new ExactSolver(epsilon, maxBytes, maxFront, progress);
    }

    /** The most vectors one partial front may hold before the solve stops with {@link ExactLimitException}. */
    public ExactSolver withMaxFront(long maxFront) {
        return new ExactSolver(epsilon, maxBytes, maxFront, progress);
    }

    public ExactSolver withProgress(ProgressListener progress) {
        return new ExactSolver(epsilon, maxBytes, maxFront, progress);
    }

    /**
     * The front of the points of the evaluator's space that meet every budget.
     *
     * @param objectives 2 to 4 objectives on distinct metrics
     * @throws ExactLimitException when the partial fronts outgrow the limits
     */
    public ExactFront solve(CompiledEvaluator evaluator, List<Objective> objectives, List<Budget> budgets) {
        DesignSpace space = evaluator.space();
        ParetoArchive archive = new ParetoArchive(objectives);
        Dimensions dims = Dimensions.of(objectives, budgets, epsilon);
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
        long subproblems = 1;
        for (int k = 0; k < knobs; k++) {
            subproblems *= outer[k] ? radix[k] : 1;
            BadInputException.check(subproblems <= MAX_SUBPROBLEMS, "the exact strategy solves each separable "
                    + "configuration and resolution on its own, at most %d of them; this space has more: select "
                    + "fewer separable stages or resolutions", MAX_SUBPROBLEMS);
        }
        int free = 0;
        for (int k = 0; k < knobs; k++) {
            free += outer[k] ? 0 : 1;
        }
        SolverState state = new SolverState(maxBytes, maxFront, progress);
        state.totalEliminations = subproblems * (free + 1);
        double passEpsilon = 0;
        int[] choices = new int[knobs];
        double[] metrics = new double[Metric.COUNT];
        for (long sub = 0; sub < subproblems; sub++) {
            int[] fixed = outerChoices(sub, outer, radix);
            Leaves leaves = Leaves.build(evaluator.terms(evaluator.planIndex(fixed)), dims, outer, fixed, radix);
            List<Integer> order = Eliminator.order(leaves.scopes(), radix);
            int depth = depth(leaves.scopes(), order);
            double grow = epsilon == 0 ? 1 : Math.pow(1 + epsilon, 1.0 / depth);
            passEpsilon = Math.max(passEpsilon, grow - 1);
            double[] growByDim = new double[dims.count()];
            for (int d = 0; d < growByDim.length; d++) {
                growByDim[d] = dims.slack()[d] > 0 ? grow : 1;
            }
            Eliminator eliminator = new Eliminator(dims, growByDim, radix, leaves.factors(), state);
            List<Factor> pool = new ArrayList<>(leaves.factors());
            for (int knob : order) {
                List<Factor> involved = new ArrayList<>();
                pool.removeIf(f -> f.contains(knob) && involved.add(f));
                pool.add(eliminator.eliminate(knob, involved));
                state.eliminated();
            }
            Factor root = eliminator.eliminate(-1, pool);
            state.eliminations = (sub + 1) * (free + 1);
            for (int e = 0; e < root.entries(); e++) {
                System.arraycopy(fixed, 0, choices, 0, knobs);
                root.trace(e, choices);
                evaluator.evaluate(choices, metrics);
                check(dims, root, e, metrics, choices);
                state.candidates++;
                if (budgets.stream().allMatch(b -> b.allows(metrics))) {
                    archive.offer(metrics, choices);
                }
            }
            state.release();
            state.report(true);
        }
        return new ExactFront(archive.front(), new ExactFront.Statistics(subproblems, state.eliminations,
                state.largestFront, state.peakBytes(), state.candidates, state.elapsedSeconds(), epsilon, passEpsilon));
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

    /** The most filter passes any vector goes through on its way from the leaves to the root. */
    private static int depth(List<int[]> scopes, List<Integer> order) {
        List<int[]> pool = new ArrayList<>(scopes);
        List<Integer> depths = new ArrayList<>();
        scopes.forEach(s -> depths.add(0));
        for (int knob : order) {
            int deepest = 0;
            int m = 0;
            TreeSet<Integer> merged = new TreeSet<>();
            for (int i = pool.size() - 1; i >= 0; i--) {
                int[] s = pool.get(i);
                if (Arrays.stream(s).anyMatch(k -> k == knob)) {
                    deepest = Math.max(deepest, depths.get(i));
                    m++;
                    Arrays.stream(s).filter(k -> k != knob).forEach(merged::add);
                    pool.remove(i);
                    depths.remove(i);
                }
            }
            pool.add(merged.stream().mapToInt(Integer::intValue).toArray());
            depths.add(deepest + Eliminator.passes(m));
        }
        int deepest = depths.stream().mapToInt(Integer::intValue).max().orElse(0);
        return deepest + Eliminator.passes(pool.size());
    }

    /**
     * The solver's sums are the evaluator's numbers: exactly, since counts are integers and latencies lie on
     * a binary grid (see {@code EvaluatorCompiler}); a difference beyond rounding is a bug, not bad input.
     */
    private static void check(Dimensions dims, Factor root, int e, double[] metrics, int[] choices) {
        for (int d = 0; d < dims.count(); d++) {
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
