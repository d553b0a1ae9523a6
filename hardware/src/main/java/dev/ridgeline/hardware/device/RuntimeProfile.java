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
 * @param source where the constants come from (a fit to named published figures, a datasheet, an assumption)
 */
public record RuntimeProfile(String id, String name, double computeEfficiency, double memoryEfficiency,
                             Map<KernelClass, Double> computeEfficiencyByKind, double kernelOverheadSeconds,
                             double inferenceOverheadSeconds, Occupancy occupancy, double weightCacheBytes,
                             double weightStreamBytesPerSecond, String source) {
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
        computeEfficiencyByKind = computeEfficiencyByKind.isEmpty() ? Map.of()
                : Map.copyOf(new EnumMap<>(computeEfficiencyByKind));
        name = name == null ? id : name;
        source = source == null ? "" : source;
    }

    /** True when weights beyond {@link #weightCacheBytes} stream in on every inference. */
    public boolean cachesWeights() {
        return weightCacheBytes > 0;
    }
}
