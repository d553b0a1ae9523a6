package dev.ridgeline.hardware.roofline;

import java.util.Locale;

/**
 * Which roof limits a layer: its compute time or its memory time; {@code FUSED} for a layer that runs inside
 * another layer's kernel (its time is that layer's).
 */
public enum Bound {
    COMPUTE, MEMORY, FUSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
