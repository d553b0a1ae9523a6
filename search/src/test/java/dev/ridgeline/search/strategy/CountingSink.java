package dev.ridgeline.search.strategy;

import dev.ridgeline.search.space.DesignSpace;
import java.util.Arrays;

/**
 * A test sink that counts deliveries per index, checks that each point's choices decode from its index,
 * and records whether one worker saw its indices in increasing order.
 */
final class CountingSink implements PointSink {
    private final DesignSpace space;
    private final int[] counts;
    private final int[] decoded;
    private long last = -1;
    private boolean ascending = true;
    private int mismatches;

    CountingSink(DesignSpace space) {
        this.space = space;
        this.counts = new int[space.size().intValueExact()];
        this.decoded = new int[space.knobCount()];
    }

    @Override
    public void accept(long index, int[] choices, double[] metrics) {
        counts[(int) index]++;
        space.decode(index, decoded);
        if (!Arrays.equals(decoded, choices)) {
            mismatches++;
        }
        ascending &= index > last;
        last = index;
    }

    CountingSink merge(CountingSink other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        mismatches += other.mismatches;
        ascending &= other.ascending;
        return this;
    }

    int[] counts() {
        return counts;
    }

    int mismatches() {
        return mismatches;
    }

    boolean ascendingWithinEachWorker() {
        return ascending;
    }
}
