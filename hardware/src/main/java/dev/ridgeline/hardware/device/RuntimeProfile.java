package dev.ridgeline.hardware.device;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A chip under one runtime (TensorRT, OpenVINO, ONNX Runtime, ncnn on the CPU or through Vulkan, the Edge TPU
 * compiler): what the runtime makes of the chip's peaks. The share of peak compute and bandwidth a kernel
 * attains, a fixed time per kernel and per inference, how a kernel's output is tiled over the chip's units
 * ({@link Occupancy}) and, for chips that keep parameters on chip, how many bytes of weights stay there (the rest
 * stream in over {@code weightStreamBytesPerSecond} on every inference).
 *
 * @param source          where the constants come from (a fit to named published figures, a datasheet, an
 *                        assumption)
 * @param precisionFactor per precision, a factor in (0, 1] on the compute efficiency of kernels at that precision:
 *                        the runtime's kernels for it reach that much less of its peak (ncnn's INT8 kernels on an
 *                        ARM CPU, say); a precision left out takes 1
 */
public record RuntimeProfile(String id, String name, double computeEfficiency, double memoryEfficiency,
                             Map<KernelClass, Double> computeEfficiencyByKind, double kernelOverheadSeconds,
                             double inferenceOverheadSeconds, Occupancy occupancy, double weightCacheBytes,
                             double weightStreamBytesPerSecond, String source, Map<Precision, Double> precisionFactor) {
    /** A runtime whose kernels reach the same share of every precision's peak. */
    public RuntimeProfile(String id, String name, double computeEfficiency, double memoryEfficiency,
                          Map<KernelClass, Double> computeEfficiencyByKind, double kernelOverheadSeconds,
                          double inferenceOverheadSeconds, Occupancy occupancy, double weightCacheBytes,
                          double weightStreamBytesPerSecond, String source) {
        this(id, name, computeEfficiency, memoryEfficiency, computeEfficiencyByKind, kernelOverheadSeconds,
                inferenceOverheadSeconds, occupancy, weightCacheBytes, weightStreamBytesPerSecond, source, Map.of());
    }

    public RuntimeProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occupancy, "occupancy");
        if (!(computeEfficiency > 0 && computeEfficiency <= 1) || !(memoryEfficiency > 0 && memoryEfficiency <= 1)) {
            throw new IllegalArgumentException("runtime " + id + ": efficiencies must be in (0, 1]");
        }
        for (double e : computeEfficiencyByKind.values()) {
            if (!(e > 0 && e <= 1)) {
                throw new IllegalArgumentException("runtime " + id + ": efficiencies must be in (0, 1]");
            }
        }
        if (kernelOverheadSeconds < 0 || inferenceOverheadSeconds < 0 || weightCacheBytes < 0) {
            throw new IllegalArgumentException("runtime " + id + ": overheads and the weight cache must not be"
                    + " negative");
        }
        if (weightCacheBytes > 0 && !(weightStreamBytesPerSecond > 0)) {
            throw new IllegalArgumentException("runtime " + id + ": a weight cache needs the rate at which the other"
                    + " weights stream in (weightStreamBytesPerSecond above 0)");
        }
        for (double f : precisionFactor.values()) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("runtime " + id + ": a precision factor must be in (0, 1]");
            }
        }
        computeEfficiencyByKind = computeEfficiencyByKind.isEmpty() ? Map.of()
                : Map.copyOf(new EnumMap<>(computeEfficiencyByKind));
        precisionFactor = Map.copyOf(precisionFactor);
        name = name == null ? id : name;
        source = source == null ? "" : source;
    }

    /** The factor on the compute efficiency of kernels at {@code precision}: 1 unless the runtime names one. */
    public double precisionFactor(Precision precision) {
        return precisionFactor.getOrDefault(precision, 1.0);
    }

    /** The same runtime with other efficiencies and fixed times (its tiles, cache and precision factors kept). */
    public RuntimeProfile withConstants(String newId, String newName, double compute, double memory,
                                        Map<KernelClass, Double> byKind, double kernel, double inference,
                                        String newSource) {
        return new RuntimeProfile(newId, newName, compute, memory, byKind, kernel, inference, occupancy,
                weightCacheBytes, weightStreamBytesPerSecond, newSource, precisionFactor);
    }

    /** True when weights beyond {@link #weightCacheBytes} stream in on every inference. */
    public boolean cachesWeights() {
        return weightCacheBytes > 0;
    }
}
