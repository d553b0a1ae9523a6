package dev.ridgeline.search.exact;

import java.util.Arrays;

/** The entries of a factor being built, appended assignment by assignment. */
final class GrowingStore {
    private final int dims;
    private final int parentCount;
    private double[] vectors = new double[0];
    private int[] choices = new int[0];
    private int[] parents = new int[0];
    int size;

    GrowingStore(int dims, int parentCount) {
        this.dims = dims;
        this.parentCount = parentCount;
    }

    void add(Candidates c) {
        int need = size + c.size;
        if (need > choices.length) {
            int cap = Math.max(need, Math.max(16, choices.length + choices.length / 2));
            vectors = Arrays.copyOf(vectors, cap * dims);
            choices = Arrays.copyOf(choices, cap);
            parents = Arrays.copyOf(parents, cap * parentCount);
        }
        System.arraycopy(c.vec, 0, vectors, size * dims, c.size * dims);
        System.arraycopy(c.choice, 0, choices, size, c.size);
        System.arraycopy(c.parent, 0, parents, size * parentCount, c.size * parentCount);
        size = need;
    }

    long bytes() {
        return vectors.length * 8L + (choices.length + parents.length) * 4L;
    }

    double[] vectors() {
        return Arrays.copyOf(vectors, size * dims);
    }

    int[] choices() {
        return Arrays.copyOf(choices, size);
    }

    int[] parents() {
        return Arrays.copyOf(parents, size * parentCount);
    }
}
