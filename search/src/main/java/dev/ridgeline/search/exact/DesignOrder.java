package dev.ridgeline.search.exact;

import java.util.Arrays;

/**
 * The order of the designs that a {@link Candidates} buffer's entries stand for, knob by knob (the order of
 * point indices): ties between equal vectors are broken by it, as the exhaustive sweep keeps the first design.
 */
final class DesignOrder {
    private final int[] scratchA;
    private final int[] scratchB;
    /** The entries whose designs {@link #scratchA} and {@link #scratchB} hold, -1 for none. */
    private int tracedA = -1;
    private int tracedB = -1;

    DesignOrder(int knobCount) {
        this.scratchA = new int[knobCount];
        this.scratchB = new int[knobCount];
    }

    /** Forgets the traced designs: the entries may move or change. */
    void forget() {
        tracedA = -1;
        tracedB = -1;
    }

    /**
     * Compares the designs two entries stand for, knob by knob (the order of point indices): where they
     * first differ, found from the parents whose entries differ ({@link Factor#firstDifference}).
     */
    int compare(Candidates c, int a, int b) {
        int first = c.knob >= 0 && c.choice[a] != c.choice[b]
                ? 2 * c.knob + (c.choice[a] < c.choice[b] ? 0 : 1) : Factor.SAME;
        for (int p = 0; p < c.parentCount; p++) {
            int pa = c.parent[a * c.parentCount + p];
            int pb = c.parent[b * c.parentCount + p];
            if (pa != pb) {
                if (pa < 0 || pb < 0) {
                    return compareTraced(c, a, b);
                }
                first = Math.min(first, c.parents[p].firstDifference(pa, pb));
            }
        }
        return first == Factor.SAME ? 0 : (first & 1) == 0 ? -1 : 1;
    }

    /**
     * {@link #compare} by tracing both designs, for entries of which only one has a parent's entry set.
     * The last design traced into each scratch array is remembered (entries do not move within a filter
     * pass), since a pass compares one entry with several others in a row.
     */
    private int compareTraced(Candidates c, int a, int b) {
        if (a == tracedB && b == tracedA) {
            return -Arrays.compare(scratchA, scratchB);
        }
        if (a != tracedA) {
            trace(c, a, scratchA);
            tracedA = a;
        }
        if (b != tracedB) {
            trace(c, b, scratchB);
            tracedB = b;
        }
        return Arrays.compare(scratchA, scratchB);
    }

    private static void trace(Candidates c, int e, int[] out) {
        Arrays.fill(out, -1);
        if (c.knob >= 0) {
            out[c.knob] = c.choice[e];
        }
        for (int p = 0; p < c.parentCount; p++) {
            int pe = c.parent[e * c.parentCount + p];
            if (pe >= 0) {
                c.parents[p].trace(pe, out);
            }
        }
    }
}
