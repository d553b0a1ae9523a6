package dev.ridgeline.store.plan;

import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.hardware.roofline.LayerTiming;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.prune.PlanChanges;
import dev.ridgeline.prune.PrunePlan;
import dev.ridgeline.search.eval.MeasureSetup;
import java.util.Optional;

/**
 * What keeps a plan's latency from going lower: the kernels that still run, each with the device's fixed
 * overhead (launch, scheduling) that no channel cut removes, and the rest, the compute and memory time of the
 * plan's narrowest allowed widths.
 *
 * @param kernels         kernels of the plan's model that take time
 * @param overheadSeconds kernels x the device's per-kernel overhead
 * @param totalSeconds    the plan's latency, as the roofline times its model
 */
record PlanFloor(int kernels, double overheadPerKernelSeconds, double overheadSeconds, double totalSeconds) {

    /** The floor of a plan's model, or empty without a device (or when its model cannot be built). */
    static Optional<PlanFloor> of(PrunePlan plan) {
        MeasureSetup setup = plan.request().setup();
        if (setup.device() == null) {
            return Optional.empty();
        }
        try {
            CostReport report = Counter.count(ShapeInference.infer(PlanChanges.prunedModel(plan), setup.batch()),
                    setup.convention(), setup.precision().bytes());
            LatencyReport timed = Roofline.time(report, setup.device(), setup.rooflineOptions());
            int kernels = 0;
            for (LayerTiming t : timed.layers()) {
                if (t.seconds() > 0) {
                    kernels++;
                }
            }
            double each = setup.device().layerOverheadSeconds();
            return Optional.of(new PlanFloor(kernels, each, kernels * each, timed.totalSeconds()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
