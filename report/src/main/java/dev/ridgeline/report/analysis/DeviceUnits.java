package dev.ridgeline.report.analysis;

import dev.ridgeline.store.format.Quantities;

import dev.ridgeline.hardware.device.Precision;

/**
 * How reports print device figures, in the decimal units of datasheets: peaks in TFLOPS (TOPS for integer
 * precisions), bandwidth in GB/s, memory in GB.
 */
public final class DeviceUnits {
    private DeviceUnits() {
    }

    /** {@code (989e12, FP16) -> "989 TFLOPS"}, {@code (1979e12, INT8) -> "1979 TOPS"}, below 1 T in G. */
    public static String ops(double opsPerSecond, Precision precision) {
        return Quantities.decimal(opsPerSecond, precision == Precision.INT8 ? "OPS" : "FLOPS", "T");
    }

    /** {@code 3.35e12 -> "3350 GB/s"}; below 1 GB/s in MB/s. */
    public static String bandwidth(double bytesPerSecond) {
        return Quantities.decimal(bytesPerSecond, "B/s", "G");
    }

    /** {@code 80e9 -> "80 GB"}, or "host" for 0: a device that uses the host's memory. */
    public static String memory(double bytes) {
        return bytes == 0 ? "host" : Quantities.decimalBytes(bytes);
    }

    /** An on-chip buffer: {@code 50e6 -> "50 MB"}, or "unknown" for 0. */
    public static String buffer(double bytes) {
        return bytes == 0 ? "unknown" : Quantities.decimalBytes(bytes);
    }

    /** An arithmetic intensity: {@code 229.63 -> "229.6 ops/byte"}. */
    public static String opsPerByte(double opsPerByte) {
        return String.format(java.util.Locale.ROOT, "%.1f ops/byte", opsPerByte);
    }
}
