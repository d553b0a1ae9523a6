package dev.ridgeline.search.eval;

import dev.ridgeline.search.accuracy.AccuracyPredictor;
import java.util.Arrays;

/**
 * A compiled evaluator's figures taken apart, for solvers that reason about the parts (the exact strategy,
 * the prune planner): for one separable configuration, every layer's term (its figures over the few knobs
 * that touch it; the totals are their sums) and every execution step's live buffers (core's
 * {@code BufferLifetimes}; peak memory is the largest step's sum). A term's entry is the mixed-radix number
 * of its knobs' choices, ascending knob index, the last knob fastest. These are the numbers
 * {@link CompiledEvaluator} adds up, so anything built on them agrees with it to the last bit.
 */
public final class Terms {
    private final Plan plan;
    private final int elementBytes;
    private final boolean timed;
    private final AccuracyPredictor accuracy;
    private final int[][] accuracyKnobs;

    Terms(Plan plan, int elementBytes, boolean timed, AccuracyPredictor accuracy) {
        this.plan = plan;
        this.elementBytes = elementBytes;
        this.timed = timed;
        this.accuracy = accuracy;
        int knobs = accuracy == null ? 0 : accuracy.knobs();
        this.accuracyKnobs = new int[accuracy == null ? 0 : knobs + 1][];
        for (int t = 0; t < accuracyKnobs.length; t++) {
            accuracyKnobs[t] = t < knobs ? new int[] {t} : new int[0];
        }
    }

    /** The terms of the models that share the separable choices of {@code choices}. */
    public static Terms of(CompiledEvaluator evaluator, int[] choices) {
        return evaluator.terms(evaluator.planIndex(choices));
    }

    /**
     * The number of terms: the layers, then, with an accuracy predictor, one accuracy term per knob and one
     * for its intercept (terms that add nothing to the other metrics).
     */
    public int layers() {
        return plan.layers.length + accuracyKnobs.length;
    }

    /** The knobs layer i depends on, ascending; the caller must not change the array. */
    public int[] knobs(int layer) {
        int a = layer - plan.layers.length;
        return a >= 0 ? accuracyKnobs[a] : plan.layers[layer].knobs;
    }

    /** The number of entries of layer i's table. */
    public int entries(int layer) {
        int a = layer - plan.layers.length;
        if (a >= 0) {
            return a < accuracy.knobs() ? accuracy.terms()[a].length : 1;
        }
        return plan.layers[layer].values.length / Table.FIELDS;
    }

    /**
     * An additive metric's term of layer i at entry e: params, MACs, FLOPs, weight bytes or latency (NaN
     * without a device).
     *
     * @throws IllegalArgumentException for peak activation memory, a maximum over steps (see {@link #bufferBytes})
     */
    public double value(int layer, int entry, Metric metric) {
        int a = layer - plan.layers.length;
        if (a >= 0) {
            return metric != Metric.ACCURACY ? 0 : a < accuracy.knobs() ? accuracy.term(a, entry) : accuracy.intercept();
        }
        if (metric == Metric.ACCURACY) {
            return accuracy == null ? Double.NaN : 0;
        }
        double[] v = plan.layers[layer].values;
        int o = entry * Table.FIELDS;
        return switch (metric) {
            case PARAMS -> v[o + Table.PARAMS];
            case MACS -> v[o + Table.MACS];
            case FLOPS -> v[o + Table.FLOPS];
            case WEIGHT_BYTES -> v[o + Table.PARAMS] * elementBytes;
            case LATENCY_SECONDS -> timed ? v[o + Table.SECONDS] : Double.NaN;
            case PEAK_ACTIVATION_BYTES -> throw new IllegalArgumentException(
                    "peak activation memory is a maximum over steps, not a sum of layer terms");
            case ACCURACY -> throw new IllegalStateException("accuracy is handled above");
        };
    }

    /** The number of execution steps. */
    public int steps() {
        return plan.stepStart.length - 1;
    }

    /** The buffers live during step j (indices for {@link #bufferKnobs} and {@link #bufferBytes}): a new array. */
    public int[] live(int step) {
        return Arrays.copyOfRange(plan.live, plan.stepStart[step], plan.stepStart[step + 1]);
    }

    /** The knobs buffer b's size depends on, ascending; the caller must not change the array. */
    public int[] bufferKnobs(int buffer) {
        return plan.buffer(buffer).knobs;
    }

    /** The bytes of buffer b at entry e of its own knobs. */
    public double bufferBytes(int buffer, int entry) {
        return plan.buffer(buffer).values[entry * Table.FIELDS + Table.OUTPUT_BYTES];
    }
}
