package dev.ridgeline.search.exact;

/**
 * A function from the choices of a few knobs (its scope) to a set of non-dominated partial cost vectors.
 * A leaf holds one vector per assignment (the terms of some layers or liveness steps); eliminating a knob
 * makes a factor whose every vector remembers the knob's choice and the parent vectors it was summed
 * from, so that a design can be traced back from any vector. Assignments are numbered in mixed radix over
 * the scope (ascending knob index, the last fastest); the vectors of assignment a are entries
 * {@code start[a] .. start[a + 1] - 1}, each {@code dims} doubles of {@link #vectors}.
 */
final class Factor {
    final int[] scope;
    final int[] strides;
    final int assignments;
    final int[] start;
    /** Null once every factor built from this one exists: only the root's vectors are read after that. */
    double[] vectors;
    /** Per entry, per dimension: the deficit it carries (see {@link Candidates#filter}); null when all are 0. */
    float[] deficits;
    /** The knob this factor eliminated, -1 for a leaf or the final combination. */
    final int knob;
    /** Per entry: the choice of {@link #knob}; null for a leaf, whose {@link #parents} are null too. */
    final int[] choice;
    final Factor[] parents;
    /** Per entry, per parent: the parent's entry it was summed from. */
    final int[] parentEntry;
    /** Per dimension: what the leaves below this factor contribute at least / at most. */
    final double[] coveredMin;
    final double[] coveredMax;

    Factor(int[] scope, int[] radixOfKnob, int[] start, double[] vectors, float[] deficits, int knob,
            int[] choice, Factor[] parents, int[] parentEntry, double[] coveredMin, double[] coveredMax) {
        this.deficits = deficits;
        this.scope = scope;
        this.strides = strides(scope, radixOfKnob);
        this.assignments = assignments(scope, radixOfKnob);
        this.start = start;
        this.vectors = vectors;
        this.knob = knob;
        this.choice = choice;
        this.parents = parents;
        this.parentEntry = parentEntry;
        this.coveredMin = coveredMin;
        this.coveredMax = coveredMax;
    }

    static int[] strides(int[] scope, int[] radixOfKnob) {
        int[] s = new int[scope.length];
        int size = 1;
        for (int i = scope.length - 1; i >= 0; i--) {
            s[i] = size;
            size *= radixOfKnob[scope[i]];
        }
        return s;
    }

    static int assignments(int[] scope, int[] radixOfKnob) {
        long size = 1;
        for (int k : scope) {
            size *= radixOfKnob[k];
        }
        return Math.toIntExact(size);
    }

    int entries() {
        return start[assignments];
    }

    /** The assignment of this factor's scope in a choice per knob. */
    int assignmentOf(int[] choices) {
        int a = 0;
        for (int i = 0; i < scope.length; i++) {
            a += choices[scope[i]] * strides[i];
        }
        return a;
    }

    boolean contains(int k) {
        for (int s : scope) {
            if (s == k) {
                return true;
            }
        }
        return false;
    }

    /** Writes the choices of every knob eliminated below this factor that entry {@code e} stands for. */
    void trace(int e, int[] out) {
        if (parents == null) {
            return;
        }
        if (knob >= 0) {
            out[knob] = choice[e];
        }
        for (int p = 0; p < parents.length; p++) {
            parents[p].trace(parentEntry[e * parents.length + p], out);
        }
    }

    /** {@link #firstDifference} of two entries that stand for the same design. */
    static final int SAME = Integer.MAX_VALUE;

    /**
     * Where the designs entries a and b stand for first differ, knob by knob (the order {@link #trace}'s
     * arrays compare in): {@code 2 * knob}, plus 1 when b's choice there is the smaller; {@link #SAME} when
     * they do not differ. Descends only into the parents whose entries differ, so it costs far less than
     * tracing both designs.
     */
    int firstDifference(int a, int b) {
        if (a == b || parents == null) {
            return SAME;
        }
        int first = knob >= 0 && choice[a] != choice[b] ? 2 * knob + (choice[a] < choice[b] ? 0 : 1) : SAME;
        int m = parents.length;
        for (int p = 0; p < m; p++) {
            int pa = parentEntry[a * m + p];
            int pb = parentEntry[b * m + p];
            if (pa != pb) {
                first = Math.min(first, parents[p].firstDifference(pa, pb));
            }
        }
        return first;
    }

    /** Copies entry e's deficits to {@code out} from {@code at} (zeros when it carries none). */
    void deficitsInto(int e, float[] out, int at, int dims) {
        if (deficits == null) {
            java.util.Arrays.fill(out, at, at + dims, 0);
        } else {
            System.arraycopy(deficits, e * dims, out, at, dims);
        }
    }

    /** Entry e's deficit on dimension d of {@code dims}. */
    double deficit(int e, int d, int dims) {
        return deficits == null ? 0 : deficits[e * dims + d];
    }

    /** Drops what only a combination reads (vectors, errors) and returns the bytes freed. */
    long forgetVectors() {
        long freed = (vectors == null ? 0 : vectors.length * 8L) + (deficits == null ? 0 : deficits.length * 4L);
        vectors = null;
        deficits = null;
        return freed;
    }

    long bytes() {
        return (vectors == null ? 0 : vectors.length * 8L) + (deficits == null ? 0 : deficits.length * 4L) + (choice == null ? 0 : choice.length * 4L)
                + (parentEntry == null ? 0 : parentEntry.length * 4L) + start.length * 4L;
    }
}
