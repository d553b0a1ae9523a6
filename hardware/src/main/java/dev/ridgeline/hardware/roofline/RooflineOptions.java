package dev.ridgeline.hardware.roofline;

import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import java.util.Optional;

/**
 * How to time a model: the precision; optionally the engine to use instead of the profile's choice;
 * on-chip reuse (off by default): when a layer reads the output of the layer just before it and that
 * tensor fits the device's on-chip buffer, the read is served on chip and not charged to memory; and
 * optionally the {@link Fusion} mode instead of the profile's.
 */
public record RooflineOptions(Precision precision, Optional<Engine> engine, boolean onChipReuse,
                              Optional<Fusion> fusion) {
    public RooflineOptions(Precision precision, Optional<Engine> engine, boolean onChipReuse) {
        this(precision, engine, onChipReuse, Optional.empty());
    }

    public static RooflineOptions of(Precision precision) {
        return new RooflineOptions(precision, Optional.empty(), false);
    }

    /** The same options with fusion set (empty: the device's default). */
    public RooflineOptions withFusion(Optional<Fusion> mode) {
        return new RooflineOptions(precision, engine, onChipReuse, mode);
    }
}
