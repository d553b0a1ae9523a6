package dev.ridgeline.search.eval;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Precision;

/**
 * How design points are measured: the FLOPs convention, the batch, the precision (element size of
 * weights and activations) and the device for latency (null: latency is not measured, NaN).
 */
public record MeasureSetup(Convention convention, int batch, Precision precision, DeviceProfile device) {
    public MeasureSetup {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
    }
}
