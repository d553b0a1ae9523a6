package dev.ridgeline.search.eval;

/**
 * A read-only view of the compiled tables of one separable configuration: each layer's figures over the
 * knobs that touch it, and the buffers live at each execution step (core's {@code BufferLifetimes}). A
 * point's metric is the sum of its layers' terms ({@link #layerValue}); its peak activation memory is the
 * largest, over the steps, of the sum of the bytes of the buffers live in that step. Entries are numbered
 * in mixed radix over a term's knobs (ascending knob index, the last fastest). These are the numbers
 * {@link CompiledEvaluator} adds up, so anything built on them agrees with it to the last bit.
 */
public final class PlanTerms {
    private final Plan plan;
    private final int elementBytes;
    private final boolean timed;

    PlanTerms(Plan plan, int elementBytes, boolean timed) {
        this.plan = plan;
        this.elementBytes = elementBytes;
        this.timed = timed;
    }

    public int layers() {
        return plan.layers.length;
    }

    /** The knobs layer {@code layer}'s figures depend on, ascending; the caller must not change the array. */
    public int[] layerKnobs(int layer) {
        return plan.layers[layer].knobs;
    }

    /**
     * One additive metric of one layer at one entry: params, MACs, FLOPs, latency (NaN without a device) or
     * weight bytes.
     *
     * @throws IllegalArgumentException for peak activation memory, which is not a sum of layer terms
     */
    public double layerValue(int layer, int entry, Metric metric) {
        double[] v = plan.layers[layer].values;
        int o = entry * Table.FIELDS;
        return switch (metric) {
            case PARAMS -> v[o + Table.PARAMS];
            case MACS -> v[o + Table.MACS];
            case FLOPS -> v[o + Table.FLOPS];
            case LATENCY_SECONDS -> timed ? v[o + Table.SECONDS] : Double.NaN;
            case WEIGHT_BYTES -> v[o + Table.PARAMS] * elementBytes;
            case PEAK_ACTIVATION_BYTES -> throw new IllegalArgumentException(
                    "peak activation memory is a maximum over steps, not a sum of layer terms");
        };
    }

    public int steps() {
        return plan.stepStart.length - 1;
    }

    /** The buffers live in step {@code step}: a new array of buffer numbers. */
    public int[] stepBuffers(int step) {
        int[] b = new int[plan.stepStart[step + 1] - plan.stepStart[step]];
        System.arraycopy(plan.live, plan.stepStart[step], b, 0, b.length);
        return b;
    }

    /** The knobs buffer {@code buffer}'s size depends on, ascending; the caller must not change the array. */
    public int[] bufferKnobs(int buffer) {
        return plan.buffer(buffer).knobs;
    }

    /** The bytes of buffer {@code buffer} at one entry of its knobs. */
    public double bufferBytes(int buffer, int entry) {
        return plan.buffer(buffer).values[entry * Table.FIELDS + Table.OUTPUT_BYTES];
    }
}
