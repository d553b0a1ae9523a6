package dev.ridgeline.hardware.roofline;

/**
 * The roofline time of one layer: computeSeconds = ops / (computeEfficiency x computeFill x peak), memorySeconds =
 * bytes / (memoryEfficiency x bandwidth) + streamedWeightBytes / the runtime's weight stream rate, seconds = the
 * larger plus the layer overhead (layers that move
 * nothing and compute nothing, such as views, take no time and no overhead). Under fused execution a group's
 * ops, bytes and time are its head's; its other layers read 0 with bound {@code FUSED} and name the head in
 * {@code fusedInto} (empty for a layer that is not fused into another).
 */
public record LayerTiming(String name, long ops, long bytes, double computeSeconds, double memorySeconds,
                          double seconds, Bound bound, String fusedInto, double computeEfficiency,
                          double computeFill, long streamedWeightBytes) {
    public LayerTiming(String name, long ops, long bytes, double computeSeconds, double memorySeconds,
                       double seconds, Bound bound) {
        this(name, ops, bytes, computeSeconds, memorySeconds, seconds, bound, "");
    }

    public LayerTiming(String name, long ops, long bytes, double computeSeconds, double memorySeconds,
                       double seconds, Bound bound, String fusedInto) {
        this(name, ops, bytes, computeSeconds, memorySeconds, seconds, bound, fusedInto, Double.NaN, 1, 0);
    }

    /** A layer that runs inside {@code head}'s kernel. */
    static LayerTiming fused(String name, String head) {
        return new LayerTiming(name, 0, 0, 0, 0, 0, Bound.FUSED, head);
    }

    /** Operations per byte moved; infinite for a layer that moves nothing but computes. */
    public double arithmeticIntensity() {
        return bytes == 0 ? (ops == 0 ? 0 : Double.POSITIVE_INFINITY) : (double) ops / bytes;
    }
}
