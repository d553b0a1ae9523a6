package dev.ridgeline.search.exact;

import java.util.Arrays;

/** The entries of a factor being built, appended assignment by assignment. */
final class GrowingStore {
    private final int dims;
    private final int parentCount;
    private double[] vectors = new double[0];
    private double[] errors = new double[0];
    private int[] choices = new int[0];
    private int[] parents = new int[0];
    int size;

    GrowingStore(int dims, int parentCount) {
        this.dims = dims;
        this.parentCount = parentCount;
    }

    /** A store with room for exactly {@code capacity} entries. */
    GrowingStore(int dims, int parentCount, int capacity) {
        this(dims, parentCount);
        vectors = new double[capacity * dims];
        errors = new double[capacity];
        choices = new int[capacity];
        parents = new int[capacity * parentCount];
    }

    void add(Candidates c) {
        append(c.vec, c.err, c.choice, c.parent, c.size);
    }

    long bytes() {
        return (vectors.length + errors.length) * 8L + (choices.length + parents.length) * 4L;
    }

    double[] vectors() {
        return vectors.length == size * dims ? vectors : Arrays.copyOf(vectors, size * dims);
    }

    /** Appends every entry of {@code other}. */
    void addAll(GrowingStore other) {
        append(other.vectors, other.errors, other.choices, other.parents, other.size);
    }

    /** Appends the first {@code n} entries of these arrays, growing by half when full. */
    private void append(double[] vec, double[] err, int[] choice, int[] parent, int n) {
        int need = size + n;
        if (need > choices.length) {
            int cap = Math.max(need, Math.max(16, choices.length + choices.length / 2));
            vectors = Arrays.copyOf(vectors, cap * dims);
            errors = Arrays.copyOf(errors, cap);
            choices = Arrays.copyOf(choices, cap);
            parents = Arrays.copyOf(parents, cap * parentCount);
        }
        System.arraycopy(vec, 0, vectors, size * dims, n * dims);
        System.arraycopy(err, 0, errors, size, n);
        System.arraycopy(choice, 0, choices, size, n);
        System.arraycopy(parent, 0, parents, size * parentCount, n * parentCount);
        size = need;
    }

    /** The errors, or null when every one is 1. */
    double[] errors() {
        for (int i = 0; i < size; i++) {
            if (errors[i] != 1) {
                return Arrays.copyOf(errors, size);
            }
        }
        return null;
    }

    int[] choices() {
        return choices.length == size ? choices : Arrays.copyOf(choices, size);
    }

    int[] parents() {
        return parents.length == size * parentCount ? parents : Arrays.copyOf(parents, size * parentCount);
    }
}
