package dev.ridgeline.search.strategy;

/** A set of longs by open addressing (linear probing), for the points a search has evaluated. */
final class PointSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots = new long[1024];
    private boolean hasEmptyKey;
    private int size;

    PointSet() {
        java.util.Arrays.fill(slots, EMPTY);
    }

    /** Adds a key; false when it was there already. */
    boolean add(long key) {
        if (key == EMPTY) {
            boolean added = !hasEmptyKey;
            hasEmptyKey = true;
            return added;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(key) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        size++;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        java.util.Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (long key : old) {
            if (key != EMPTY) {
                int i = mix(key) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = key;
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
