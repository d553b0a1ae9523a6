package dev.ridgeline.search.space;

import java.math.BigInteger;
import java.util.List;

/**
 * The product of a list of knobs. Points are numbered in mixed radix with the last knob fastest,
 * which gives every strategy one deterministic order and lets shard i of N take a contiguous slice.
 */
public final class DesignSpace {
    private final List<Knob> knobs;
    private final int[] radix;
    private final BigInteger size;

    public DesignSpace(List<Knob> knobs) {
        this.knobs = List.copyOf(knobs);
        this.radix = knobs.stream().mapToInt(Knob::choices).toArray();
        BigInteger s = BigInteger.ONE;
        for (int r : radix) {
            s = s.multiply(BigInteger.valueOf(r));
        }
        this.size = s;
    }

    public List<Knob> knobs() {
        return knobs;
    }

    public int knobCount() {
        return radix.length;
    }

    public int choices(int knob) {
        return radix[knob];
    }

    /** The number of points, exactly (it can exceed a long). */
    public BigInteger size() {
        return size;
    }

    /**
     * The number of points the job wrote, before tied choices were merged: the product of the written
     * choices of every knob (equal to {@link #size()} when nothing tied).
     */
    public BigInteger sizeAsWritten() {
        BigInteger s = BigInteger.ONE;
        for (Knob k : knobs) {
            s = s.multiply(BigInteger.valueOf(k.written().stream().mapToInt(List::size).sum()));
        }
        return s;
    }

    /** True when every point can be numbered by a long. */
    public boolean indexable() {
        return size.bitLength() < 63;
    }

    /** Writes the choices of point {@code index} (0 &lt;= index &lt; size) into {@code out}. */
    public void decode(long index, int[] out) {
        long rest = index;
        for (int k = radix.length - 1; k >= 0; k--) {
            out[k] = (int) (rest % radix[k]);
            rest /= radix[k];
        }
        if (rest != 0 || index < 0) {
            throw new IndexOutOfBoundsException("point " + index + " outside a space of " + size);
        }
    }

    /** The index of a point: the inverse of {@link #decode}. */
    public long encode(int[] choices) {
        long index = 0;
        for (int k = 0; k < radix.length; k++) {
            index = Math.addExact(Math.multiplyExact(index, radix[k]), choices[k]);
        }
        return index;
    }

    /**
     * Steps {@code choices} to the next point in index order, like an odometer; returns the lowest knob
     * that changed, or -1 after the last point.
     */
    public int next(int[] choices) {
        for (int k = radix.length - 1; k >= 0; k--) {
            if (++choices[k] < radix[k]) {
                return k;
            }
            choices[k] = 0;
        }
        return -1;
    }
}
