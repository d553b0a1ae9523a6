package dev.ridgeline.search.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.space.DesignSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ExhaustiveTest {
    private static final List<Objective> PARAMS_VS_LATENCY = List.of(
            new Objective(Metric.PARAMS, Goal.MAX), new Objective(Metric.LATENCY_SECONDS, Goal.MIN));

    @Property(tries = 200)
    void visitsEveryIndexExactlyOnceOnAnyThreadCount(
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 6) Integer> choices,
            @ForAll @IntRange(min = 1, max = 5) int threads, @ForAll @IntRange(min = 1, max = 60) int chunk) {
        ToyEvaluator evaluator = new ToyEvaluator(choices.stream().mapToInt(Integer::intValue).toArray());
        SearchOutcome<CountingSink> outcome = Exhaustive.withDefaults().withThreads(threads).withChunkPoints(chunk)
                .run(evaluator, PointFilter.ACCEPT_ALL, Shard.ALL, () -> new CountingSink(evaluator.space()),
                        CountingSink::merge);
        CountingSink sink = outcome.sink();
        for (int count : sink.counts()) {
            assertEquals(1, count);
        }
        assertEquals(0, sink.mismatches());
        assertTrue(sink.ascendingWithinEachWorker());
        assertEquals(sink.counts().length, outcome.evaluated());
        assertEquals(outcome.evaluated(), outcome.feasible());
    }

    @Property(tries = 100)
    void shardsOneToNTogetherVisitEveryIndexExactlyOnce(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 7) Integer> choices,
            @ForAll @IntRange(min = 1, max = 9) int shards, @ForAll @IntRange(min = 1, max = 4) int threads) {
        ToyEvaluator evaluator = new ToyEvaluator(choices.stream().mapToInt(Integer::intValue).toArray());
        CountingSink all = new CountingSink(evaluator.space());
        long evaluated = 0;
        for (int i = 1; i <= shards; i++) {
            SearchOutcome<CountingSink> outcome = Exhaustive.withDefaults().withThreads(threads).withChunkPoints(3)
                    .run(evaluator, PointFilter.ACCEPT_ALL, Shard.parse(i + "/" + shards),
                            () -> new CountingSink(evaluator.space()), CountingSink::merge);
            all.merge(outcome.sink());
            evaluated += outcome.evaluated();
        }
        for (int count : all.counts()) {
            assertEquals(1, count);
        }
        assertEquals(all.counts().length, evaluated);
    }

    @Test
    void frontIsTheSameOnEveryRunAndThreadCount() {
        SyntheticEvaluator evaluator = new SyntheticEvaluator();
        long[] reference = exhaustiveFront(evaluator, 1).indices();
        assertTrue(reference.length > 10, "a front of " + reference.length + " points is too easy");
        for (int threads : new int[] {1, 2, 3, 8}) {
            assertArrayEquals(reference, exhaustiveFront(evaluator, threads).indices(), threads + " threads");
        }
    }

    @Test
    void deliversOnlyFeasiblePoints() {
        ToyEvaluator evaluator = ToyEvaluator.uniform(4, 5);
        PointFilter budget = m -> m[Metric.PARAMS.ordinal()] <= 6;
        SearchOutcome<CountingSink> outcome = Exhaustive.withDefaults().withThreads(3).withChunkPoints(17)
                .run(evaluator, budget, Shard.ALL, () -> new CountingSink(evaluator.space()), CountingSink::merge);
        int[] c = new int[4];
        double[] m = new double[Metric.COUNT];
        long feasible = 0;
        for (int i = 0; i < 625; i++) {
            evaluator.space().decode(i, c);
            evaluator.evaluate(c, m);
            boolean ok = budget.feasible(m);
            feasible += ok ? 1 : 0;
            assertEquals(ok ? 1 : 0, outcome.sink().counts()[i], "index " + i);
        }
        assertEquals(625, outcome.evaluated());
        assertEquals(feasible, outcome.feasible());
    }

    @Test
    void refusesASpaceOverTheDefaultLimitAndSuggestsTheEvolutionaryStrategy() {
        ToyEvaluator huge = ToyEvaluator.uniform(10, 10);
        SpaceTooLargeException e = assertThrows(SpaceTooLargeException.class, () -> Exhaustive.withDefaults()
                .run(huge, PointFilter.ACCEPT_ALL, Shard.ALL, () -> (i, c, m) -> { }, (a, b) -> a));
        assertInstanceOf(BadInputException.class, e);
        assertEquals("the design space has 10,000,000,000 points, more than the exhaustive search limit of"
                + " 1,000,000,000; use the exact strategy (strategy: exact) for its Pareto front, the evolutionary"
                + " strategy (NSGA-II) or random sampling, split it over machines with --shard i/N, or raise the"
                + " limit", e.getMessage());
    }

    @Test
    void theLimitAppliesToTheShardBeingRun() {
        DesignSpace space = new SyntheticEvaluator().space();
        Exhaustive limited = Exhaustive.withDefaults().withMaxPoints(1000);
        String message = assertThrows(SpaceTooLargeException.class, () -> limited.checkSize(space, Shard.ALL))
                .getMessage();
        assertTrue(message.contains("15,625 points") && message.contains("limit of 1,000"), message);
        assertEquals(976, limited.checkSize(space, Shard.parse("1/16")));
        message = assertThrows(SpaceTooLargeException.class, () -> limited.checkSize(space, Shard.parse("2/8")))
                .getMessage();
        assertTrue(message.startsWith("shard 2/8 of the design space has 1,953 of its 15,625 points"), message);
    }

    @Test
    void refusesASpaceTooLargeToNumber() {
        DesignSpace space = ToyEvaluator.uniform(70, 2).space();
        String message = assertThrows(SpaceTooLargeException.class,
                () -> Exhaustive.withDefaults().withMaxPoints(Long.MAX_VALUE).checkSize(space, Shard.ALL))
                .getMessage();
        assertTrue(message.contains("1,180,591,620,717,411,303,424 points"), message);
    }

    @Test
    void reportsProgressAFewTimesASecondAndOnceComplete() {
        ToyEvaluator toy = ToyEvaluator.uniform(4, 8);
        PointEvaluator slow = new PointEvaluator() {
            @Override
            public DesignSpace space() {
                return toy.space();
            }

            @Override
            public void evaluate(int[] choices, double[] metrics) {
                LockSupport.parkNanos(300_000);
                toy.evaluate(choices, metrics);
            }
        };
        List<Progress> reports = new ArrayList<>();
        long start = System.nanoTime();
        Exhaustive.withDefaults().withThreads(2).withChunkPoints(64).withProgress(reports::add)
                .run(slow, PointFilter.ACCEPT_ALL, Shard.ALL, () -> (i, c, m) -> { }, (a, b) -> a);
        double seconds = (System.nanoTime() - start) / 1e9;
        Progress last = reports.get(reports.size() - 1);
        assertEquals(4096, last.done());
        assertEquals(4096, last.total());
        assertEquals(0.0, last.etaSeconds());
        assertTrue(last.pointsPerSecond() > 0);
        assertTrue(reports.size() >= 2, "expected a report before the end of a " + seconds + " s run");
        assertTrue(reports.size() <= seconds / 0.25 + 2, reports.size() + " reports in " + seconds + " s");
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i).done() >= reports.get(i - 1).done());
        }
        // each thread parks at least 2,048 x 0.3 ms, so some report falls midway, however busy the machine; what
        // is asserted is each report's consistency, not when it came
        assertTrue(reports.stream().anyMatch(p -> p.done() > 0 && p.done() < 4096), reports.toString());
        for (Progress p : reports) {
            if (p.done() == 4096) {
                assertEquals(0.0, p.etaSeconds(), p.toString());
            } else if (p.done() > 0) {
                assertTrue(p.etaSeconds() > 0 && Double.isFinite(p.etaSeconds()), p.toString());
            } else {
                assertTrue(Double.isNaN(p.etaSeconds()), "no rate yet: " + p);
            }
        }
    }

    @Test
    void aFailingEvaluatorStopsTheRunWithItsException() {
        ToyEvaluator toy = ToyEvaluator.uniform(5, 6);
        PointEvaluator failing = new PointEvaluator() {
            @Override
            public DesignSpace space() {
                return toy.space();
            }

            @Override
            public void evaluate(int[] choices, double[] metrics) {
                if (toy.space().encode(choices) == 5000) {
                    throw new IllegalStateException("cannot evaluate point 5000");
                }
                toy.evaluate(choices, metrics);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Exhaustive.withDefaults()
                .withThreads(3).withChunkPoints(100)
                .run(failing, PointFilter.ACCEPT_ALL, Shard.ALL, () -> (i, c, m) -> { }, (a, b) -> a));
        assertEquals("cannot evaluate point 5000", e.getMessage());
    }

    static BruteFront exhaustiveFront(PointEvaluator evaluator, int threads) {
        return Exhaustive.withDefaults().withThreads(threads).withChunkPoints(500)
                .run(evaluator, PointFilter.ACCEPT_ALL, Shard.ALL, () -> new BruteFront(PARAMS_VS_LATENCY),
                        BruteFront::merge).sink();
    }
}
