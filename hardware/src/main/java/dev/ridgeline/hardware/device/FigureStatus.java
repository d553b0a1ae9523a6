package dev.ridgeline.hardware.device;

/** How far a device figure can be trusted. */
public enum FigureStatus {
    /** Read from the vendor's datasheet or product page. */
    DATASHEET,
    /** Computed from datasheet figures by a formula the profile states. */
    DERIVED,
    /** From a secondary source or an estimate nobody has checked. */
    UNVERIFIED,
    /** Fitted to runs on the device itself ({@code ridgeline hardware calibrate}). */
    MEASURED
}
