package dev.ridgeline.cli;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.measure.published.PublishedFigure;
import dev.ridgeline.measure.published.PublishedFigures;
import dev.ridgeline.measure.published.RuntimeFit;
import dev.ridgeline.report.measure.PublishedFitReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What {@code hardware calibrate --from FILE} does: read the figures, keep the device's, fit, print. */
final class PublishedCalibration {
    private PublishedCalibration() {
    }

    static void run(Path from, String hardware, String split, Path out, PrintWriter stdout) {
        BadInputException.check(hardware != null, "hardware calibrate --from needs --hardware NAME[:RUNTIME]: the"
                + " device whose runtime constants to fit (its peaks and bandwidth stay)");
        BadInputException.check(out == null, "hardware calibrate --from prints the fitted runtime block to paste"
                + " under runtimes: in the device file; it writes no --out file");
        BadInputException.check(split.equals("all") || split.equals("fit"), "--split must be all or fit, got '"
                + split + "'");
        BadInputException.check(Files.isRegularFile(from), from + ": no such file");
        DeviceProfile device = Devices.resolve(hardware);
        List<PublishedFigure> figures = PublishedFigures.read(from).stream()
                .filter(f -> f.device().isEmpty() || f.device().equals(device.id()))
                .filter(f -> f.runtime().isEmpty() || device.runtime() == null || f.runtime().equals(device.runtimeId()))
                .filter(f -> split.equals("all") || !f.heldOut())
                .toList();
        BadInputException.check(figures.size() >= 2, from + ": " + figures.size() + " figure(s) for device '"
                + device.id() + "'" + (device.runtime() == null ? "" : " under runtime '" + device.runtimeId() + "'")
                + (split.equals("fit") ? " marked fit" : "") + "; a fit needs at least 2");
        RuntimeFit.Result fit = RuntimeFit.fit(figures, device);
        stdout.print(PublishedFitReport.render(device, figures, fit, from.toString()));
        stdout.flush();
    }
}
