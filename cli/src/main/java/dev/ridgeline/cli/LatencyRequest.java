package dev.ridgeline.cli;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.io.yaml.Suggest;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Engine;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code --precision}, {@code --hardware}, {@code --engine} and {@code --on-chip-reuse} ask for, checked
 * before anything is counted: the precision whose element size the counts use (fp32 unless given) and, with a
 * device, how to time the model on it.
 */
record LatencyRequest(Precision precision, Optional<DeviceProfile> device, RooflineOptions options) {

    /**
     * @param hardware  a preset id or device file, or null
     * @param precision a precision id, or null for fp32
     * @param engine    matrix or vector, or null for the device's choice
     * @param fusion    none or engine, or null for the device's default
     */
    static LatencyRequest of(String hardware, String precision, String engine, boolean onChipReuse, String fusion) {
        Precision p = precision == null ? Precision.FP32 : precision(precision);
        if (hardware == null) {
            BadInputException.check(engine == null, "--engine needs --hardware NAME|FILE");
            BadInputException.check(!onChipReuse, "--on-chip-reuse needs --hardware NAME|FILE");
            BadInputException.check(fusion == null, "--fusion needs --hardware NAME|FILE");
            return new LatencyRequest(p, Optional.empty(), RooflineOptions.of(p));
        }
        DeviceProfile device = Devices.resolve(hardware);
        try {
            device.require(p);
        } catch (BadInputException e) {
            throw precision == null ? new BadInputException(e.getMessage() + " (fp32 is the default; choose one"
                    + " with --precision)") : e;
        }
        Optional<Engine> chosen = engine == null ? Optional.empty() : Optional.of(engine(engine));
        return new LatencyRequest(p, Optional.of(device), new RooflineOptions(p, chosen, onChipReuse)
                .withFusion(fusion(fusion)));
    }

    /**
     * One line warning that the latency rests on figures no datasheet states (the precision's peak or the
     * bandwidth is derived or unverified), naming them; empty without a device or when every figure is a
     * datasheet's.
     */
    Optional<String> estimateWarning() {
        return device.flatMap(d -> {
            List<String> figures = d.estimatedFigures(precision);
            return figures.isEmpty() ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                    "ridgeline: warning: the latency on %s uses figures no datasheet states: %s (see 'ridgeline"
                            + " hardware show %s')", d.id(), String.join(", ", figures), d.id()));
        });
    }

    /** The model's roofline latency on the device, if one was asked for. */
    Optional<LatencyReport> time(CostReport report) {
        return device.map(d -> Roofline.time(report, d, options));
    }

    static Precision precision(String id) {
        return Precision.byId(id).orElseThrow(() -> new BadInputException("unknown precision '" + id + "'"
                + Suggest.hint(id, Arrays.stream(Precision.values()).map(Precision::id).toList())
                + "; precisions: " + Precision.knownIds()));
    }

    /** A --fusion value; null is empty (the device's default). */
    static Optional<Fusion> fusion(String id) {
        return id == null ? Optional.empty() : Optional.of(Fusion.byId(id).orElseThrow(() -> new BadInputException(
                "unknown --fusion '" + id + "'; fusion modes: " + Fusion.knownIds())));
    }

    static Engine engine(String id) {
        String known = Arrays.stream(Engine.values()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return Arrays.stream(Engine.values()).filter(e -> e.name().equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new BadInputException("unknown engine '" + id + "'; engines: " + known));
    }
}
