package dev.ridgeline.search.eval;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * How design points are measured: the FLOPs convention, the batch, the precision (element size of
 * weights and activations), the device for latency (null: latency is not measured, NaN) and the fusion
 * mode (empty: the device's).
 */
public record MeasureSetup(Convention convention, int batch, Precision precision, DeviceProfile device,
                           Optional<Fusion> fusion) {
    public MeasureSetup {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        Objects.requireNonNull(fusion, "fusion");
    }

    public MeasureSetup(Convention convention, int batch, Precision precision, DeviceProfile device) {
        this(convention, batch, precision, device, Optional.empty());
    }

    /** The same setup with another fusion mode (empty: the device's). */
    public MeasureSetup withFusion(Optional<Fusion> mode) {
        return new MeasureSetup(convention, batch, precision, device, mode);
    }

    /** The fusion the roofline applies: the one asked for, else the device's; NONE without a device. */
    public Fusion effectiveFusion() {
        return fusion.orElse(device == null ? Fusion.NONE : device.fusion());
    }

    /** The roofline options every evaluator times points with. */
    public RooflineOptions rooflineOptions() {
        return RooflineOptions.of(precision).withFusion(Optional.of(effectiveFusion()));
    }
}
