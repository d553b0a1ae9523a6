package dev.ridgeline.store.read;

/**
 * One layer as the report shows it: its counts from the analysis and, when the model was timed, its roofline
 * time. Times, ops and bytes of an untimed layer are NaN / -1.
 *
 * @param stage              the layer's first label, else its name up to the first dot
 * @param activationBytes    the bytes of the layer's output (its writeBytes)
 * @param arithmeticIntensity the device's operations per byte moved, NaN when untimed or moving nothing
 */
public record LayerRow(String name, String op, String stage, long params, long macs, long flops, long readBytes,
                       long writeBytes, long ops, long bytes, double seconds, double arithmeticIntensity,
                       String bound) {
    public long activationBytes() {
        return writeBytes;
    }

    public boolean timed() {
        return !Double.isNaN(seconds);
    }

    /** Attained operations per second on the device: ops over the layer's time, NaN when untimed or zero. */
    public double attainedOpsPerSecond() {
        return timed() && seconds > 0 ? ops / seconds : Double.NaN;
    }
}
