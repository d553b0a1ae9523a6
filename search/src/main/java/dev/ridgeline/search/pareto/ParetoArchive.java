package dev.ridgeline.search.pareto;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The exact Pareto front of the points offered so far, for 2 to 4 objectives; it holds only the front, so
 * its memory grows with the front and not with the points seen.
 *
 * <p>A point dominates another when it is no worse in every objective (compared on
 * {@link Objective#minimized}) and strictly better in at least one. Points with identical objective values
 * are duplicates: the archive keeps one, the one whose choices are lexicographically smallest
 * ({@link Arrays#compare(int[], int[])}), so the front depends only on the set of points offered, not on
 * their order or on how they were split between archives. (A point offered twice with equal choices is
 * the same point and the first copy stays.) Values compare with {@code <} and {@code ==}, so -0.0 equals
 * 0.0; infinities are ordinary values; NaN in an objective is rejected. Metrics that are not objectives are
 * carried along unchecked.
 *
 * <p>Cost: with two objectives the front is a balanced tree keyed by the first objective, so an offer is
 * O(log h) for a front of h points and n offers O(n log n). With three or four it is a flat array sorted
 * by the first objective, and an offer scans the rows that can dominate it, skipping blocks of rows that
 * cannot: O(h) at worst, and O(h) to enter (see {@code FrontND}).
 * An offer that does not enter the front allocates nothing; one that does copies the metrics and choices.
 *
 * <p>Not thread-safe: give each thread (or shard) its own archive and {@link #merge} them at the end; the
 * result equals that of one archive offered every point.
 */
public final class ParetoArchive {
    public static final int MIN_OBJECTIVES = 2;
    public static final int MAX_OBJECTIVES = 4;

    private final List<Objective> objectives;
    private final Objective[] objectiveArray;
    /** Scratch for the oriented values of the point being offered. */
    private final double[] oriented;
    private final Front front;

    /**
     * @param objectives 2 to 4 objectives on distinct metrics; their order sets the order of {@link #front()}
     */
    public ParetoArchive(List<Objective> objectives) {
        this.objectives = List.copyOf(objectives);
        int d = this.objectives.size();
        if (d < MIN_OBJECTIVES || d > MAX_OBJECTIVES) {
            throw new IllegalArgumentException("a Pareto archive takes " + MIN_OBJECTIVES + " to " + MAX_OBJECTIVES
                    + " objectives, got " + d + ": " + describe(this.objectives));
        }
        Set<Metric> seen = new HashSet<>();
        for (Objective o : this.objectives) {
            if (!seen.add(o.metric())) {
                throw new IllegalArgumentException("metric " + o.metric().id() + " appears in more than one objective: "
                        + describe(this.objectives));
            }
        }
        this.objectiveArray = this.objectives.toArray(new Objective[0]);
        this.oriented = new double[d];
        this.front = d == 2 ? new Front2D() : new FrontND(d);
    }

    public List<Objective> objectives() {
        return objectives;
    }

    /**
     * Offers one evaluated point.
     *
     * @param metrics every metric of the point, indexed by {@link Metric#ordinal()}; copied if kept
     * @param choices the point's choice per knob; copied if kept
     * @return true if the point entered the front (it may later be dropped by a point that dominates it)
     * @throws IllegalArgumentException if {@code metrics} is not {@link Metric#COUNT} long or an objective is NaN
     */
    public boolean offer(double[] metrics, int[] choices) {
        orient(metrics, choices);
        return front.offer(oriented, metrics, choices, true);
    }

    /**
     * Offers every point of {@code other}, which is left unchanged; afterwards this archive holds the front
     * of all points offered to either.
     *
     * @throws IllegalArgumentException if the archives have different objectives (or a different order)
     */
    public void merge(ParetoArchive other) {
        if (!objectives.equals(other.objectives)) {
            throw new IllegalArgumentException("cannot merge an archive over " + describe(other.objectives)
                    + " into one over " + describe(objectives));
        }
        if (other != this) {
            // kept arrays are never written, so the two archives may share them
            other.front.forEach((metrics, choices) -> {
                orient(metrics, choices);
                front.offer(oriented, metrics, choices, false);
            });
        }
    }

    /** The number of points on the front. */
    public int size() {
        return front.size();
    }

    /**
     * The front, best first by the first objective, ties by the second, and so on (no two points have
     * equal objective values).
     */
    public List<ParetoPoint> front() {
        List<ParetoPoint> points = new ArrayList<>(front.size());
        front.forEach((metrics, choices) -> points.add(new ParetoPoint(metrics, choices)));
        points.sort(orientedOrder());
        return points;
    }

    /**
     * The volume of oriented objective space that {@code points} dominate and that dominates the reference
     * point: exact, 2-D in O(n log n), 3-D in O(n² log n), 4-D in O(n³ log n) (meant for fronts of up to a
     * few thousand points in 3-D and a few hundred in 4-D). Points need not be mutually non-dominated; those
     * not strictly better than the reference in every objective add nothing.
     *
     * @param objectives 2 to 4 objectives
     * @param referencePoint one value per objective, in the metric's own units and in the order of
     *     {@code objectives} (a worst acceptable value: an upper bound for a minimized metric, a lower bound
     *     for a maximized one)
     */
    public static double hypervolume(List<ParetoPoint> points, List<Objective> objectives, double[] referencePoint) {
        return Hypervolume.of(points, objectives, referencePoint);
    }

    @Override
    public String toString() {
        return "ParetoArchive[" + describe(objectives) + ": " + size() + " points]";
    }

    private Comparator<ParetoPoint> orientedOrder() {
        return (a, b) -> {
            for (Objective o : objectiveArray) {
                double x = a.minimized(o);
                double y = b.minimized(o);
                if (x < y) {
                    return -1;
                }
                if (x > y) {
                    return 1;
                }
            }
            return Arrays.compare(a.choices(), b.choices());
        };
    }

    private void orient(double[] metrics, int[] choices) {
        if (metrics.length != Metric.COUNT) {
            throw new IllegalArgumentException("a point has " + Metric.COUNT + " metrics (" + Metric.knownIds()
                    + "), got " + metrics.length);
        }
        if (choices == null) {
            throw new NullPointerException("choices");
        }
        for (int k = 0; k < objectiveArray.length; k++) {
            double v = objectiveArray[k].minimized(metrics);
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("objective " + objectiveArray[k].metric().id() + " is NaN at point "
                        + Arrays.toString(choices) + "; metrics " + Arrays.toString(metrics));
            }
            oriented[k] = v;
        }
    }

    static String describe(List<Objective> objectives) {
        return objectives.stream().map(o -> o.metric().id() + " " + o.goal().id()).toList().toString();
    }
}
