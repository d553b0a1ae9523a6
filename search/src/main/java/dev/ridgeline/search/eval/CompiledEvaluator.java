package dev.ridgeline.search.eval;

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

    CompiledEvaluator(DesignSpace space, int elementBytes, boolean timed, int[] planKnobs, Plan[] plans) {
        this.space = space;
        this.elementBytes = elementBytes;
        this.timed = timed;
        this.planKnobs = planKnobs;
        this.plans = plans;
    }

    @Override
    public DesignSpace space() {
        return space;
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
    public PlanTerms terms(int plan) {
        return new PlanTerms(plans[plan], elementBytes, timed);
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
        Plan plan = plan(choices);
        double params = 0;
        double macs = 0;
        double flops = 0;
        double seconds = 0;
        for (Table t : plan.layers) {
            int o = t.offset(choices);
            double[] v = t.values;
            params += v[o + Table.PARAMS];
            macs += v[o + Table.MACS];
            flops += v[o + Table.FLOPS];
            seconds += v[o + Table.SECONDS];
        }
        double peak = 0;
        for (int j = 0; j < plan.stepLevel.length; j++) {
            peak = Math.max(peak, plan.liveBytes(j, choices));
        }
        write(metrics, params, macs, flops, seconds, peak);
    }

    /** Recomputes only the layers and liveness steps that depend on a knob at or after the lowest changed one. */
    @Override
    public Sequential sequential() {
        return new Cursor();
    }

    /** Per-level partial sums of one thread's previous point. */
    private final class Cursor implements Sequential {
        private Plan plan;
        private double[] sums = new double[0];
        private double[] peaks = new double[0];

        @Override
        public void evaluate(int[] choices, int changedFrom, double[] metrics) {
            Plan current = plan(choices);
            int from = -1;
            if (current == plan) {
                from = Math.max(changedFrom, -1);
            } else {
                plan = current;
                if (sums.length < current.levels() * 4) {
                    sums = new double[current.levels() * 4];
                    peaks = new double[current.levels()];
                }
            }
            int levels = current.levels();
            for (int level = from; level < levels - 1; level++) {
                int slot = level + 1;
                double params = 0;
                double macs = 0;
                double flops = 0;
                double seconds = 0;
                for (int p = current.layerLevelStart[slot]; p < current.layerLevelStart[slot + 1]; p++) {
                    Table t = current.layers[current.layerByLevel[p]];
                    int o = t.offset(choices);
                    double[] v = t.values;
                    params += v[o + Table.PARAMS];
                    macs += v[o + Table.MACS];
                    flops += v[o + Table.FLOPS];
                    seconds += v[o + Table.SECONDS];
                }
                sums[slot * 4] = params;
                sums[slot * 4 + 1] = macs;
                sums[slot * 4 + 2] = flops;
                sums[slot * 4 + 3] = seconds;
                double peak = 0;
                for (int p = current.stepLevelStart[slot]; p < current.stepLevelStart[slot + 1]; p++) {
                    peak = Math.max(peak, current.liveBytes(current.stepByLevel[p], choices));
                }
                peaks[slot] = peak;
            }
            double params = 0;
            double macs = 0;
            double flops = 0;
            double seconds = 0;
            double peak = 0;
            for (int slot = 0; slot < levels; slot++) {
                params += sums[slot * 4];
                macs += sums[slot * 4 + 1];
                flops += sums[slot * 4 + 2];
                seconds += sums[slot * 4 + 3];
                peak = Math.max(peak, peaks[slot]);
            }
            write(metrics, params, macs, flops, seconds, peak);
        }
    }

    private void write(double[] metrics, double params, double macs, double flops, double seconds, double peak) {
        metrics[Metric.PARAMS.ordinal()] = params;
        metrics[Metric.MACS.ordinal()] = macs;
        metrics[Metric.FLOPS.ordinal()] = flops;
        metrics[Metric.WEIGHT_BYTES.ordinal()] = params * elementBytes;
        metrics[Metric.PEAK_ACTIVATION_BYTES.ordinal()] = peak;
        metrics[Metric.LATENCY_SECONDS.ordinal()] = timed ? seconds : Double.NaN;
    }

    Plan plan(int[] choices) {
        return plans[planIndex(choices)];
    }
}
