package dev.ridgeline.core.graph;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The dimensions of a tensor, batch first (N x C x H x W for feature maps, N x F for vectors).
 * Immutable; every dimension is at least 1.
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    public static Shape of(int... dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one dimension");
        }
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("dimension " + d + " below 1 in " + Arrays.toString(dims));
            }
        }
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis < 0 ? dims.length + axis : axis];
    }

    /** The batch size: the first dimension. */
    public int batch() {
        return dims[0];
    }

    /** Channels of an N x C x ... tensor, features of an N x F one. */
    public int channels() {
        return dims[1];
    }

    public int height() {
        return dims[rank() - 2];
    }

    public int width() {
        return dims[rank() - 1];
    }

    public int[] toArray() {
        return dims.clone();
    }

    /** The number of elements, checked against overflow. */
    public long numel() {
        long n = 1;
        for (int d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public Shape withDim(int axis, int value) {
        int[] copy = dims.clone();
        copy[axis < 0 ? dims.length + axis : axis] = value;
        return of(copy);
    }

    public Shape withBatch(int batch) {
        return withDim(0, batch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Dimensions joined by "x", as users write them: {@code 1x3x224x224}. */
    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }
}
