package dev.ridgeline.hardware.roofline;

import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.Precision;
import java.util.Optional;

/**
 * How to time a model: the precision; optionally the engine to use instead of the profile's choice;
 * and on-chip reuse (off by default): when a layer reads the output of the layer just before it and that
 * tensor fits the device's on-chip buffer, the read is served on chip and not charged to memory.
 */
public record RooflineOptions(Precision precision, Optional<Engine> engine, boolean onChipReuse) {
    public static RooflineOptions of(Precision precision) {
        return new RooflineOptions(precision, Optional.empty(), false);
    }
}
