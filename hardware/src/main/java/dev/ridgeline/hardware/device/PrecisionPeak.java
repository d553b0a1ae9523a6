package dev.ridgeline.hardware.device;

import java.util.OptionalDouble;

/**
 * Dense peak throughput of one precision on a device, for the matrix and/or vector engines, and the
 * engine the roofline uses ({@link #engine}). Operations count a multiply-accumulate as two.
 *
 * @param matrixOpsPerSecond peak of the matrix engines, or NaN when the device has none for this precision
 * @param vectorOpsPerSecond peak of the vector units, or NaN when not stated
 * @param engine             the engine whose peak the roofline uses
 * @param status             how the figures were obtained
 * @param note               the source or the formula of a derived figure
 */
public record PrecisionPeak(double matrixOpsPerSecond, double vectorOpsPerSecond, Engine engine, FigureStatus status,
                            String note) {
    public PrecisionPeak {
        if (!Double.isNaN(matrixOpsPerSecond) && !(matrixOpsPerSecond > 0)) {
            throw new IllegalArgumentException("a matrix peak must be above 0, got " + matrixOpsPerSecond);
        }
        if (!Double.isNaN(vectorOpsPerSecond) && !(vectorOpsPerSecond > 0)) {
            throw new IllegalArgumentException("a vector peak must be above 0, got " + vectorOpsPerSecond);
        }
        if (Double.isNaN(peak(engine, matrixOpsPerSecond, vectorOpsPerSecond))) {
            throw new IllegalArgumentException("no " + engine + " peak is given");
        }
        note = note == null ? "" : note;
    }

    /** The peak the roofline uses, in operations per second. */
    public double opsPerSecond() {
        return peak(engine, matrixOpsPerSecond, vectorOpsPerSecond);
    }

    public OptionalDouble matrix() {
        return Double.isNaN(matrixOpsPerSecond) ? OptionalDouble.empty() : OptionalDouble.of(matrixOpsPerSecond);
    }

    public OptionalDouble vector() {
        return Double.isNaN(vectorOpsPerSecond) ? OptionalDouble.empty() : OptionalDouble.of(vectorOpsPerSecond);
    }

    /** The same figures with the roofline using another engine; fails when that engine has no peak. */
    public PrecisionPeak using(Engine other) {
        return new PrecisionPeak(matrixOpsPerSecond, vectorOpsPerSecond, other, status, note);
    }

    private static double peak(Engine engine, double matrix, double vector) {
        return engine == Engine.MATRIX ? matrix : vector;
    }
}
