package dev.ridgeline.search.eval;

import dev.ridgeline.search.accuracy.AccuracyPredictor;
import dev.ridgeline.search.space.DesignSpace;

/**
 * The fast evaluator: the base model and space compiled once ({@link EvaluatorCompiler}) into flat tables
 * of each layer's figures over the knobs that touch it, and one {@link Plan} per separable configuration.
 * Evaluating a point is table lookups and a static liveness sweep, with no allocation; it agrees with
 * {@link ReferenceEvaluator} (counts to the unit, latency to rounding).
 */
public final class CompiledEvaluator implements PointEvaluator {
    private final DesignSpace space;
    private final int elementBytes;
    private final boolean timed;
    private final int[] planKnobs;
    private final Plan[] plans;
    private final FlatPlan[] flat;
    private final boolean withPeak;
    /** Predicted accuracy, one term per knob; null when the job measured no designs (accuracy is then NaN). */
    private final AccuracyPredictor accuracy;
    private final double[][] accuracyTerms;

    CompiledEvaluator(DesignSpace space, int elementBytes, boolean timed, int[] planKnobs, Plan[] plans) {
        this(space, elementBytes, timed, planKnobs, plans, flatten(plans), true, null);
    }

    private CompiledEvaluator(DesignSpace space, int elementBytes, boolean timed, int[] planKnobs, Plan[] plans,
            FlatPlan[] flat, boolean withPeak, AccuracyPredictor accuracy) {
        this.space = space;
        this.elementBytes = elementBytes;
        this.timed = timed;
        this.planKnobs = planKnobs;
        this.plans = plans;
        this.flat = flat;
        this.withPeak = withPeak;
        this.accuracy = accuracy;
        this.accuracyTerms = accuracy == null ? null : accuracy.terms();
        if (accuracy != null && accuracy.knobs() != space.knobCount()) {
            throw new IllegalArgumentException("an accuracy predictor over " + accuracy.knobs() + " knobs for a space of "
                    + space.knobCount());
        }
    }

    /**
     * The same evaluator with accuracy predicted: a sum of one term per knob, added to every point (and, for
     * the exact strategy, one more term per knob in {@link #terms}).
     */
    public CompiledEvaluator withAccuracy(AccuracyPredictor predictor) {
        return new CompiledEvaluator(space, elementBytes, timed, planKnobs, plans, flat, withPeak, predictor);
    }

    /** The accuracy predictor, if the evaluator has one. */
    public java.util.Optional<AccuracyPredictor> accuracy() {
        return java.util.Optional.ofNullable(accuracy);
    }

    private static FlatPlan[] flatten(Plan[] plans) {
        FlatPlan[] flat = new FlatPlan[plans.length];
        for (int i = 0; i < plans.length; i++) {
            flat[i] = new FlatPlan(plans[i]);
        }
        return flat;
    }

    /**
     * The same evaluator without peak activation memory, which it then reports as NaN: for sweeps in which
     * no objective or budget uses it (the liveness sweep is most of a point's cost). The other metrics are
     * the same numbers.
     */
    public CompiledEvaluator withoutPeakMemory() {
        return new CompiledEvaluator(space, elementBytes, timed, planKnobs, plans, flat, false, accuracy);
    }

    @Override
    public DesignSpace space() {
        return space;
    }

    /** Whether latency is measured (the evaluator was compiled with a device). */
    public boolean timed() {
        return timed;
    }

    /** The separable knobs whose choices select a plan, in the order {@link #planIndex} numbers them. */
    public int[] planKnobs() {
        return planKnobs.clone();
    }

    /** The number of separable configurations (1 without separable knobs). */
    public int planCount() {
        return plans.length;
    }

    /** The plan a point's separable choices select (other choices are ignored). */
    public int planIndex(int[] choices) {
        int index = 0;
        for (int k : planKnobs) {
            index = index * space.choices(k) + choices[k];
        }
        return index;
    }

    /** The tables of plan {@code plan}, for solvers that work on the terms rather than on points. */
    public Terms terms(int plan) {
        return new Terms(plans[plan], elementBytes, timed, accuracy);
    }

    /** Compiled layers summed over all plans: a measure of the compiled size. */
    public int compiledLayers() {
        int n = 0;
        for (Plan p : plans) {
            n += p.layers.length;
        }
        return n;
    }

    @Override
    public void evaluate(int[] choices, double[] metrics) {
        FlatPlan plan = flat[planIndex(choices)];
        double[] v = plan.values;
        double params = 0;
        double macs = 0;
        double flops = 0;
        double seconds = 0;
        for (int t = 0; t < plan.layers; t++) {
            int o = plan.offset(t, choices);
            params += v[o + Table.PARAMS];
            macs += v[o + Table.MACS];
            flops += v[o + Table.FLOPS];
            seconds += v[o + Table.SECONDS];
        }
        double peak = Double.NaN;
        if (withPeak) {
            peak = 0;
            for (int j = 0; j < plan.stepStart.length - 1; j++) {
                peak = Math.max(peak, plan.liveBytes(j, choices));
            }
        }
        write(metrics, params, macs, flops, seconds, peak, choices);
    }

    /** Recomputes only the level slots at or after the lowest changed knob, over running prefix sums. */
    @Override
    public Sequential sequential() {
        return new Cursor();
    }

    /**
     * Running sums of one thread's previous point: {@code prefix[s * 4 + f]} holds field f summed over the
     * level slots before s, {@code peaks[s]} the largest live sum of the steps before slot s. A point whose
     * lowest changed knob is k recomputes the slots of levels k and up (usually only the last one), so a walk
     * costs the few layers of the fastest knobs per point. Every sum is exact (integer counts and latencies
     * on a binary grid), so the result equals {@link #evaluate} to the last bit.
     */
    private final class Cursor implements Sequential {
        private FlatPlan plan;
        private double[] prefix = new double[0];
        private double[] peaks = new double[0];

        @Override
        public void evaluate(int[] choices, int changedFrom, double[] metrics) {
            FlatPlan current = flat[planIndex(choices)];
            int from = -1;
            if (current == plan) {
                from = Math.max(changedFrom, -1);
            } else {
                plan = current;
                if (prefix.length < (current.slots + 1) * 4) {
                    prefix = new double[(current.slots + 1) * 4];
                    peaks = new double[current.slots + 1];
                }
            }
            int slots = current.slots;
            double[] v = current.values;
            for (int slot = from + 1; slot < slots; slot++) {
                double params = prefix[slot * 4];
                double macs = prefix[slot * 4 + 1];
                double flops = prefix[slot * 4 + 2];
                double seconds = prefix[slot * 4 + 3];
                // the slot's own sum first, then added to the prefix: the same additions as summing slot by slot
                double sp = 0;
                double sm = 0;
                double sf = 0;
                double ss = 0;
                for (int p = current.slotLayerStart[slot], end = current.slotLayerStart[slot + 1]; p < end; p++) {
                    int o = current.offset(current.slotLayer[p], choices);
                    sp += v[o + Table.PARAMS];
                    sm += v[o + Table.MACS];
                    sf += v[o + Table.FLOPS];
                    ss += v[o + Table.SECONDS];
                }
                int next = (slot + 1) * 4;
                prefix[next] = params + sp;
                prefix[next + 1] = macs + sm;
                prefix[next + 2] = flops + sf;
                prefix[next + 3] = seconds + ss;
                if (withPeak) {
                    double peak = peaks[slot];
                    for (int p = current.slotStepStart[slot], end = current.slotStepStart[slot + 1]; p < end; p++) {
                        peak = Math.max(peak, current.liveBytes(current.slotStep[p], choices));
                    }
                    peaks[slot + 1] = peak;
                }
            }
            int last = slots * 4;
            write(metrics, prefix[last], prefix[last + 1], prefix[last + 2], prefix[last + 3],
                    withPeak ? peaks[slots] : Double.NaN, choices);
        }
    }

    private void write(double[] metrics, double params, double macs, double flops, double seconds, double peak,
                       int[] choices) {
        double predicted = Double.NaN;
        if (accuracyTerms != null) {
            // the same additions, in the same order, as AccuracyPredictor.predict
            predicted = accuracy.intercept();
            for (int k = 0; k < accuracyTerms.length; k++) {
                predicted += accuracyTerms[k][choices[k]];
            }
        }
        metrics[Metric.ACCURACY.ordinal()] = predicted;
        metrics[Metric.PARAMS.ordinal()] = params;
        metrics[Metric.MACS.ordinal()] = macs;
        metrics[Metric.FLOPS.ordinal()] = flops;
        metrics[Metric.WEIGHT_BYTES.ordinal()] = params * elementBytes;
        metrics[Metric.PEAK_ACTIVATION_BYTES.ordinal()] = peak;
        metrics[Metric.LATENCY_SECONDS.ordinal()] = timed ? seconds : Double.NaN;
    }
}
