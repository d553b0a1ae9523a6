package dev.ridgeline.search.pareto;

import static dev.ridgeline.search.eval.Metric.LATENCY_SECONDS;
import static dev.ridgeline.search.eval.Metric.MACS;
import static dev.ridgeline.search.eval.Metric.PARAMS;
import static dev.ridgeline.search.eval.Metric.PEAK_ACTIVATION_BYTES;
import static dev.ridgeline.search.eval.Metric.WEIGHT_BYTES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The archive's contract on hand-made points: validation, ties, duplicates, order, copies, merging, memory. */
class ParetoArchiveTest {
    private static final List<Objective> LATENCY_PARAMS =
            List.of(new Objective(LATENCY_SECONDS, Goal.MIN), new Objective(PARAMS, Goal.MIN));
    private static final List<Objective> LATENCY_PARAMS_PEAK = List.of(new Objective(LATENCY_SECONDS, Goal.MIN),
            new Objective(PARAMS, Goal.MIN), new Objective(PEAK_ACTIVATION_BYTES, Goal.MIN));

    /** Metrics with the given values for latency, params and peak activation bytes (the rest 0). */
    private static double[] m(double latency, double params, double peak) {
        double[] metrics = new double[Metric.COUNT];
        metrics[LATENCY_SECONDS.ordinal()] = latency;
        metrics[PARAMS.ordinal()] = params;
        metrics[PEAK_ACTIVATION_BYTES.ordinal()] = peak;
        return metrics;
    }

    private static double[] m(double latency, double params) {
        return m(latency, params, 0);
    }

    private static List<List<Integer>> choicesOf(ParetoArchive archive) {
        return archive.front().stream().map(p -> java.util.Arrays.stream(p.choices()).boxed().toList()).toList();
    }

    @Test
    void fewerThanTwoOrMoreThanFourObjectivesAreRejectedWithTheCount() {
        String one = assertThrows(IllegalArgumentException.class,
                () -> new ParetoArchive(LATENCY_PARAMS.subList(0, 1))).getMessage();
        assertEquals("a Pareto archive takes 2 to 4 objectives, got 1: [latencySeconds min]", one);
        List<Objective> five = List.of(new Objective(LATENCY_SECONDS, Goal.MIN), new Objective(PARAMS, Goal.MIN),
                new Objective(MACS, Goal.MAX), new Objective(PEAK_ACTIVATION_BYTES, Goal.MIN),
                new Objective(WEIGHT_BYTES, Goal.MIN));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ParetoArchive(five)).getMessage()
                .startsWith("a Pareto archive takes 2 to 4 objectives, got 5: "));
    }

    @Test
    void aMetricInTwoObjectivesIsRejected() {
        String message = assertThrows(IllegalArgumentException.class, () -> new ParetoArchive(
                List.of(new Objective(PARAMS, Goal.MIN), new Objective(PARAMS, Goal.MAX)))).getMessage();
        assertEquals("metric params appears in more than one objective: [params min, params max]", message);
    }

    @Test
    void aNaNObjectiveIsRejectedNamingTheMetricAndPointButOtherMetricsMayBeNaN() {
        ParetoArchive archive = new ParetoArchive(LATENCY_PARAMS);
        String message = assertThrows(IllegalArgumentException.class,
                () -> archive.offer(m(Double.NaN, 3), new int[] {1, 2})).getMessage();
        assertTrue(message.startsWith("objective latencySeconds is NaN at point [1, 2]"), message);
        assertTrue(archive.offer(m(1, 3, Double.NaN), new int[] {0}), "peak activation is not an objective");
        assertEquals(1, archive.size());
    }

    @Test
    void metricsOfTheWrongLengthAreRejected() {
        ParetoArchive archive = new ParetoArchive(LATENCY_PARAMS);
        String message = assertThrows(IllegalArgumentException.class,
                () -> archive.offer(new double[2], new int[0])).getMessage();
        assertTrue(message.startsWith("a point has " + Metric.COUNT + " metrics (params, macs,"), message);
    }

    @Test
    void keptPointsAreCopiesSoTheCallerMayReuseItsArrays() {
        // in two objectives (a treap) and three (a sorted table), for a new point and for a smaller-choices
        // representative of an objective vector already kept: the caller's arrays are overwritten after each offer
        for (List<Objective> objectives : List.of(LATENCY_PARAMS, LATENCY_PARAMS_PEAK)) {
            ParetoArchive archive = new ParetoArchive(objectives);
            double[] metrics = m(1, 2, 3);
            int[] choices = {3, 4};
            assertTrue(archive.offer(metrics, choices));
            metrics[LATENCY_SECONDS.ordinal()] = 9;
            choices[0] = 9;
            assertArrayEquals(m(1, 2, 3), archive.front().get(0).metrics());
            assertArrayEquals(new int[] {3, 4}, archive.front().get(0).choices());

            double[] same = m(1, 2, 3);
            int[] smaller = {2, 4};
            assertTrue(archive.offer(same, smaller), "smaller choices replace the representative");
            same[PARAMS.ordinal()] = 0;
            smaller[1] = 0;
            assertEquals(List.of(new ParetoPoint(m(1, 2, 3), new int[] {2, 4})), archive.front(), objectives::toString);
        }
    }

    @Test
    void anArchiveNamesItsObjectivesAndAPointItsMetricsAndChoices() {
        ParetoArchive archive = new ParetoArchive(LATENCY_PARAMS);
        assertEquals(LATENCY_PARAMS, archive.objectives());
        archive.offer(m(1, 2), new int[] {3});
        ParetoPoint p = archive.front().get(0);
        assertEquals(2, p.metric(PARAMS));
        assertEquals(1, p.metric(LATENCY_SECONDS));
        assertTrue(p.toString().contains("choices=[3]"), p.toString());
        assertTrue(archive.toString().contains("1 point"), archive.toString());
        assertEquals(new ParetoPoint(m(1, 2), new int[] {3}), p);
        assertEquals(new ParetoPoint(m(1, 2), new int[] {3}).hashCode(), p.hashCode());
        assertFalse(p.equals(new ParetoPoint(m(1, 2), new int[] {4})), "other choices");
        assertFalse(p.equals(new ParetoPoint(m(1, 3), new int[] {3})), "other metrics");
        assertFalse(p.equals(List.of(3)), "not a point");
    }

    @Test
    void equalObjectiveValuesKeepTheSmallestChoicesWhateverTheOrder() {
        for (List<Objective> objectives : List.of(LATENCY_PARAMS, LATENCY_PARAMS_PEAK)) {
            ParetoArchive forward = new ParetoArchive(objectives);
            assertTrue(forward.offer(m(1, 2, 3), new int[] {2, 0}));
            assertTrue(forward.offer(m(1, 2, 3), new int[] {1, 5}), "smaller choices replace the representative");
            assertFalse(forward.offer(m(1, 2, 3), new int[] {1, 5, 0}), "a longer array with the same prefix is larger");
            assertFalse(forward.offer(m(1, 2, 3), new int[] {1, 5}), "the same point again is not news");
            ParetoArchive backward = new ParetoArchive(objectives);
            assertTrue(backward.offer(m(1, 2, 3), new int[] {1, 5}));
            assertFalse(backward.offer(m(1, 2, 3), new int[] {2, 0}));
            assertEquals(List.of(List.of(1, 5)), choicesOf(forward));
            assertEquals(forward.front(), backward.front());
        }
    }

    @Test
    void aTieInTheFirstObjectiveIsSettledByTheSecond() {
        ParetoArchive archive = new ParetoArchive(LATENCY_PARAMS);
        assertTrue(archive.offer(m(1, 2), new int[] {0}));
        assertTrue(archive.offer(m(1, 1), new int[] {1}));
        assertFalse(archive.offer(m(1, 2), new int[] {2}));
        assertFalse(archive.offer(m(2, 1), new int[] {3}), "a tie in the second objective, worse in the first");
        assertEquals(List.of(List.of(1)), choicesOf(archive));
    }

    @Test
    void negativeZeroEqualsZero() {
        ParetoArchive archive = new ParetoArchive(LATENCY_PARAMS);
        assertTrue(archive.offer(m(0.0, 1), new int[] {1}));
        assertTrue(archive.offer(m(-0.0, 1), new int[] {0}), "a duplicate with smaller choices");
        assertEquals(1, archive.size());
    }

    @Test
    void aMaximizedObjectivePrefersLargeValuesAndTheFrontListsTheBestFirst() {
        ParetoArchive archive = new ParetoArchive(
                List.of(new Objective(MACS, Goal.MAX), new Objective(LATENCY_SECONDS, Goal.MIN)));
        double[][] points = {{4e9, 3e-3}, {1e9, 1e-3}, {2e9, 1e-3}, {4e9, 2e-3}, {3e9, 5e-3}};
        for (int i = 0; i < points.length; i++) {
            double[] metrics = new double[Metric.COUNT];
            metrics[MACS.ordinal()] = points[i][0];
            metrics[LATENCY_SECONDS.ordinal()] = points[i][1];
            archive.offer(metrics, new int[] {i});
        }
        assertEquals(List.of(List.of(3), List.of(2)), choicesOf(archive), "most MACs first");
    }

    @Test
    void theFrontIsSortedByEachObjectiveInTurn() {
        ParetoArchive archive = new ParetoArchive(LATENCY_PARAMS_PEAK);
        archive.offer(m(2, 1, 1), new int[] {0});
        archive.offer(m(1, 3, 1), new int[] {1});
        archive.offer(m(1, 2, 2), new int[] {2});
        archive.offer(m(1, 2, 3), new int[] {3});
        archive.offer(m(2, 0, 5), new int[] {4});
        assertEquals(List.of(List.of(2), List.of(1), List.of(4), List.of(0)), choicesOf(archive));
    }

    @Test
    void mergeNeedsTheSameObjectivesInTheSameOrder() {
        ParetoArchive a = new ParetoArchive(LATENCY_PARAMS);
        ParetoArchive b = new ParetoArchive(List.of(LATENCY_PARAMS.get(1), LATENCY_PARAMS.get(0)));
        String message = assertThrows(IllegalArgumentException.class, () -> a.merge(b)).getMessage();
        assertEquals("cannot merge an archive over [params min, latencySeconds min] into one over "
                + "[latencySeconds min, params min]", message);
    }

    @Test
    void mergingAnArchiveIntoItselfChangesNothing() {
        ParetoArchive archive = new ParetoArchive(LATENCY_PARAMS);
        archive.offer(m(1, 2), new int[] {0});
        archive.offer(m(2, 1), new int[] {1});
        List<ParetoPoint> before = archive.front();
        archive.merge(archive);
        assertEquals(before, archive.front());
    }

    @Test
    void aLongTwoDimensionalFrontOfferedWorstFirstStaysExact() {
        // every point enters and the later ones enter at the low end: the case a sorted array would shift for
        ParetoArchive archive = new ParetoArchive(LATENCY_PARAMS);
        int n = 200_000;
        for (int i = n - 1; i >= 0; i--) {
            assertTrue(archive.offer(m(i, n - i), new int[] {i}));
        }
        assertEquals(n, archive.size());
        assertTrue(archive.offer(m(-1, 0), new int[] {-1}), "one point that dominates all");
        assertEquals(1, archive.size());
    }

    @Test
    void aMillionDominatedOffersLeaveTheFrontUnchangedAndAllocateNothing() {
        for (List<Objective> objectives : List.of(LATENCY_PARAMS, LATENCY_PARAMS_PEAK)) {
            ParetoArchive archive = new ParetoArchive(objectives);
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 200; i++) {
                archive.offer(m(i / 200.0, 1 - i / 200.0, random.nextDouble()), new int[] {i});
            }
            int size = archive.size();
            List<ParetoPoint> before = archive.front();
            double[] metrics = new double[Metric.COUNT];
            int[] choices = {0, 0, 0};
            long allocatedBefore = allocatedBytes();
            for (int i = 0; i < 1_000_000; i++) {
                double x = random.nextDouble();
                metrics[LATENCY_SECONDS.ordinal()] = x;
                // the front point at or left of x is better in params by at least 0.001
                metrics[PARAMS.ordinal()] = 1.001 - Math.floor(x * 200) / 200 + random.nextDouble();
                metrics[PEAK_ACTIVATION_BYTES.ordinal()] = 1;
                choices[2] = i;
                if (archive.offer(metrics, choices)) {
                    throw new AssertionError("a dominated point entered: " + java.util.Arrays.toString(metrics));
                }
            }
            long allocated = allocatedBytes() - allocatedBefore;
            assertEquals(size, archive.size());
            assertEquals(before, archive.front());
            if (allocatedBefore >= 0) {
                // one byte per offer would be a megabyte; the slack covers the measurement itself
                assertTrue(allocated < 64 * 1024, () -> allocated + " bytes allocated by 1,000,000 rejected offers");
            }
        }
    }

    /** Bytes this thread has allocated, or -1 where the JVM cannot tell. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
