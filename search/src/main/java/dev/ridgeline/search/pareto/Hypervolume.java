package dev.ridgeline.search.pareto;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact hypervolume in oriented space by slicing: sort along the last objective and, between consecutive
 * values, multiply the slab's thickness by the (d-1)-dimensional volume of the points below it, down to a
 * sweep in 2-D. Each point's box spans from the point to the reference, and the volume is that of the
 * union, so dominated points and duplicates are harmless.
 */
final class Hypervolume {
    private Hypervolume() {
    }

    static double of(List<ParetoPoint> points, List<Objective> objectives, double[] referencePoint) {
        int d = objectives.size();
        if (d < ParetoArchive.MIN_OBJECTIVES || d > ParetoArchive.MAX_OBJECTIVES) {
            throw new IllegalArgumentException("hypervolume takes " + ParetoArchive.MIN_OBJECTIVES + " to "
                    + ParetoArchive.MAX_OBJECTIVES + " objectives, got " + d + ": " + ParetoArchive.describe(objectives));
        }
        if (referencePoint.length != d) {
            throw new IllegalArgumentException("the reference point has " + referencePoint.length + " values for "
                    + d + " objectives " + ParetoArchive.describe(objectives));
        }
        double[] reference = new double[d];
        for (int k = 0; k < d; k++) {
            if (Double.isNaN(referencePoint[k])) {
                throw new IllegalArgumentException("the reference point is NaN for objective "
                        + objectives.get(k).metric().id());
            }
            reference[k] = objectives.get(k).goal() == Goal.MIN ? referencePoint[k] : -referencePoint[k];
        }
        List<double[]> inside = new ArrayList<>(points.size());
        for (ParetoPoint p : points) {
            double[] v = new double[d];
            boolean better = true;
            for (int k = 0; k < d; k++) {
                v[k] = p.minimized(objectives.get(k));
                if (Double.isNaN(v[k])) {
                    throw new IllegalArgumentException("objective " + objectives.get(k).metric().id()
                            + " is NaN at " + p);
                }
                better &= v[k] < reference[k];
            }
            if (better) {
                inside.add(v);
            }
        }
        return volume(inside.toArray(new double[0][]), d, reference);
    }

    /** The volume the points dominate within the reference, over their first {@code dims} values. */
    private static double volume(double[][] points, int dims, double[] reference) {
        if (points.length == 0) {
            return 0;
        }
        if (dims == 2) {
            return area(points, reference);
        }
        int last = dims - 1;
        Arrays.sort(points, Comparator.comparingDouble(p -> p[last]));
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            double bottom = points[i][last];
            double top = i + 1 < points.length ? points[i + 1][last] : reference[last];
            if (top > bottom) {
                total += volume(Arrays.copyOf(points, i + 1), dims - 1, reference) * (top - bottom);
            }
        }
        return total;
    }

    /** The area the points dominate within the reference over their first two values: one sweep. */
    private static double area(double[][] points, double[] reference) {
        double[][] sorted = points.clone();
        Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double total = 0;
        double ceiling = reference[1];
        for (double[] p : sorted) {
            if (p[1] < ceiling) {
                total += (reference[0] - p[0]) * (ceiling - p[1]);
                ceiling = p[1];
            }
        }
        return total;
    }
}
