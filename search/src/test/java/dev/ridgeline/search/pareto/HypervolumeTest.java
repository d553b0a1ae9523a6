package dev.ridgeline.search.pareto;

import static dev.ridgeline.search.eval.Metric.LATENCY_SECONDS;
import static dev.ridgeline.search.eval.Metric.MACS;
import static dev.ridgeline.search.eval.Metric.PARAMS;
import static dev.ridgeline.search.eval.Metric.PEAK_ACTIVATION_BYTES;
import static dev.ridgeline.search.eval.Metric.WEIGHT_BYTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.pareto.Offers.Offer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Hypervolume against hand-computed boxes and against counting the unit cells of an integer grid. */
class HypervolumeTest {
    private static final List<Metric> METRICS = List.of(LATENCY_SECONDS, PARAMS, PEAK_ACTIVATION_BYTES, WEIGHT_BYTES);

    /** All-minimized objectives over the first {@code d} of latency, params, peak activation, weight bytes. */
    private static List<Objective> minimized(int d) {
        return METRICS.subList(0, d).stream().map(m -> new Objective(m, Goal.MIN)).toList();
    }

    /** A point with {@code values} in the metrics of {@code objectives}, in their order. */
    private static ParetoPoint point(List<Objective> objectives, double... values) {
        double[] metrics = new double[Metric.COUNT];
        for (int k = 0; k < values.length; k++) {
            metrics[objectives.get(k).metric().ordinal()] = values[k];
        }
        return new ParetoPoint(metrics, new int[0]);
    }

    private static double hypervolume(List<Objective> objectives, double[] reference, double[]... points) {
        List<ParetoPoint> list = new ArrayList<>();
        for (double[] p : points) {
            list.add(point(objectives, p));
        }
        return ParetoArchive.hypervolume(list, objectives, reference);
    }

    @Example
    void aTwoDimensionalStaircaseIsTheSumOfItsSteps() {
        // boxes to (4, 4): 3x1 + 2x1 + 1x1 strips below (1,3), (2,2), (3,1)
        assertEquals(6, hypervolume(minimized(2), new double[] {4, 4}, new double[] {1, 3}, new double[] {2, 2},
                new double[] {3, 1}, new double[] {3, 3}));
    }

    @Example
    void aMaximizedObjectiveTakesTheReferenceAsALowerBound() {
        List<Objective> objectives = List.of(new Objective(LATENCY_SECONDS, Goal.MIN), new Objective(MACS, Goal.MAX));
        // (1, 3): [1,4]x[0,3] = 9; (2, 4): [2,4]x[0,4] = 8; overlap [2,4]x[0,3] = 6
        assertEquals(11, hypervolume(objectives, new double[] {4, 0}, new double[] {1, 3}, new double[] {2, 4}));
    }

    @Example
    void twoThreeDimensionalBoxesCountTheirOverlapOnce() {
        // (0,0,1): 2x2x1 = 4; (1,1,0): 1x1x2 = 2; overlap [1,2]^3 = 1
        assertEquals(5, hypervolume(minimized(3), new double[] {2, 2, 2}, new double[] {0, 0, 1},
                new double[] {1, 1, 0}));
        // unit offsets on each axis to (2,2,2): 3x4 - 3x2 + 1 by inclusion-exclusion
        assertEquals(7, hypervolume(minimized(3), new double[] {2, 2, 2}, new double[] {1, 0, 0},
                new double[] {0, 1, 0}, new double[] {0, 0, 1}));
    }

    @Example
    void fourDimensionalBoxesByInclusionExclusion() {
        assertEquals(24, hypervolume(minimized(4), new double[] {1, 2, 3, 4}, new double[] {0, 0, 0, 0}));
        // (0,0,0,1): 2x2x2x1 = 8; (1,1,1,0): 1x1x1x2 = 2; overlap [1,2]^4 = 1
        assertEquals(9, hypervolume(minimized(4), new double[] {2, 2, 2, 2}, new double[] {0, 0, 0, 1},
                new double[] {1, 1, 1, 0}));
    }

    @Example
    void pointsNotBetterThanTheReferenceInEveryObjectiveAddNothing() {
        assertEquals(0, hypervolume(minimized(3), new double[] {2, 2, 2}));
        assertEquals(0, hypervolume(minimized(3), new double[] {2, 2, 2}, new double[] {2, 0, 0},
                new double[] {0, 3, 0}));
        assertEquals(2, hypervolume(minimized(2), new double[] {2, 2}, new double[] {1, 0}, new double[] {0, 2}));
    }

    @Example
    void aReferencePointOfTheWrongLengthOrNaNIsRejected() {
        String length = assertThrows(IllegalArgumentException.class,
                () -> hypervolume(minimized(3), new double[] {1, 1})).getMessage();
        assertEquals("the reference point has 2 values for 3 objectives "
                + "[latencySeconds min, params min, peakActivationBytes min]", length);
        String nan = assertThrows(IllegalArgumentException.class,
                () -> hypervolume(minimized(2), new double[] {1, Double.NaN})).getMessage();
        assertEquals("the reference point is NaN for objective params", nan);
    }

    /**
     * Integer points in [0, side)^d and reference side in every oriented coordinate: the hypervolume is the
     * number of unit cells whose lower corner some point weakly dominates.
     */
    @Property(tries = 300)
    void equalsTheNumberOfDominatedCellsOfAnIntegerGrid(
            @ForAll Random random,
            @ForAll @IntRange(min = 2, max = 4) int dimensions,
            @ForAll @IntRange(min = 1, max = 7) int side,
            @ForAll @IntRange(min = 0, max = 40) int count) {
        List<Objective> objectives = Offers.objectives(random, dimensions);
        double[] reference = new double[dimensions];
        for (int k = 0; k < dimensions; k++) {
            reference[k] = objectives.get(k).goal() == Goal.MIN ? side : -side;
        }
        List<int[]> oriented = new ArrayList<>();
        List<ParetoPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] o = random.ints(dimensions, 0, side).toArray();
            double[] metrics = new double[Metric.COUNT];
            for (int k = 0; k < dimensions; k++) {
                metrics[objectives.get(k).metric().ordinal()] = objectives.get(k).goal() == Goal.MIN ? o[k] : -o[k];
            }
            oriented.add(o);
            points.add(new ParetoPoint(metrics, new int[] {i}));
        }
        long cells = 0;
        int[] cell = new int[dimensions];
        for (int c = 0; c < Math.pow(side, dimensions); c++) {
            for (int k = 0, rest = c; k < dimensions; k++, rest /= side) {
                cell[k] = rest % side;
            }
            boolean dominated = false;
            for (int[] o : oriented) {
                boolean below = true;
                for (int k = 0; k < dimensions && below; k++) {
                    below = o[k] <= cell[k];
                }
                dominated |= below;
            }
            cells += dominated ? 1 : 0;
        }
        assertEquals(cells, ParetoArchive.hypervolume(points, objectives, reference), () -> "objectives " + objectives);
    }

    @Property(tries = 200)
    void theFrontHasTheHypervolumeOfEveryPointOffered(
            @ForAll Random random,
            @ForAll @IntRange(min = 2, max = 4) int dimensions,
            @ForAll @IntRange(min = 1, max = 60) int offers,
            @ForAll @IntRange(min = 0, max = 6) int valueRange,
            @ForAll boolean tradeOff) {
        List<Objective> objectives = Offers.objectives(random, dimensions);
        List<Offer> stream = Offers.random(random, objectives, offers, offers, valueRange, tradeOff);
        double[] reference = new double[dimensions];
        for (int k = 0; k < dimensions; k++) {
            double worst = valueRange == 0 ? 1 : valueRange;
            reference[k] = objectives.get(k).goal() == Goal.MIN ? worst * dimensions : -worst * dimensions;
        }
        double all = ParetoArchive.hypervolume(stream.stream().map(Offer::point).toList(), objectives, reference);
        double front = ParetoArchive.hypervolume(Offers.archive(objectives, stream).front(), objectives, reference);
        assertEquals(all, front, 1e-9 * Math.max(1, all));
    }
}
