package dev.ridgeline.search.strategy;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.space.DesignSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * NSGA-II ({@link Nsga2}, over flat arrays), for spaces too large to enumerate. Each knob is an integer variable in
 * [0, choices - 1]; objectives are minimized as {@link Objective#minimized} orients them (a MAX goal
 * negated). An infeasible point is not dropped: it carries one violated constraint of size
 * {@link PointFilter#violation}, and constrained dominance ranks every feasible point above it and nearer
 * misses above farther ones. Every evaluated feasible point goes to the sink, in evaluation order, on the
 * calling thread; children that repeat an evaluated point are moved until new, so nearly every evaluation
 * is a new point. All randomness comes from one {@link SplittableRandom} seeded by {@link #seed()}, so a
 * seed repeats a run exactly on any thread count.
 */
public final class Evolutionary {
    public static final int DEFAULT_POPULATION_SIZE = 100;
    public static final int DEFAULT_MAX_EVALUATIONS = 25_000;
    public static final long DEFAULT_SEED = 1;
    public static final double DEFAULT_CROSSOVER_PROBABILITY = 0.9;

    private final int populationSize;
    private final int maxEvaluations;
    private final long seed;
    private final double crossoverProbability;
    private final double mutationProbability;
    private final int threads;
    private final ProgressListener progress;

    private Evolutionary(int populationSize, int maxEvaluations, long seed, double crossoverProbability,
            double mutationProbability, int threads, ProgressListener progress) {
        BadInputException.check(populationSize >= 4 && populationSize % 2 == 0,
                "population size must be an even number of at least 4, got %d", populationSize);
        BadInputException.check(maxEvaluations >= populationSize,
                "max evaluations (%d) must be at least the population size (%d)", maxEvaluations, populationSize);
        BadInputException.check(crossoverProbability >= 0 && crossoverProbability <= 1,
                "crossover probability must be in [0, 1], got %s", crossoverProbability);
        BadInputException.check(Double.isNaN(mutationProbability)
                        || (mutationProbability >= 0 && mutationProbability <= 1),
                "mutation probability must be in [0, 1], got %s", mutationProbability);
        BadInputException.check(threads >= 1, "threads must be at least 1, got %d", threads);
        this.populationSize = populationSize;
        this.maxEvaluations = maxEvaluations;
        this.seed = seed;
        this.crossoverProbability = crossoverProbability;
        this.mutationProbability = mutationProbability;
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * Population {@value #DEFAULT_POPULATION_SIZE}, {@value #DEFAULT_MAX_EVALUATIONS} evaluations, seed
     * {@value #DEFAULT_SEED}, crossover probability {@value #DEFAULT_CROSSOVER_PROBABILITY}, mutation
     * probability 1 / knobs per knob, all cores.
     */
    public static Evolutionary withDefaults() {
        return new Evolutionary(DEFAULT_POPULATION_SIZE, DEFAULT_MAX_EVALUATIONS, DEFAULT_SEED,
                DEFAULT_CROSSOVER_PROBABILITY, Double.NaN, Runtime.getRuntime().availableProcessors(),
                ProgressListener.NONE);
    }

    public Evolutionary withPopulationSize(int populationSize) {
        return new Evolutionary(populationSize, maxEvaluations, seed, crossoverProbability, mutationProbability,
                threads, progress);
    }

    /** Evaluations to stop after, rounded up to whole generations of {@link #populationSize()}. */
    public Evolutionary withMaxEvaluations(int maxEvaluations) {
        return new Evolutionary(populationSize, maxEvaluations, seed, crossoverProbability, mutationProbability,
                threads, progress);
    }

    public Evolutionary withSeed(long seed) {
        return new Evolutionary(populationSize, maxEvaluations, seed, crossoverProbability, mutationProbability,
                threads, progress);
    }

    public Evolutionary withCrossoverProbability(double p) {
        return new Evolutionary(populationSize, maxEvaluations, seed, p, mutationProbability, threads, progress);
    }

    /** The chance that each knob mutates; NaN means 1 / knobs. */
    public Evolutionary withMutationProbability(double p) {
        return new Evolutionary(populationSize, maxEvaluations, seed, crossoverProbability, p, threads, progress);
    }

    public Evolutionary withThreads(int threads) {
        return new Evolutionary(populationSize, maxEvaluations, seed, crossoverProbability, mutationProbability,
                threads, progress);
    }

    public Evolutionary withProgress(ProgressListener progress) {
        return new Evolutionary(populationSize, maxEvaluations, seed, crossoverProbability, mutationProbability,
                threads, progress);
    }

    public int populationSize() {
        return populationSize;
    }

    public int maxEvaluations() {
        return maxEvaluations;
    }

    public long seed() {
        return seed;
    }

    /** The evaluations a run makes: the first population plus whole generations up to the maximum. */
    public long evaluations() {
        long generations = (maxEvaluations - populationSize + populationSize - 1) / populationSize;
        return populationSize * (1 + generations);
    }

    /**
     * Runs NSGA-II and delivers every evaluated feasible point to {@code sink}, on the calling thread.
     *
     * @param objectives 2 to 4 objectives over distinct metrics
     */
    public <S extends PointSink> SearchOutcome<S> run(PointEvaluator evaluator, List<Objective> objectives,
            PointFilter filter, S sink) {
        checkObjectives(objectives);
        DesignSpace space = evaluator.space();
        BadInputException.check(space.knobCount() > 0, "the evolutionary strategy needs at least one knob");
        double pm = Double.isNaN(mutationProbability) ? 1.0 / space.knobCount() : mutationProbability;
        ProgressMeter meter = new ProgressMeter(progress, evaluations());
        Nsga2 nsga = new Nsga2(evaluator, objectives, filter, seed, populationSize, crossoverProbability, pm, threads);
        nsga.run(maxEvaluations, sink, meter);
        meter.finish();
        String provenance = String.format(Locale.ROOT,
                "evolutionary: NSGA-II (Ridgeline's, over flat arrays), population %d, %d evaluations, seed %d, "
                        + "uniform crossover p=%s, knob mutation p=%s, distinct children, objectives %s",
                populationSize, nsga.evaluated, seed, crossoverProbability, pm, describe(objectives));
        return new SearchOutcome<>(sink, nsga.evaluated, nsga.feasibleCount, meter.elapsedSeconds(), provenance);
    }

    private static void checkObjectives(List<Objective> objectives) {
        BadInputException.check(objectives.size() >= 2 && objectives.size() <= 4,
                "the evolutionary strategy needs 2 to 4 objectives, got %d (%s)", objectives.size(),
                describe(objectives));
        Set<Metric> seen = new HashSet<>();
        for (Objective o : objectives) {
            BadInputException.check(seen.add(o.metric()), "objective %s is listed twice in %s",
                    o.metric().id(), describe(objectives));
        }
    }

    private static String describe(List<Objective> objectives) {
        return objectives.stream().map(o -> o.goal().id() + " " + o.metric().id())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
