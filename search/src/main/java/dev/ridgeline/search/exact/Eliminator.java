package dev.ridgeline.search.exact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Multi-objective bucket elimination over one subproblem's factors: eliminating a knob combines every
 * factor that mentions it into one over their other knobs, keeping for each assignment of those only the
 * non-dominated sums over the knob's choices. Budgets prune a partial vector as soon as it, plus the least
 * the rest of the network can add, breaks one (every term is non-negative). The assignments of a new
 * factor are independent, so they are shared out over the threads in chunks and joined in order: the
 * result does not depend on the number of threads.
 */
final class Eliminator {
    private final Dimensions dimensions;
    private final int dims;
    private final int[] radix;
    private final BudgetBounds bounds;
    private final SolverState state;
    private final ExecutorService executor;
    private final Worker[] workers;
    /**
     * A buffer of sums is filtered again once it holds this many entries and two or four times as many as
     * its last filter kept. The property exists to exercise the repeated filtering on small spaces (the property
     * tests with {@code -DargLine=-Dridgeline.exact.flushMin=2}, see docs/exact.md).
     */
    private static final int FLUSH_MIN = Integer.getInteger("ridgeline.exact.flushMin", 1 << 16);
    private static final boolean TRACE = Boolean.getBoolean("ridgeline.exact.trace");

    /**
     * @param leaves     every leaf factor, for the bounds on what the factors not yet combined can add
     * @param executor   the threads to share each factor's assignments over; null for this thread only
     * @param threads    how many of them to use
     */
    Eliminator(Dimensions dimensions, int[] radix, List<Factor> leaves, SolverState state,
            ExecutorService executor, int threads) {
        this.dimensions = dimensions;
        this.dims = dimensions.count();
        this.radix = radix;
        this.state = state;
        this.executor = executor;
        this.bounds = new BudgetBounds(dimensions, leaves);
        this.workers = new Worker[executor == null ? 1 : Math.max(1, threads)];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Worker(t);
        }
    }

    /**
     * Combines {@code involved} and eliminates {@code knob} from them (-1: combine factors without
     * eliminating anything, for the final sum of factors over no knobs).
     */
    Factor eliminate(int knob, List<Factor> involved) {
        long traceStart = System.nanoTime();
        Factor[] parents = involved.toArray(Factor[]::new);
        // the largest fronts (most vectors per assignment) first: each further factor then multiplies a filtered
        // set by a few vectors, where smallest first would multiply the unfiltered product of the small ones by
        // the large front
        Arrays.sort(parents, Comparator.comparingDouble(f -> -(double) f.entries() / f.assignments));
        TreeSet<Integer> scopeSet = new TreeSet<>();
        for (Factor f : parents) {
            for (int k : f.scope) {
                if (k != knob) {
                    scopeSet.add(k);
                }
            }
        }
        int[] scope = scopeSet.stream().mapToInt(Integer::intValue).toArray();
        Step step = new Step(knob, parents, scope);
        int assignments = step.assignments;
        int chunks = workers.length == 1 ? 1 : Math.min(assignments, workers.length * 8);
        GrowingStore[] stores = new GrowingStore[chunks];
        int[] sizes = new int[assignments];
        AtomicInteger nextChunk = new AtomicInteger();
        if (chunks == 1) {
            workers[0].run(step, nextChunk, chunks, stores, sizes);
        } else {
            List<Future<?>> running = new ArrayList<>();
            for (Worker w : workers) {
                running.add(executor.submit(() -> w.run(step, nextChunk, chunks, stores, sizes)));
            }
            join(running);
        }
        int total = 0;
        int[] start = new int[assignments + 1];
        for (int a = 0; a < assignments; a++) {
            start[a + 1] = start[a] + sizes[a];
        }
        total = start[assignments];
        GrowingStore store = new GrowingStore(dims, parents.length, total);
        for (GrowingStore s : stores) {
            store.addAll(s);
        }
        Factor f = new Factor(scope, radix, start, store.vectors(), store.deficits(),
                knob, store.choices(), parents, store.parents(),
                step.coveredMin, step.coveredMax);
        if (TRACE) {
            int most = 0;
            for (int a = 0; a < assignments; a++) {
                most = Math.max(most, sizes[a]);
            }
            StringBuilder in = new StringBuilder();
            for (Factor p : parents) {
                in.append(p.entries()).append('/').append(p.assignments).append(' ');
            }
            System.err.printf(java.util.Locale.ROOT, "TRACE knob %d parents %d [%s] scope %d assignments %d entries %d"
                    + " most %d %.3f s (process CPU %.1f s)%n", knob, parents.length, in.toString().trim(),
                    scope.length, assignments, total, most, (System.nanoTime() - traceStart) / 1e9,
                    processCpuSeconds());
        }
        for (Worker w : workers) {
            w.shrink();
        }
        state.clearTransient();
        state.stored(f.bytes());
        for (Factor p : parents) {
            state.freed(p.forgetVectors());
        }
        return f;
    }

    /** The CPU time of the whole process so far, for the trace (NaN where the platform does not say). */
    private static double processCpuSeconds() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static void join(List<Future<?>> running) {
        RuntimeException failure = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** What every worker reads while building one factor. */
    private final class Step {
        final int knob;
        final Factor[] parents;
        final int[] scope;
        final int[] strides;
        final int assignments;
        final int choices;
        /** Per parent i: the least / most the leaves below parents 0..i contribute. */
        final double[][] covered;
        final double[][] coveredUp;
        final double[] coveredMin;
        final double[] coveredMax;

        Step(int knob, Factor[] parents, int[] scope) {
            this.knob = knob;
            this.parents = parents;
            this.scope = scope;
            this.strides = Factor.strides(scope, radix);
            this.assignments = Factor.assignments(scope, radix);
            this.choices = knob < 0 ? 1 : radix[knob];
            int m = parents.length;
            covered = new double[m][];
            coveredUp = new double[m][];
            coveredMin = new double[dims];
            coveredMax = new double[dims];
            for (int i = 0; i < m; i++) {
                for (int d = 0; d < dims; d++) {
                    coveredMin[d] = bounds.combine(d, coveredMin[d], parents[i].coveredMin[d]);
                    coveredMax[d] = bounds.combine(d, coveredMax[d], parents[i].coveredMax[d]);
                }
                covered[i] = coveredMin.clone();
                coveredUp[i] = coveredMax.clone();
            }
        }

        /** The deficit cap of every pass (the same for all: deficits do not compound, see {@link Candidates#filter}). */
        double cap() {
            return state.deficitCap();
        }
    }

    /** One thread's buffers; builds the entries of whole chunks of assignments. */
    private final class Worker {
        private final int id;
        private final Candidates current;
        private final Candidates next;
        private final Candidates union;
        private final int[] values;
        private final double[] sum;
        private int[] parentAssignment = new int[0];

        Worker(int id) {
            this.id = id;
            this.current = new Candidates(dimensions, radix.length);
            this.next = new Candidates(dimensions, radix.length);
            this.union = new Candidates(dimensions, radix.length);
            this.values = new int[radix.length];
            this.sum = new double[dims];
        }

        /** Drops buffers above 16 MB each, so that a large elimination's peak is not carried into the next. */
        void shrink() {
            current.shrink(16 << 20);
            next.shrink(16 << 20);
            union.shrink(16 << 20);
        }

        void run(Step step, AtomicInteger nextChunk, int chunks, GrowingStore[] stores, int[] sizes) {
            Factor[] parents = step.parents;
            int m = parents.length;
            if (parentAssignment.length < m) {
                parentAssignment = new int[m];
            }
            union.reset(parents, step.knob);
            current.reset(parents, step.knob);
            next.reset(parents, step.knob);
            long held = 0;
            for (int chunk = nextChunk.getAndIncrement(); chunk < chunks; chunk = nextChunk.getAndIncrement()) {
                int from = (int) ((long) chunk * step.assignments / chunks);
                int to = (int) ((long) (chunk + 1) * step.assignments / chunks);
                GrowingStore store = new GrowingStore(dims, m);
                for (int a = from; a < to; a++) {
                    build(step, a);
                    state.checkMemory(id, held + store.bytes() + union.bytes() + current.bytes() + next.bytes());
                    store.add(union);
                    sizes[a] = union.size;
                    state.noteFront(union.size);
                }
                held += store.bytes();
                stores[chunk] = store;
            }
        }

        /** The non-dominated vectors of assignment a of the new factor, into {@link #union}. */
        private void build(Step step, int a) {
            Factor[] parents = step.parents;
            int m = parents.length;
            for (int i = 0; i < step.scope.length; i++) {
                values[step.scope[i]] = (a / step.strides[i]) % radix[step.scope[i]];
            }
            union.clear();
            int unionKept = 0;
            for (int x = 0; x < step.choices; x++) {
                if (step.knob >= 0) {
                    values[step.knob] = x;
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
                sumInto(step, x);
                for (int c = 0; c < current.size; c++) {
                    union.copyFrom(current, c);
                }
                if (step.choices > 1 && union.size > flushAt(unionKept, union)) {
                    bounds.setSure(union, step.covered[m - 1], step.coveredUp[m - 1]);
                    union.filter(step.cap());
                    unionKept = union.size;
                }
            }
            if (step.choices > 1) {
                bounds.setSure(union, step.covered[m - 1], step.coveredUp[m - 1]);
                union.filter(step.cap());
            }
        }

        /** The non-dominated sums of one vector from each parent at its assignment, into {@link #current}. */
        private void sumInto(Step step, int x) {
            Factor[] parents = step.parents;
            int[] at = parentAssignment;
            current.clear();
            Factor first = parents[0];
            for (int e = first.start[at[0]]; e < first.start[at[0] + 1]; e++) {
                if (bounds.feasible(first.vectors, e * dims, step.covered[0], step.coveredUp[0])) {
                    int s = current.append(x);
                    System.arraycopy(first.vectors, e * dims, current.vec, s * dims, dims);
                    first.deficitsInto(e, current.def, s * dims, dims);
                    current.parent[s * parents.length] = e;
                }
            }
            for (int i = 1; i < parents.length && current.size > 0; i++) {
                Factor f = parents[i];
                int from = f.start[at[i]];
                int to = f.start[at[i] + 1];
                next.clear();
                int kept = 0;
                // vector by vector of f, so that the buffer is a run of sorted copies of the current front
                for (int e = from; e < to; e++) {
                    for (int c = 0; c < current.size; c++) {
                        for (int d = 0; d < dims; d++) {
                            sum[d] = bounds.combine(d, current.vec[c * dims + d], f.vectors[e * dims + d]);
                        }
                        if (!bounds.feasible(sum, 0, step.covered[i], step.coveredUp[i])) {
                            continue;
                        }
                        int s = next.copyFrom(current, c);
                        System.arraycopy(sum, 0, next.vec, s * dims, dims);
                        if (f.deficits != null) {
                            for (int d = 0; d < dims; d++) {
                                next.def[s * dims + d] = Candidates.roundUp(bounds.combine(d,
                                        next.def[s * dims + d], f.deficits[e * dims + d]));
                            }
                        }
                        next.parent[s * parents.length + i] = e;
                    }
                    if (to - from > 1 && next.size > flushAt(kept, next)) {
                        // filter as the sums grow, so the buffer stays within about twice the size of the front (the
                        // entries the last filter kept are settled: they ask only the new ones, see Candidates)
                        bounds.setSure(next, step.covered[i], step.coveredUp[i]);
                        next.filter(step.cap());
                        kept = next.size;
                        state.checkMemory(id, next.bytes() + current.bytes() + union.bytes());
                    }
                }
                if (to - from > 1) {
                    bounds.setSure(next, step.covered[i], step.coveredUp[i]);
                    next.filter(step.cap());
                }
                current.copyAll(next);
            }
            if (parents.length == 1 && current.size > 1) {
                bounds.setSure(current, step.covered[0], step.coveredUp[0]);
                current.filter(step.cap());
            }
        }

        /**
         * The size at which a buffer of which {@code kept} entries were already filtered is filtered again:
         * at twice that where the settled entries re-ask only the new ones (four keys and more), at four times
         * where every entry is asked again (the sweeps for two and three keys are cheap, the passes not).
         */
        private static int flushAt(int kept, Candidates buffer) {
            return Math.max(FLUSH_MIN, (buffer.settles() ? 2 : 4) * kept);
        }
    }
}
