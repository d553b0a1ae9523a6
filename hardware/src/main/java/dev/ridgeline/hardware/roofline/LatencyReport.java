package dev.ridgeline.hardware.roofline;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import java.util.List;

/**
 * A model's roofline latency on one device at one precision and batch, with every parameter used so
 * that each layer's time can be recomputed from the report alone.
 *
 * @param peakOpsPerSecond      the peak of the engine used, at this precision
 * @param fusion                how layers were grouped into kernels
 * @param memoryRequiredBytes   weights plus peak live activations at this precision
 * @param inferenceOverheadSeconds the runtime's fixed time per inference, part of {@link #totalSeconds}
 */
public record LatencyReport(DeviceProfile device, Precision precision, Engine engine, int batch,
                            double peakOpsPerSecond, boolean onChipReuse, Fusion fusion, List<LayerTiming> layers,
                            long memoryRequiredBytes, double inferenceOverheadSeconds) {
    public LatencyReport {
        layers = List.copyOf(layers);
    }

    /** The layers' seconds plus the inference overhead. */
    public double totalSeconds() {
        double total = inferenceOverheadSeconds;
        for (LayerTiming t : layers) {
            total += t.seconds();
        }
        return total;
    }

    public long totalOps() {
        return layers.stream().mapToLong(LayerTiming::ops).sum();
    }

    public long totalBytes() {
        return layers.stream().mapToLong(LayerTiming::bytes).sum();
    }

    /** Samples per second at this batch. */
    public double throughputPerSecond() {
        return batch / totalSeconds();
    }

    /** The share of the total time spent in memory-bound layers. */
    public double memoryBoundShare() {
        double memory = layers.stream().filter(t -> t.bound() == Bound.MEMORY).mapToDouble(LayerTiming::seconds).sum();
        return memory / totalSeconds();
    }

    /** Seed 003's utilization: achieved operations per second over the peak. */
    public double utilization() {
        return totalOps() / totalSeconds() / peakOpsPerSecond;
    }

    /** False when the device's memory is known and the weights and peak activations exceed it. */
    public boolean fitsInMemory() {
        return device.memoryCapacityBytes() == 0 || memoryRequiredBytes <= device.memoryCapacityBytes();
    }
}
