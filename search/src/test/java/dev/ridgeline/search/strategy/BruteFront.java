package dev.ridgeline.search.strategy;

import dev.ridgeline.search.eval.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A test sink that keeps the non-dominated points by brute force (each offer is compared with the whole
 * front), in minimized objective space. Equal objective vectors keep the lowest index, so the front is
 * the same whatever order the points come in.
 */
final class BruteFront implements PointSink {
    record Entry(long index, int[] choices, double[] objectives) {
    }

    private final List<Objective> objectives;
    private final List<Entry> front = new ArrayList<>();

    BruteFront(List<Objective> objectives) {
        this.objectives = List.copyOf(objectives);
    }

    @Override
    public void accept(long index, int[] choices, double[] metrics) {
        double[] v = new double[objectives.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = objectives.get(j).minimized(metrics);
        }
        offer(new Entry(index, choices.clone(), v));
    }

    private void offer(Entry e) {
        for (int i = front.size() - 1; i >= 0; i--) {
            Entry f = front.get(i);
            if (Arrays.equals(f.objectives, e.objectives)) {
                if (f.index <= e.index) {
                    return;
                }
                front.remove(i);
            } else if (dominates(f.objectives, e.objectives)) {
                return;
            } else if (dominates(e.objectives, f.objectives)) {
                front.remove(i);
            }
        }
        front.add(e);
    }

    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int j = 0; j < a.length; j++) {
            if (a[j] > b[j]) {
                return false;
            }
            better |= a[j] < b[j];
        }
        return better;
    }

    BruteFront merge(BruteFront other) {
        other.front.forEach(this::offer);
        return this;
    }

    /** The front sorted by index. */
    List<Entry> entries() {
        List<Entry> sorted = new ArrayList<>(front);
        sorted.sort(Comparator.comparingLong(Entry::index));
        return sorted;
    }

    List<double[]> objectiveVectors() {
        return entries().stream().map(Entry::objectives).toList();
    }

    long[] indices() {
        return entries().stream().mapToLong(Entry::index).toArray();
    }
}
