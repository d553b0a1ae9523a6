package dev.ridgeline.search.eval;

/**
 * One layer's figures over the knobs that touch it: {@code values[(index) * FIELDS + field]}, where index
 * is the mixed-radix number of the point's choices of {@code knobs}.
 */
final class Table {
    static final int PARAMS = 0;
    static final int MACS = 1;
    static final int FLOPS = 2;
    static final int SECONDS = 3;
    static final int OUTPUT_BYTES = 4;
    static final int FIELDS = 5;

    final int[] knobs;
    final int[] strides;
    final double[] values;
    /** The highest knob index this table depends on (-1 for none): what must change for it to change. */
    final int level;

    Table(int[] knobs, int[] strides, double[] values) {
        this.knobs = knobs;
        this.strides = strides;
        this.values = values;
        int max = -1;
        for (int k : knobs) {
            max = Math.max(max, k);
        }
        this.level = max;
    }
}
