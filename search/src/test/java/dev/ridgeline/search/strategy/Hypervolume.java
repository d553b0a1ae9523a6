package dev.ridgeline.search.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Exact hypervolume of a set of minimized points against a reference point that every point beats: a
 * sweep in 2-D, and in 3-D slices along the third objective, each slice a 2-D sweep (O(n^2 log n)).
 */
final class Hypervolume {
    private Hypervolume() {
    }

    static double of(List<double[]> points, double[] reference) {
        return switch (reference.length) {
            case 2 -> twoD(points, reference);
            case 3 -> threeD(points, reference);
            default -> throw new IllegalArgumentException("hypervolume in " + reference.length + "-D");
        };
    }

    static double twoD(List<double[]> points, double[] ref) {
        List<double[]> sorted = new ArrayList<>();
        for (double[] p : points) {
            if (p[0] < ref[0] && p[1] < ref[1]) {
                sorted.add(p);
            }
        }
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double volume = 0;
        double ceiling = ref[1];
        for (double[] p : sorted) {
            if (p[1] < ceiling) {
                volume += (ref[0] - p[0]) * (ceiling - p[1]);
                ceiling = p[1];
            }
        }
        return volume;
    }

    static double threeD(List<double[]> points, double[] ref) {
        List<double[]> sorted = new ArrayList<>();
        for (double[] p : points) {
            if (p[0] < ref[0] && p[1] < ref[1] && p[2] < ref[2]) {
                sorted.add(p);
            }
        }
        sorted.sort(Comparator.comparingDouble(p -> p[2]));
        double volume = 0;
        List<double[]> below = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            below.add(sorted.get(i));
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[2] : ref[2];
            double depth = top - sorted.get(i)[2];
            if (depth > 0) {
                volume += depth * twoD(below, ref);
            }
        }
        return volume;
    }
}
