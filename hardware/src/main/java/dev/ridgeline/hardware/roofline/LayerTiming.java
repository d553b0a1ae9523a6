package dev.ridgeline.hardware.roofline;

/**
 * The roofline time of one layer: computeSeconds = ops / (computeEfficiency x peak), memorySeconds =
 * bytes / (memoryEfficiency x bandwidth), seconds = the larger plus the layer overhead (layers that move
 * nothing and compute nothing, such as views, take no time and no overhead).
 */
public record LayerTiming(String name, long ops, long bytes, double computeSeconds, double memorySeconds,
                          double seconds, Bound bound) {
    /** Operations per byte moved; infinite for a layer that moves nothing but computes. */
    public double arithmeticIntensity() {
        return bytes == 0 ? (ops == 0 ? 0 : Double.POSITIVE_INFINITY) : (double) ops / bytes;
    }
}
