package dev.ridgeline.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which expanded jobs make no sense to run: a device that lacks the job's precision is skipped with the
 * reason, not failed. A device or precision that cannot be read is left for the job to report.
 */
final class Skips {
    private Skips() {
    }

    static Optional<String> reason(ObjectNode job, Path dir) {
        String hardware = JobTrees.text(job, "hardware");
        if (hardware.isEmpty()) {
            return Optional.empty();
        }
        String precisionId = JobTrees.text(job, "precision");
        Optional<Precision> precision = precisionId.isEmpty() ? Optional.of(Precision.FP32)
                : Precision.byId(precisionId);
        if (precision.isEmpty()) {
            return Optional.empty();
        }
        DeviceProfile device;
        try {
            Path file = dir.resolve(hardware);
            device = Devices.resolve(Files.isRegularFile(file) ? file.toString() : hardware);
        } catch (BadInputException e) {
            return Optional.empty();
        }
        if (device.peak(precision.get()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(String.format("%s (%s) has no %s figures; it supports %s", device.id(), device.name(),
                precision.get().id(), device.supported()));
    }
}
