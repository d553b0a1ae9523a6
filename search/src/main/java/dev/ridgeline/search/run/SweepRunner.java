package dev.ridgeline.search.run;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.accuracy.AccuracyPredictor;
import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.eval.WholeDesignLatency;
import dev.ridgeline.search.exact.ExactSolver;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.StrategySpec;
import dev.ridgeline.search.pareto.ParetoArchive;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.strategy.Evolutionary;
import dev.ridgeline.search.strategy.Exhaustive;
import dev.ridgeline.search.strategy.PointSink;
import dev.ridgeline.search.strategy.ProgressListener;
import dev.ridgeline.search.strategy.RandomSampling;
import dev.ridgeline.search.strategy.SearchOutcome;
import dev.ridgeline.search.strategy.Shard;
import dev.ridgeline.search.strategy.SpaceTooLargeException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a job: resolves its space, compiles the evaluator, explores with the job's strategy, keeps the
 * Pareto front of the points that meet the budgets (one archive per worker, merged), and, when nothing
 * meets them, the point that came closest.
 */
public final class SweepRunner {
    /** Points --all-points may record at most (they are kept in memory to be written in order). */
    public static final long MAX_RECORDED_POINTS = 5_000_000;

    private SweepRunner() {
    }

    public static SweepResult run(Job job, Shard shard, boolean allPoints, int threads, ProgressListener progress) {
        ResolvedSpace space = job.resolveSpace();
        check(job, space, shard, allPoints);
        Optional<AccuracyPredictor> accuracy = job.accuracy().map(a -> a.fit(space));
        boolean wholeDesigns = WholeDesignLatency.needed(job.setup());
        CompiledEvaluator plain = EvaluatorCompiler.compile(space, wholeDesigns
                ? WholeDesignLatency.withoutWeightCache(job.setup()) : job.setup());
        CompiledEvaluator compiled = accuracy.map(plain::withAccuracy).orElse(plain);
        BudgetFilter filter = new BudgetFilter(job.budgets());
        if (job.strategy() instanceof StrategySpec.Exact exact) {
            return ExactRun.run(job, space, compiled, exact, threads, progress);
        }
        // on a device that keeps weights on chip, latency is timed over each whole design
        PointEvaluator full = wholeDesigns ? WholeDesignLatency.of(space, job.setup(), compiled) : compiled;
        StrategySpec strategy = job.strategy();
        // the evolutionary strategy and --all-points see every point through an observer; the exhaustive and
        // random walks track their nearest miss in the sink and skip peak memory when nothing asks for it
        boolean observe = allPoints || strategy instanceof StrategySpec.Evolutionary;
        boolean lean = !allPoints && !usesPeakMemory(job);
        PointEvaluator measure = !lean ? full : wholeDesigns
                ? WholeDesignLatency.of(space, job.setup(), compiled).withoutPeakMemory() : compiled.withoutPeakMemory();
        ObservedEvaluator observed = observe ? new ObservedEvaluator(measure, filter, allPoints) : null;
        PointEvaluator walk = observe ? observed : measure;
        SearchOutcome<ArchiveSink> outcome;
        if (strategy instanceof StrategySpec.Exhaustive e) {
            outcome = Exhaustive.withDefaults().withThreads(threads).withMaxPoints(e.limit()).withProgress(progress)
                    .run(walk, filter, shard, () -> new ArchiveSink(job, filter), ArchiveSink::merge);
        } else if (strategy instanceof StrategySpec.Random r) {
            outcome = RandomSampling.of(r.count(), r.seed()).withThreads(threads).withProgress(progress)
                    .run(walk, filter, () -> new ArchiveSink(job, filter), ArchiveSink::merge);
        } else {
            StrategySpec.Evolutionary ev = (StrategySpec.Evolutionary) strategy;
            outcome = Evolutionary.withDefaults().withPopulationSize(ev.population())
                    .withMaxEvaluations(Math.toIntExact(ev.evaluations())).withSeed(ev.seed()).withThreads(threads)
                    .withProgress(progress).run(walk, job.objectives(), filter, new ArchiveSink(job, filter));
        }
        Optional<ParetoPoint> closest = outcome.feasible() > 0 ? Optional.empty()
                : observe ? closest(observed.observers()) : outcome.sink().closest();
        Optional<RecordedPoints> points = allPoints ? Optional.of(recorded(observed.observers(),
                space.space().knobCount(), space)) : Optional.empty();
        List<ParetoPoint> front = outcome.sink().archive.front();
        if (lean) {
            // the walk left peak memory out: measure the few points that are reported in full
            front = front.stream().map(p -> complete(full, p)).toList();
            closest = closest.map(p -> complete(full, p));
        }
        return new SweepResult(job, space, shard, outcome.evaluated(), outcome.feasible(), front,
                outcome.elapsedSeconds(), closest, points, outcome.provenance(), job.baseMetrics(), Map.of(), accuracy);
    }

    /**
     * Refuses, before any work, a run the job and the flags cannot make: a space over the exhaustive limit
     * (at the limit's line in the job), --shard with a strategy that needs the whole space, --all-points
     * over what it can keep.
     */
    public static void check(Job job, ResolvedSpace space, Shard shard, boolean allPoints) {
        StrategySpec strategy = job.strategy();
        if (strategy instanceof StrategySpec.Exhaustive e) {
            try {
                Exhaustive.withDefaults().withMaxPoints(e.limit()).checkSize(space.space(), shard);
            } catch (SpaceTooLargeException tooLarge) {
                String where = e.where().isEmpty() ? job.source() + ": with the default exhaustive strategy"
                        : e.where() + ": field 'limit' of the exhaustive strategy";
                throw new BadInputException(where + ": " + tooLarge.getMessage()
                        + " (strategy: {type: exhaustive, limit: N})", tooLarge);
            }
        } else if (strategy instanceof StrategySpec.Exact) {
            if (WholeDesignLatency.needed(job.setup())) {
                throw new BadInputException(job.source() + ": " + WholeDesignLatency.refusal(job.setup()));
            }
            requireWholeSpace(shard, "exact");
            ExactSolver.checkKnobs(space.space(), job.source());
            if (allPoints) {
                throw new BadInputException("--all-points records evaluated points; the exact strategy evaluates "
                        + "only the designs on its front (drop --all-points)");
            }
        } else {
            requireWholeSpace(shard, strategy instanceof StrategySpec.Random ? "random" : "evolutionary");
        }
        long planned = planned(strategy, space, shard);
        if (allPoints && planned > MAX_RECORDED_POINTS) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: --all-points would record %,d points, "
                    + "more than the %,d it keeps; drop --all-points, shrink the space, or split it with --shard",
                    job.source(), planned, MAX_RECORDED_POINTS));
        }
    }

    private static boolean usesPeakMemory(Job job) {
        return job.objectives().stream().anyMatch(o -> o.metric() == Metric.PEAK_ACTIVATION_BYTES)
                || job.budgets().stream().anyMatch(b -> b.metric() == Metric.PEAK_ACTIVATION_BYTES);
    }

    private static ParetoPoint complete(PointEvaluator compiled, ParetoPoint p) {
        double[] metrics = new double[Metric.COUNT];
        compiled.evaluate(p.choices(), metrics);
        return new ParetoPoint(metrics, p.choices());
    }

    private static long planned(StrategySpec strategy, ResolvedSpace space, Shard shard) {
        if (strategy instanceof StrategySpec.Random r) {
            return r.count();
        }
        if (strategy instanceof StrategySpec.Evolutionary ev) {
            return ev.evaluations();
        }
        if (strategy instanceof StrategySpec.Exact) {
            return 0;
        }
        return shard.points(space.space().size()).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    private static void requireWholeSpace(Shard shard, String strategy) {
        if (!shard.equals(Shard.ALL)) {
            throw new BadInputException("--shard splits exhaustive sweeps; the " + strategy
                    + " strategy runs on the whole space");
        }
    }

    /** Among every thread's nearest miss, the nearest (ties: the smallest choices). */
    private static Optional<ParetoPoint> closest(List<Observer> observers) {
        return observers.stream().filter(o -> o.closestChoices() != null)
                .min(Comparator.comparingDouble(Observer::closestExcess)
                        .thenComparing(Observer::closestChoices, Arrays::compare))
                .map(o -> new ParetoPoint(o.closestMetrics(), o.closestChoices()));
    }

    /** Every recorded point in index order (the order of their choices, the last knob fastest). */
    private static RecordedPoints recorded(List<Observer> observers, int knobs, ResolvedSpace space) {
        List<int[]> refs = new ArrayList<>();
        for (int o = 0; o < observers.size(); o++) {
            for (int r = 0; r < observers.get(o).rows(); r++) {
                refs.add(new int[] {o, r});
            }
        }
        Comparator<int[]> byChoices = (a, b) -> Arrays.compare(observers.get(a[0]).choices(), a[1] * knobs,
                (a[1] + 1) * knobs, observers.get(b[0]).choices(), b[1] * knobs, (b[1] + 1) * knobs);
        refs.sort(byChoices);
        int n = refs.size();
        long[] index = new long[n];
        int[] choices = new int[n * knobs];
        double[] metrics = new double[n * Metric.COUNT];
        boolean[] feasible = new boolean[n];
        boolean indexable = space.space().indexable();
        int[] point = new int[knobs];
        for (int i = 0; i < n; i++) {
            Observer o = observers.get(refs.get(i)[0]);
            int r = refs.get(i)[1];
            System.arraycopy(o.choices(), r * knobs, choices, i * knobs, knobs);
            System.arraycopy(o.metrics(), r * Metric.COUNT, metrics, i * Metric.COUNT, Metric.COUNT);
            feasible[i] = o.feasible()[r];
            System.arraycopy(o.choices(), r * knobs, point, 0, knobs);
            index[i] = indexable ? space.space().encode(point) : -1;
        }
        return new RecordedPoints(knobs, index, choices, metrics, feasible);
    }

    /** A worker's archive of feasible points, and the infeasible point nearest to the budgets. */
    private static final class ArchiveSink implements PointSink {
        private final ParetoArchive archive;
        private final BudgetFilter filter;
        private double closestExcess = Double.POSITIVE_INFINITY;
        private ParetoPoint closest;

        ArchiveSink(Job job, BudgetFilter filter) {
            this.archive = new ParetoArchive(job.objectives());
            this.filter = filter;
        }

        @Override
        public void accept(long index, int[] choices, double[] metrics) {
            archive.offer(metrics, choices);
        }

        @Override
        public void reject(long index, int[] choices, double[] metrics) {
            double excess = filter.violation(metrics);
            if (excess < closestExcess || (excess == closestExcess && Arrays.compare(choices, closest.choices()) < 0)) {
                closestExcess = excess;
                closest = new ParetoPoint(metrics, choices);
            }
        }

        Optional<ParetoPoint> closest() {
            return Optional.ofNullable(closest);
        }

        static ArchiveSink merge(ArchiveSink a, ArchiveSink b) {
            a.archive.merge(b.archive);
            if (b.closest != null && (a.closest == null || b.closestExcess < a.closestExcess
                    || (b.closestExcess == a.closestExcess && Arrays.compare(b.closest.choices(), a.closest.choices()) < 0))) {
                a.closest = b.closest;
                a.closestExcess = b.closestExcess;
            }
            return a;
        }
    }
}
