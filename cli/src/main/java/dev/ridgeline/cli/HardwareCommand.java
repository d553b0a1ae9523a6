package dev.ridgeline.cli;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.report.hardware.DeviceListTable;
import dev.ridgeline.report.hardware.DeviceSheet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ridgeline hardware list|show NAME|FILE|calibrate|validate}: the device presets, every figure of one
 * device, and profiles of this CPU fitted to and checked against ONNX Runtime runs.
 */
@Command(name = "hardware",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Device profiles for latency estimates: the bundled presets, or your own .yaml file.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline hardware list",
            "  ridgeline hardware show h100-sxm",
            "  ridgeline hardware show my-board.yaml",
            "  ridgeline analyze resnet50 --hardware h100-sxm --precision fp16"})
final class HardwareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main root;

    /** Without a subcommand: the usage, as bad input. */
    @Override
    public Integer call() {
        return Failures.missingSubcommand(spec, "a hardware command");
    }

    @Command(name = "list",
            mixinStandardHelpOptions = true,
            description = "List the device presets: id, name, class, precisions, bandwidth and memory.",
            footerHeading = "%nExample:%n",
            footer = "  ridgeline hardware list")
    int list() {
        return Listings.print(spec, root, () -> {
            List<DeviceProfile> devices = Devices.presetIds().stream().map(Devices::preset).toList();
            return DeviceListTable.render(devices);
        });
    }

    @Command(name = "show",
            mixinStandardHelpOptions = true,
            description = "Show every figure of a device with its status and source: peaks per precision and"
                    + " engine, ridge points, bandwidth, memory, on-chip buffer, efficiencies and overhead.",
            footerHeading = "%nExamples:%n",
            footer = {"  ridgeline hardware show h100-sxm", "  ridgeline hardware show configs/hardware/h100-sxm.yaml"})
    int show(@Parameters(paramLabel = "NAME|FILE", description = "A preset id or a device .yaml file.")
             String device) {
        return Listings.print(spec, root, () -> DeviceSheet.render(Devices.resolve(device)));
    }

    @Command(name = "calibrate",
            mixinStandardHelpOptions = true,
            description = {"Fit a device profile of this CPU: run a stratified set of layer stacks and small networks in"
                    + " ONNX Runtime, fit the attainable FP32 rate, bandwidth and per-kernel overhead (least squares on"
                    + " log time ratio), and write the profile with a residuals file beside it. Needs"
                    + " ridgeline-measure.jar.",
                "With --from: fit a device's runtime constants (compute and memory efficiency, time per kernel and per"
                    + " inference) to whole-model figures in a CSV (model, input, batch, precision, milliseconds,"
                    + " source), print the fit, each figure's leave-one-out error and the runtime block to paste into"
                    + " the device file."},
            footerHeading = "%nExamples:%n",
            footer = {"  java -jar cli/target/ridgeline-measure.jar hardware calibrate --out my-cpu.yaml --threads 2",
                "  ridgeline hardware calibrate --from reference/published/latency.csv --hardware t4:tensorrt"})
    int calibrate(@Option(names = "--out", paramLabel = "FILE.yaml",
                          description = "The device file to write (FILE.residuals.csv goes beside it); required"
                                  + " without --from.") Path out,
                  @Option(names = "--from", paramLabel = "FILE.csv",
                          description = "Published or measured whole-model figures to fit instead of running"
                                  + " benchmarks; rows whose device and runtime columns name another device are"
                                  + " skipped.") Path from,
                  @Option(names = "--hardware", paramLabel = "NAME[:RUNTIME]|FILE",
                          description = "With --from: the device (and runtime) whose constants to fit.")
                  String hardware,
                  @Option(names = "--split", paramLabel = "all|fit", defaultValue = "all",
                          description = "With --from: fit every matching row (all, the default) or only the rows"
                                  + " whose split column says fit.") String split,
                  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
                          description = "Intra-op threads (default: ${DEFAULT-VALUE}).") int threads,
                  @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
                          description = "Timed runs per benchmark (default: ${DEFAULT-VALUE}).") int runs,
                  @Option(names = "--jobs", paramLabel = "JOB", split = ",",
                          description = "Jobs whose spaces give 8 random designs at 160x160 to the fit (default:"
                                  + " the MobileNetV2 and ResNet-18 example jobs).") List<String> jobs) {
        return Failures.guard(spec, root, () -> {
            if (from != null) {
                PublishedCalibration.run(from, hardware, split, out, spec.commandLine().getOut());
                return Failures.OK;
            }
            dev.ridgeline.core.BadInputException.check(out != null, "hardware calibrate needs --out FILE.yaml (the"
                    + " device file to write), or --from FILE.csv to fit published figures");
            CalibrationCommands.calibrate(out, threads, runs, jobs == null ? CalibrationCommands.DEFAULT_JOBS : jobs,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
            return Failures.OK;
        });
    }

    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            description = "Check a calibrated profile on held-out designs (random points of the example MobileNetV2"
                    + " and ResNet-18 spaces): measured in ONNX Runtime vs predicted, with Spearman and Kendall rank"
                    + " correlation, median and 90th-percentile absolute error and the share within 10%%, beside an"
                    + " uncalibrated generic CPU profile. Needs ridgeline-measure.jar.",
            footerHeading = "%nExample:%n",
            footer = "  java -jar cli/target/ridgeline-measure.jar hardware validate my-cpu.yaml --designs 40")
    int validate(@Parameters(paramLabel = "FILE", description = "A device file written by hardware calibrate.")
                 String device,
                 @Option(names = "--designs", paramLabel = "N", defaultValue = "40",
                         description = "Held-out designs, taken in turn from each job (default: ${DEFAULT-VALUE}).")
                 int designs,
                 @Option(names = "--jobs", paramLabel = "JOB", split = ",",
                         description = "Jobs whose spaces to draw from (default: configs/jobs/mobilenet_v2_orin_nano"
                                 + ".yaml,configs/jobs/resnet18_t4.yaml).") List<String> jobs,
                 @Option(names = "--seed", paramLabel = "N", defaultValue = "13",
                         description = "Seed of the random designs (default: ${DEFAULT-VALUE}).") long seed,
                 @Option(names = "--compare", paramLabel = "NAME|FILE",
                         description = "The profile to compare with (default: a generic uncalibrated CPU).")
                 String compare,
                 @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
                         description = "Timed runs per design (default: ${DEFAULT-VALUE}).") int runs,
                 @Option(names = "--out", paramLabel = "DIR",
                         description = "Also write validation.csv, validation.json and validation.png (predicted vs"
                                 + " measured, with the +-10%% band) into DIR.") Path out) {
        return Failures.guard(spec, root, () -> {
            CalibrationCommands.validate(device, designs, jobs == null ? CalibrationCommands.DEFAULT_JOBS : jobs,
                    seed, compare, runs, out, spec.commandLine().getOut(), spec.commandLine().getErr());
            return Failures.OK;
        });
    }
}
