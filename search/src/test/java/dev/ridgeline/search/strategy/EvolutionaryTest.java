package dev.ridgeline.search.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * NSGA-II against the exact fronts of the 15,625-point synthetic space. Hypervolumes use a reference
 * point 10% of the front's range beyond the exact front's worst value on each objective, so the measure
 * rewards reaching the front itself: random sampling of the same budget scores 0.80 to 0.94.
 */
class EvolutionaryTest {
    private static final long SEED = 42;
    private static final List<Objective> PARAMS_VS_LATENCY = List.of(
            new Objective(Metric.PARAMS, Goal.MAX), new Objective(Metric.LATENCY_SECONDS, Goal.MIN));
    private static final List<Objective> MACS_LATENCY_PEAK = List.of(
            new Objective(Metric.MACS, Goal.MAX), new Objective(Metric.LATENCY_SECONDS, Goal.MIN),
            new Objective(Metric.PEAK_ACTIVATION_BYTES, Goal.MIN));
    private static final List<Objective> MACS_VS_PEAK = List.of(
            new Objective(Metric.MACS, Goal.MAX), new Objective(Metric.PEAK_ACTIVATION_BYTES, Goal.MIN));

    private final SyntheticEvaluator evaluator = new SyntheticEvaluator();

    @Test
    void twoObjectivesReach95PercentOfTheExactHypervolumeIn2000Evaluations() {
        assertReaches(PARAMS_VS_LATENCY, PointFilter.ACCEPT_ALL, 2_000, 0.95);
    }

    @Test
    void threeObjectivesReach95PercentOfTheExactHypervolumeIn2000Evaluations() {
        assertReaches(MACS_LATENCY_PEAK, PointFilter.ACCEPT_ALL, 2_000, 0.95);
    }

    @Test
    void underALatencyBudgetReach95PercentOfTheFeasibleHypervolumeIn4000Evaluations() {
        assertReaches(MACS_VS_PEAK, latencyBudget(), 4_000, 0.95);
    }

    @Test
    void aSeedRepeatsTheRunOnAnyThreadCount() {
        List<Long> one = delivered(Evolutionary.withDefaults().withMaxEvaluations(1_000).withThreads(1));
        assertEquals(one, delivered(Evolutionary.withDefaults().withMaxEvaluations(1_000).withThreads(1)));
        assertEquals(one, delivered(Evolutionary.withDefaults().withMaxEvaluations(1_000).withThreads(3)));
        assertFalse(one.equals(delivered(Evolutionary.withDefaults().withMaxEvaluations(1_000).withSeed(2))));
    }

    @Test
    void everyEvaluationReachesTheSinkAndRunsWholeGenerations() {
        Evolutionary nsga = Evolutionary.withDefaults().withPopulationSize(20).withMaxEvaluations(250);
        assertEquals(260, nsga.evaluations());
        List<Long> seen = delivered(nsga);
        assertEquals(260, seen.size());
        assertEquals(260, seen.stream().distinct().count(), "children repeat no evaluated point");
    }

    @Test
    void infeasiblePointsNeverReachTheSink() {
        PointFilter budget = latencyBudget();
        List<double[]> metrics = new ArrayList<>();
        SearchOutcome<PointSink> outcome = Evolutionary.withDefaults().withMaxEvaluations(1_000)
                .run(evaluator, MACS_VS_PEAK, budget, (i, c, m) -> metrics.add(m.clone()));
        assertEquals(1_000, outcome.evaluated());
        assertEquals(metrics.size(), outcome.feasible());
        assertTrue(outcome.feasible() > 100 && outcome.feasible() < 1_000, outcome.toString());
        assertTrue(metrics.stream().allMatch(budget::feasible));
    }

    @Test
    void searchesASpaceTooLargeToNumber() {
        ToyEvaluator huge = ToyEvaluator.uniform(70, 2);
        List<Long> indices = new ArrayList<>();
        SearchOutcome<PointSink> outcome = Evolutionary.withDefaults().withMaxEvaluations(400)
                .run(huge, PARAMS_VS_LATENCY, PointFilter.ACCEPT_ALL, (i, c, m) -> indices.add(i));
        assertEquals(400, outcome.evaluated());
        assertTrue(indices.stream().allMatch(i -> i == -1));
        assertTrue(outcome.provenance().startsWith("evolutionary: NSGA-II (Ridgeline's"), outcome.provenance());
    }

    @Test
    void rejectsSettingsItCannotRun() {
        Evolutionary nsga = Evolutionary.withDefaults();
        PointSink none = (i, c, m) -> { };
        assertMessage("needs 2 to 4 objectives, got 1 ([min latencySeconds])", () -> nsga.run(evaluator,
                List.of(new Objective(Metric.LATENCY_SECONDS, Goal.MIN)), PointFilter.ACCEPT_ALL, none));
        List<Objective> five = Arrays.stream(Metric.values()).limit(5).map(m -> new Objective(m, Goal.MIN)).toList();
        assertMessage("got 5", () -> nsga.run(evaluator, five, PointFilter.ACCEPT_ALL, none));
        assertMessage("objective macs is listed twice", () -> nsga.run(evaluator,
                List.of(new Objective(Metric.MACS, Goal.MIN), new Objective(Metric.MACS, Goal.MAX)),
                PointFilter.ACCEPT_ALL, none));
        assertMessage("even number of at least 4, got 7", () -> nsga.withPopulationSize(7));
        assertMessage("max evaluations (50) must be at least the population size (100)",
                () -> nsga.withMaxEvaluations(50));
        assertMessage("crossover probability must be in [0, 1], got 1.5", () -> nsga.withCrossoverProbability(1.5));
    }

    private void assertReaches(List<Objective> objectives, PointFilter filter, int evaluations, double target) {
        BruteFront exact = Exhaustive.withDefaults().run(evaluator, filter, Shard.ALL,
                () -> new BruteFront(objectives), BruteFront::merge).sink();
        double[] reference = reference(exact.objectiveVectors());
        double exactVolume = Hypervolume.of(exact.objectiveVectors(), reference);

        // the filter is asked once per evaluation, so it counts them; the sink sees a generation at its end
        AtomicLong asked = new AtomicLong();
        PointFilter counting = new PointFilter() {
            @Override
            public boolean feasible(double[] metrics) {
                asked.incrementAndGet();
                return filter.feasible(metrics);
            }

            @Override
            public double violation(double[] metrics) {
                return filter.violation(metrics);
            }
        };
        BruteFront reached = new BruteFront(objectives);
        long[] firstAtTarget = {-1};
        long[] generationEnd = {0};
        SearchOutcome<PointSink> outcome = Evolutionary.withDefaults().withMaxEvaluations(evaluations).withSeed(SEED)
                .run(evaluator, objectives, counting, (i, c, m) -> {
                    if (asked.get() != generationEnd[0]) {
                        checkTarget(reached, reference, exactVolume * target, generationEnd[0], firstAtTarget);
                        generationEnd[0] = asked.get();
                    }
                    reached.accept(i, c, m);
                });
        checkTarget(reached, reference, exactVolume * target, generationEnd[0], firstAtTarget);
        assertEquals(evaluations, outcome.evaluated());
        double ratio = Hypervolume.of(reached.objectiveVectors(), reference) / exactVolume;

        BruteFront random = RandomSampling.of(evaluations, SEED).run(evaluator, filter,
                () -> new BruteFront(objectives), BruteFront::merge).sink();
        double randomRatio = Hypervolume.of(random.objectiveVectors(), reference) / exactVolume;
        System.out.printf(Locale.ROOT, "%d objectives, %s: NSGA-II (seed %d) %.4f, random %.4f of the exact"
                        + " hypervolume after %d evaluations; NSGA-II first reached %.0f%% after %d (front of %d)%n",
                objectives.size(), filter == PointFilter.ACCEPT_ALL ? "no budget" : "latency budget", SEED, ratio,
                randomRatio, evaluations, target * 100, firstAtTarget[0], exact.entries().size());
        assertTrue(ratio >= target, "NSGA-II reached " + ratio + " of the exact hypervolume");
        assertTrue(firstAtTarget[0] > 0 && firstAtTarget[0] <= evaluations);
        assertTrue(ratio > randomRatio, "NSGA-II " + ratio + " does no better than random " + randomRatio);
    }

    private static void checkTarget(BruteFront reached, double[] reference, double volume, long evaluated,
            long[] first) {
        if (first[0] < 0 && !reached.entries().isEmpty()
                && Hypervolume.of(reached.objectiveVectors(), reference) >= volume) {
            first[0] = evaluated;
        }
    }

    private static double[] reference(List<double[]> front) {
        int n = front.get(0).length;
        double[] reference = new double[n];
        for (int j = 0; j < n; j++) {
            int axis = j;
            double worst = front.stream().mapToDouble(v -> v[axis]).max().orElseThrow();
            double best = front.stream().mapToDouble(v -> v[axis]).min().orElseThrow();
            reference[j] = worst + 0.1 * (worst - best);
        }
        return reference;
    }

    /** Latency at most the 10th percentile of the space, violation the relative excess over it. */
    private PointFilter latencyBudget() {
        int[] c = new int[evaluator.space().knobCount()];
        double[] m = new double[Metric.COUNT];
        double[] latencies = new double[15_625];
        for (int i = 0; i < latencies.length; i++) {
            evaluator.space().decode(i, c);
            evaluator.evaluate(c, m);
            latencies[i] = m[Metric.LATENCY_SECONDS.ordinal()];
        }
        Arrays.sort(latencies);
        double limit = latencies[latencies.length / 10];
        int latency = Metric.LATENCY_SECONDS.ordinal();
        return new PointFilter() {
            @Override
            public boolean feasible(double[] metrics) {
                return metrics[latency] <= limit;
            }

            @Override
            public double violation(double[] metrics) {
                return Math.max(0, metrics[latency] / limit - 1);
            }
        };
    }

    private List<Long> delivered(Evolutionary nsga) {
        List<Long> indices = new ArrayList<>();
        nsga.run(evaluator, PARAMS_VS_LATENCY, PointFilter.ACCEPT_ALL, (i, c, m) -> indices.add(i));
        return indices;
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        String message = assertThrows(BadInputException.class, action).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
