package dev.ridgeline.search.eval;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;

/**
 * Measures a point the long way: builds its model, infers shapes, counts and times it with core and
 * hardware. Exact by definition and slow (it allocates a model per point); the compiled evaluator
 * must agree with it.
 */
public final class ReferenceEvaluator implements PointEvaluator {
    private final ResolvedSpace resolved;
    private final MeasureSetup setup;
    private final DesignApplier applier;

    public ReferenceEvaluator(ResolvedSpace resolved, MeasureSetup setup) {
        this.resolved = resolved;
        this.setup = setup;
        this.applier = new DesignApplier(resolved);
    }

    @Override
    public DesignSpace space() {
        return resolved.space();
    }

    @Override
    public void evaluate(int[] choices, double[] metrics) {
        Model model = applier.apply(choices);
        CostReport report = Counter.count(ShapeInference.infer(model, setup.batch()), setup.convention(),
                setup.precision().bytes());
        metrics[Metric.PARAMS.ordinal()] = report.totals().params();
        metrics[Metric.ACCURACY.ordinal()] = Double.NaN; // predicted from measured designs by the compiled evaluator
        metrics[Metric.MACS.ordinal()] = report.totals().macs();
        metrics[Metric.FLOPS.ordinal()] = report.totals().flops();
        metrics[Metric.WEIGHT_BYTES.ordinal()] = report.weightBytes();
        metrics[Metric.PEAK_ACTIVATION_BYTES.ordinal()] = report.peakActivationBytes();
        metrics[Metric.LATENCY_SECONDS.ordinal()] = setup.device() == null ? Double.NaN
                : Roofline.time(report, setup.device(), setup.rooflineOptions()).totalSeconds();
    }
}
