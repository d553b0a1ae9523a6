package dev.ridgeline.hardware.device;

import dev.ridgeline.core.BadInputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A device the roofline model can time: dense peaks per precision, off-chip bandwidth, memory, the
 * efficiency factors that turn peaks into attainable rates, a fixed cost per layer, and where every
 * figure comes from. A precision the device lacks is absent: asking for it is an error, never a zero.
 *
 * @param memoryCapacityBytes   device memory, or 0 when it is the host's (then no fit check applies)
 * @param onChipBufferBytes     on-chip memory (SRAM, L2), or 0 when unknown
 * @param computeEfficiency     the share of peak compute a layer attains, in (0, 1]
 * @param memoryEfficiency      the share of peak bandwidth a layer attains, in (0, 1]
 * @param layerOverheadSeconds  fixed time per layer that runs (kernel launch, scheduling)
 * @param source                where the figures come from (datasheet, page, formula)
 * @param bandwidthStatus       how the bandwidth was obtained
 * @param fusion                how the device's usual runtime groups layers into kernels, unless a run says otherwise
 * @param computeEfficiencyByKind the compute efficiency of kernels of a {@link KernelClass}, where it differs from
 *                              {@code computeEfficiency} (a calibrated profile fits them)
 * @param runtime               the runtime the figures above are taken under (its efficiencies and kernel overhead
 *                              are the ones above), or null for a profile that names none
 * @param runtimes              every runtime the device file describes, the default first
 */
public record DeviceProfile(String id, String name, DeviceClass deviceClass, Map<Precision, PrecisionPeak> peaks,
                            double bandwidthBytesPerSecond, FigureStatus bandwidthStatus, double memoryCapacityBytes,
                            double onChipBufferBytes, double computeEfficiency, double memoryEfficiency,
                            double layerOverheadSeconds, String source, Fusion fusion,
                            Map<KernelClass, Double> computeEfficiencyByKind, RuntimeProfile runtime,
                            List<RuntimeProfile> runtimes) {
    /** A profile that names no runtime. */
    public DeviceProfile(String id, String name, DeviceClass deviceClass, Map<Precision, PrecisionPeak> peaks,
                         double bandwidthBytesPerSecond, FigureStatus bandwidthStatus, double memoryCapacityBytes,
                         double onChipBufferBytes, double computeEfficiency, double memoryEfficiency,
                         double layerOverheadSeconds, String source, Fusion fusion,
                         Map<KernelClass, Double> computeEfficiencyByKind) {
        this(id, name, deviceClass, peaks, bandwidthBytesPerSecond, bandwidthStatus, memoryCapacityBytes,
                onChipBufferBytes, computeEfficiency, memoryEfficiency, layerOverheadSeconds, source, fusion,
                computeEfficiencyByKind, null, List.of());
    }

    /** A profile with one compute efficiency for every kind of kernel. */
    public DeviceProfile(String id, String name, DeviceClass deviceClass, Map<Precision, PrecisionPeak> peaks,
                         double bandwidthBytesPerSecond, FigureStatus bandwidthStatus, double memoryCapacityBytes,
                         double onChipBufferBytes, double computeEfficiency, double memoryEfficiency,
                         double layerOverheadSeconds, String source, Fusion fusion) {
        this(id, name, deviceClass, peaks, bandwidthBytesPerSecond, bandwidthStatus, memoryCapacityBytes,
                onChipBufferBytes, computeEfficiency, memoryEfficiency, layerOverheadSeconds, source, fusion, Map.of());
    }

    /** A profile timed layer by layer ({@link Fusion#NONE}). */
    public DeviceProfile(String id, String name, DeviceClass deviceClass, Map<Precision, PrecisionPeak> peaks,
                         double bandwidthBytesPerSecond, FigureStatus bandwidthStatus, double memoryCapacityBytes,
                         double onChipBufferBytes, double computeEfficiency, double memoryEfficiency,
                         double layerOverheadSeconds, String source) {
        this(id, name, deviceClass, peaks, bandwidthBytesPerSecond, bandwidthStatus, memoryCapacityBytes,
                onChipBufferBytes, computeEfficiency, memoryEfficiency, layerOverheadSeconds, source, Fusion.NONE);
    }

    public DeviceProfile {
        java.util.Objects.requireNonNull(fusion, "fusion");
        for (double e : computeEfficiencyByKind.values()) {
            if (!(e > 0 && e <= 1)) {
                throw new IllegalArgumentException("efficiencies must be in (0, 1]");
            }
        }
        computeEfficiencyByKind = computeEfficiencyByKind.isEmpty() ? Map.of()
                : Map.copyOf(new EnumMap<>(computeEfficiencyByKind));
        if (peaks.isEmpty()) {
            throw new IllegalArgumentException("device " + id + " supports no precision");
        }
        if (!(bandwidthBytesPerSecond > 0)) {
            throw new IllegalArgumentException("device " + id + " needs a bandwidth above 0");
        }
        if (!(computeEfficiency > 0 && computeEfficiency <= 1) || !(memoryEfficiency > 0 && memoryEfficiency <= 1)) {
            throw new IllegalArgumentException("efficiencies must be in (0, 1]");
        }
        if (layerOverheadSeconds < 0 || memoryCapacityBytes < 0 || onChipBufferBytes < 0) {
            throw new IllegalArgumentException("overhead, memory and buffer sizes must not be negative");
        }
        peaks = Map.copyOf(new EnumMap<>(peaks));
        runtimes = List.copyOf(runtimes);
    }

    /**
     * The same chip under runtime {@code runtimeId}: that runtime's efficiencies, kernel overhead, inference
     * overhead, occupancy and weight cache. An unknown id fails with the runtimes the device has.
     */
    public DeviceProfile withRuntime(String runtimeId) {
        RuntimeProfile r = runtimes.stream().filter(x -> x.id().equals(runtimeId)).findFirst().orElseThrow(() ->
                new BadInputException("device '" + id + "' (" + name + ") has no runtime '" + runtimeId + "'; "
                        + (runtimes.isEmpty() ? "its file describes none (add a runtimes: section)"
                        : "it has " + runtimes.stream().map(RuntimeProfile::id).collect(Collectors.joining(", ")))));
        return withRuntime(r);
    }

    /** The same chip under runtime {@code r} (one of its own, or one fitted to it). */
    public DeviceProfile withRuntime(RuntimeProfile r) {
        return new DeviceProfile(id, name, deviceClass, peaks, bandwidthBytesPerSecond, bandwidthStatus,
                memoryCapacityBytes, onChipBufferBytes, r.computeEfficiency(), r.memoryEfficiency(),
                r.kernelOverheadSeconds(), source, fusion, r.computeEfficiencyByKind(), r, runtimes);
    }

    /** The runtime's id, or "" for a profile that names none. */
    public String runtimeId() {
        return runtime == null ? "" : runtime.id();
    }

    /** Fixed time per inference (host call, synchronisation), added once to a model's kernels; 0 without a runtime. */
    public double inferenceOverheadSeconds() {
        return runtime == null ? 0 : runtime.inferenceOverheadSeconds();
    }

    /** How kernels are tiled over the chip ({@link Occupancy#NONE} without a runtime). */
    public Occupancy occupancy() {
        return runtime == null ? Occupancy.NONE : runtime.occupancy();
    }

    /** The compute efficiency of kernels of a kind: its own where the profile gives one, else the common one. */
    public double computeEfficiency(KernelClass kind) {
        return computeEfficiencyByKind.getOrDefault(kind, computeEfficiency);
    }

    /** The runtime's factor on the compute efficiency of kernels at {@code precision}; 1 without a runtime. */
    public double precisionFactor(Precision precision) {
        return runtime == null ? 1 : runtime.precisionFactor(precision);
    }

    public Optional<PrecisionPeak> peak(Precision precision) {
        return Optional.ofNullable(peaks.get(precision));
    }

    /** The peak of a precision; an unsupported one fails with the precisions the device has. */
    public PrecisionPeak require(Precision precision) {
        return peak(precision).orElseThrow(() -> new BadInputException("device '" + id + "' (" + name
                + ") does not support " + precision.id() + "; it supports " + supported()));
    }

    /** Supported precisions, widest first: "fp32, fp16, int8". */
    public String supported() {
        return peaks.keySet().stream().sorted().map(Precision::id).collect(Collectors.joining(", "));
    }

    /**
     * The figures a roofline at this precision uses that no datasheet states, each as "int8 peak (derived)" or
     * "bandwidth (unverified)", in that order; empty when the peak and the bandwidth are both datasheet figures.
     */
    public List<String> estimatedFigures(Precision precision) {
        List<String> figures = new ArrayList<>(2);
        FigureStatus peakStatus = require(precision).status();
        if (peakStatus != FigureStatus.DATASHEET) {
            figures.add(precision.id() + " peak (" + peakStatus.name().toLowerCase(Locale.ROOT) + ")");
        }
        if (bandwidthStatus != FigureStatus.DATASHEET) {
            figures.add("bandwidth (" + bandwidthStatus.name().toLowerCase(Locale.ROOT) + ")");
        }
        return List.copyOf(figures);
    }

    /**
     * The ridge point of a precision: the arithmetic intensity (operations per byte) where the compute roof
     * (efficiency x peak) meets the memory roof (efficiency x bandwidth).
     */
    public double ridgeOpsPerByte(Precision precision) {
        return computeEfficiency * require(precision).opsPerSecond() / (memoryEfficiency * bandwidthBytesPerSecond);
    }
}
