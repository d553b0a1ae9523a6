package dev.ridgeline.search.eval;

import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.RuntimeProfile;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;

/**
 * Sweeps on a device whose runtime keeps weights on chip (the Edge TPU): there a layer's time depends on the
 * weights of every layer before it (they fill the cache in execution order), so latency is not a sum of per-layer
 * tables. Every metric but latency comes from an evaluator compiled for the same chip without the weight cache
 * (those metrics do not depend on the device); latency is the roofline's over the whole design, built, counted and
 * timed as {@code analyze} times it, with the cache honoured. Slower than the compiled path (a model per point),
 * exact by construction. The exact strategy, which needs additive latency, is refused before it starts
 * ({@link #refusal}).
 */
public final class WholeDesignLatency implements PointEvaluator {
    private final CompiledEvaluator rest;
    private final ResolvedSpace resolved;
    private final MeasureSetup setup;
    private final DesignApplier applier;

    private WholeDesignLatency(CompiledEvaluator rest, ResolvedSpace resolved, MeasureSetup setup) {
        this.rest = rest;
        this.resolved = resolved;
        this.setup = setup;
        this.applier = new DesignApplier(resolved);
    }

    /** True when the setup's device keeps weights on chip, so the compiled evaluator cannot time it. */
    public static boolean needed(MeasureSetup setup) {
        return setup.device() != null && setup.device().runtime() != null && setup.device().runtime().cachesWeights();
    }

    /** The evaluator of a space on a weight-caching device, the others' metrics from {@code rest}. */
    public static WholeDesignLatency of(ResolvedSpace resolved, MeasureSetup setup, CompiledEvaluator rest) {
        if (!needed(setup)) {
            throw new IllegalArgumentException("device " + (setup.device() == null ? "none" : setup.device().id())
                    + " does not cache weights: use the compiled evaluator");
        }
        return new WholeDesignLatency(rest, resolved, setup);
    }

    /**
     * The setup on the same chip and runtime with no weight cache: what the compiled evaluator of the other
     * metrics is built with (its latency is replaced).
     */
    public static MeasureSetup withoutWeightCache(MeasureSetup setup) {
        DeviceProfile d = setup.device();
        RuntimeProfile r = d.runtime();
        RuntimeProfile plain = new RuntimeProfile(r.id(), r.name(), r.computeEfficiency(), r.memoryEfficiency(),
                r.computeEfficiencyByKind(), r.kernelOverheadSeconds(), r.inferenceOverheadSeconds(), r.occupancy(),
                0, 0, r.source(), r.precisionFactor());
        return new MeasureSetup(setup.convention(), setup.batch(), setup.precision(), d.withRuntime(plain),
                setup.fusion());
    }

    /** Why the exact strategy cannot run on the setup's device. */
    public static String refusal(MeasureSetup setup) {
        return "the exact strategy needs a latency that is a sum of per-layer terms, but device '"
                + setup.device().id() + "' under runtime '" + setup.device().runtimeId() + "' keeps the first "
                + Math.round(setup.device().runtime().weightCacheBytes()) + " bytes of weights on chip, so a layer's"
                + " time depends on the weights of every layer before it; use strategy exhaustive, random or"
                + " evolutionary (they time whole designs on this device)";
    }

    /** The same evaluator without peak activation memory (NaN), as {@link CompiledEvaluator#withoutPeakMemory}. */
    public WholeDesignLatency withoutPeakMemory() {
        return new WholeDesignLatency(rest.withoutPeakMemory(), resolved, setup);
    }

    @Override
    public DesignSpace space() {
        return rest.space();
    }

    @Override
    public void evaluate(int[] choices, double[] metrics) {
        rest.evaluate(choices, metrics);
        metrics[Metric.LATENCY_SECONDS.ordinal()] = Roofline.time(Counter.count(
                ShapeInference.infer(applier.apply(choices), setup.batch()), setup.convention(),
                setup.precision().bytes()), setup.device(), setup.rooflineOptions()).totalSeconds();
    }
}
