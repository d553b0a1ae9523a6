package dev.ridgeline.store.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.device.PrecisionPeak;
import java.util.Locale;
import java.util.Optional;

/**
 * The roofs of an analysis's {@code latency} object. The JSON states the peak of the engine the timing used;
 * the other engine's peak and the figure statuses come from the device preset of the same id when there is one.
 */
final class DeviceRoofs {
    private DeviceRoofs() {
    }

    static Roofs of(JsonInput in, JsonNode latency) {
        String id = in.text(latency, "latency.", "hardware");
        String precision = in.text(latency, "latency.", "precision");
        double peak = in.number(latency, "latency.", "peakOpsPerSecond");
        String engine = JsonInput.optionalText(latency, "engine").orElse("matrix");
        double matrix = engine.equals("matrix") ? peak : Double.NaN;
        double vector = engine.equals("vector") ? peak : Double.NaN;
        String statuses = "not known (no preset named " + id + ")";
        Optional<DeviceProfile> preset = preset(id);
        Optional<Precision> p = Precision.byId(precision);
        if (preset.isPresent() && p.isPresent() && preset.get().peak(p.get()).isPresent()) {
            PrecisionPeak figures = preset.get().peak(p.get()).get();
            matrix = figures.matrix().orElse(matrix);
            vector = figures.vector().orElse(vector);
            statuses = "bandwidth " + status(preset.get().bandwidthStatus()) + ", " + precision + " peak "
                    + status(figures.status());
        }
        return new Roofs(id, JsonInput.optionalText(latency, "hardwareName").orElse(id), precision, engine,
                JsonInput.optionalText(latency, "hardwareSource").orElse(""), peak, matrix, vector,
                in.number(latency, "latency.", "bandwidthBytesPerSecond"),
                in.number(latency, "latency.", "computeEfficiency"),
                in.number(latency, "latency.", "memoryEfficiency"),
                in.number(latency, "latency.", "totalSeconds"),
                JsonInput.optionalNumber(latency, "memoryBoundShare"), statuses);
    }

    private static Optional<DeviceProfile> preset(String id) {
        try {
            return Devices.presetIds().contains(id) ? Optional.of(Devices.preset(id)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String status(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
