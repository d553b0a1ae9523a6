package dev.ridgeline.store.read;

/**
 * The roofline of the device an analysis was timed on, at the run's precision: attainable compute
 * (efficiency x peak) of each engine the device states and attainable bandwidth (efficiency x bandwidth).
 *
 * @param peakOpsPerSecond   the peak of the engine the timing used
 * @param matrixOpsPerSecond the matrix engines' peak, NaN when unknown or absent
 * @param vectorOpsPerSecond the vector units' peak, NaN when unknown or absent
 * @param figureStatuses     how the device's figures were obtained, e.g. "bandwidth datasheet, fp16 derived"
 */
public record Roofs(String deviceId, String deviceName, String precision, String engine, String source,
                    double peakOpsPerSecond, double matrixOpsPerSecond, double vectorOpsPerSecond,
                    double bandwidthBytesPerSecond, double computeEfficiency, double memoryEfficiency,
                    double totalSeconds, double memoryBoundShare, String figureStatuses) {

    /** Attainable bytes per second. */
    public double memoryRoof() {
        return memoryEfficiency * bandwidthBytesPerSecond;
    }

    /** Attainable operations per second of a peak. */
    public double computeRoof(double peak) {
        return computeEfficiency * peak;
    }

    /** Operations per byte where the used engine's compute roof meets the memory roof. */
    public double ridgeOpsPerByte() {
        return computeRoof(peakOpsPerSecond) / memoryRoof();
    }
}
