package dev.ridgeline.search.exact;

import java.util.Arrays;

/** The entries of a factor being built, appended assignment by assignment. */
final class GrowingStore {
    private final int dims;
    private final int parentCount;
    private double[] vectors = new double[0];
    private float[] deficits = new float[0];
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
        deficits = new float[capacity * dims];
        choices = new int[capacity];
        parents = new int[capacity * parentCount];
    }

    void add(Candidates c) {
        append(c.vec, c.def, c.choice, c.parent, c.size);
    }

    long bytes() {
        return vectors.length * 8L + (deficits.length + choices.length + parents.length) * 4L;
    }

    double[] vectors() {
        return vectors.length == size * dims ? vectors : Arrays.copyOf(vectors, size * dims);
    }

    /** Appends every entry of {@code other}. */
    void addAll(GrowingStore other) {
        append(other.vectors, other.deficits, other.choices, other.parents, other.size);
    }

    /** Appends the first {@code n} entries of these arrays, growing by half when full. */
    private void append(double[] vec, float[] def, int[] choice, int[] parent, int n) {
        int need = size + n;
        if (need > choices.length) {
            int cap = Math.max(need, Math.max(16, choices.length + choices.length / 2));
            vectors = Arrays.copyOf(vectors, cap * dims);
            deficits = Arrays.copyOf(deficits, cap * dims);
            choices = Arrays.copyOf(choices, cap);
            parents = Arrays.copyOf(parents, cap * parentCount);
        }
        System.arraycopy(vec, 0, vectors, size * dims, n * dims);
        System.arraycopy(def, 0, deficits, size * dims, n * dims);
        System.arraycopy(choice, 0, choices, size, n);
        System.arraycopy(parent, 0, parents, size * parentCount, n * parentCount);
        size = need;
    }

    /** The deficits, or null when every one is 0. */
    float[] deficits() {
        for (int i = 0; i < size * dims; i++) {
            if (deficits[i] != 0) {
                return Arrays.copyOf(deficits, size * dims);
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
