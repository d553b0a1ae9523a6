package dev.ridgeline.hardware.roofline;

import java.util.Locale;

/** Which roof limits a layer: its compute time or its memory time. */
public enum Bound {
    COMPUTE, MEMORY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
