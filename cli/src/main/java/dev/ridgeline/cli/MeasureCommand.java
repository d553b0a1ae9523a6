package dev.ridgeline.cli;

import dev.ridgeline.store.measure.MeasurementFile;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import dev.ridgeline.measure.Measurement;
import dev.ridgeline.measure.Measurer;
import dev.ridgeline.measure.design.FrontRow;
import dev.ridgeline.measure.runtime.OrtRuntime;
import dev.ridgeline.measure.runtime.RunOptions;
import dev.ridgeline.store.format.Json;
import dev.ridgeline.store.measure.MeasurementJson;
import dev.ridgeline.store.sweep.SweepFiles;
import dev.ridgeline.report.measure.MeasurementTable;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.space.ResolvedSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ridgeline measure MODEL | JOB --row K --from DIR/pareto.csv}: a design's latency in ONNX Runtime. */
@Command(name = "measure",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Run a model, or one design of a sweep, in ONNX Runtime on this CPU: the median and"
                + " interquartile range of the timed runs after warm-up, ORT's per-kernel profile named by Ridgeline's"
                + " layers, and the environment. Needs ridgeline-measure.jar (it carries ONNX Runtime).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  java -jar cli/target/ridgeline-measure.jar measure mobilenet_v2 --threads 2",
            "  java -jar cli/target/ridgeline-measure.jar measure model.onnx --hardware xeon-8480 --format json",
            "  java -jar cli/target/ridgeline-measure.jar measure configs/jobs/mobilenet_v2_orin_nano.yaml"
                    + " --row 1 --from out/mnv2/pareto.csv"})
final class MeasureCommand extends GuardedCommand {
    @Parameters(index = "0", paramLabel = "MODEL|JOB",
            description = "A zoo name, a model .yaml, an .onnx file (run as it is), or with --row a job file.")
    String target;

    @Option(names = "--row", paramLabel = "K", description = "With a job: measure row K (1 = first) of --from.")
    Integer row;

    @Option(names = "--from", paramLabel = "CSV|DIR",
            description = "With --row: the sweep's pareto.csv or points.csv, or its --out folder (its pareto.csv).")
    Path from;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size (default: 1, or the job's).")
    Integer batch;

    @Option(names = "--precision", paramLabel = "P", description = "Only fp32 can be measured (the default); with a"
            + " job at another precision, --precision fp32 runs its design in FP32.")
    String precision;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Intra-op threads ORT may use, pinned (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", description = "Untimed runs first (default: 5).")
    int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20", description = "Timed runs (default: 20).")
    int runs;

    @Option(names = "--opt-level", paramLabel = "LEVEL", defaultValue = "all",
            description = "ORT graph optimization: basic, extended or all (default: all).")
    String optLevel;

    @Option(names = "--no-profile", description = "Skip the profiled session (per-kernel times).")
    boolean noProfile;

    @Option(names = "--hardware", paramLabel = "NAME|FILE",
            description = "Also print the roofline prediction on this device (a calibrated profile of this CPU).")
    String hardware;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    @Override
    int run() {
        BadInputException.check(format.equals("table") || format.equals("json"),
                "unknown --format '%s'; formats: table, json", format);
        BadInputException.check(threads >= 1, "--threads must be at least 1, got %s", threads);
        BadInputException.check(runs >= 3 && warmup >= 0, "--runs must be at least 3 and --warmup at least 0");
        BadInputException.check((row == null) == (from == null), "--row K and --from DIR/pareto.csv go together");
        if (out != null) {
            // before the runs, which take long: an existing file is replaced only with --force, the model never
            MeasurementFile.check(out, force, Path.of(target));
        }
        RunOptions options;
        try {
            options = new RunOptions(threads, warmup, runs, optLevel, !noProfile);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--opt-level: " + e.getMessage());
        }
        Measurer.requireMeasurable(precision == null ? Precision.FP32 : LatencyRequest.precision(precision));
        OrtRuntime.require();
        Measurement measurement;
        Model model;
        String predictedFor = device0Name();
        int n;
        DeviceProfile device = hardware == null ? null : Devices.resolve(hardware);
        if (row != null) {
            Path jobFile = Path.of(target);
            BadInputException.check(Files.isRegularFile(jobFile), "%s: no such job file", target);
            Job job = JobReader.read(jobFile);
            if (precision == null) {
                // a job's precision applies unless --precision fp32 asks to run the design in FP32 anyway
                Measurer.requireMeasurable(job.setup().precision());
            }
            ResolvedSpace space = job.resolveSpace();
            Path csv = Files.isDirectory(from) ? from.resolve(SweepFiles.PARETO) : from;
            int[] choices = FrontRow.choices(csv, row, space.space());
            model = new DesignApplier(space).apply(choices);
            n = batch == null ? job.setup().batch() : batch;
            device = device != null ? device : job.setup().device();
            predictedFor = device == null ? "" : hardware != null ? device.name() : device.name()
                    + " (the job's device, not this CPU: the ratio compares two machines; give --hardware with a"
                    + " calibrated profile of this CPU to check the roofline)";
            measurement = Measurer.measure(target + " row " + row, model, n, options);
        } else {
            n = batch == null ? 1 : batch;
            BadInputException.check(!looksLikeJob(target), "%s is a job file: name the design to measure with --row K"
                    + " --from DIR/pareto.csv (the sweep's output)", target);
            model = ModelLoader.load(target, Optional.<Shape>empty(), true);
            if (target.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(Path.of(target));
                } catch (IOException e) {
                    throw new BadInputException(target + ": cannot read: " + e.getMessage());
                }
                measurement = Measurer.measureFile(target, bytes, model, n, options);
            } else {
                measurement = Measurer.measure(target, model, n, options);
            }
        }
        OptionalDouble predicted = device == null ? OptionalDouble.empty() : OptionalDouble.of(Roofline.time(
                Counter.count(ShapeInference.infer(model, n), Convention.MACS, 4), device,
                RooflineOptions.of(Precision.FP32)).totalSeconds());
        if (out == null) {
            write(measurement, predicted, predictedFor, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
        } else if (format.equals("json")) {
            MeasurementFile.writeJson(out, measurement, predicted);
        } else {
            MeasurementFile.writeTable(out, MeasurementTable.render(measurement, predicted, predictedFor));
        }
        return Failures.OK;
    }

    /** A YAML file with a top-level {@code space:} is a job, not a model. */
    private static boolean looksLikeJob(String spec) {
        Path path = Path.of(spec);
        String lower = spec.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".yaml") || lower.endsWith(".yml")) || !Files.isRegularFile(path)) {
            return false;
        }
        try {
            return Files.readAllLines(path).stream().anyMatch(l -> l.startsWith("space:"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The device --hardware names, as the prediction is said to be for it. */
    private String device0Name() {
        return hardware == null ? "" : Devices.resolve(hardware).name();
    }

    private void write(Measurement m, OptionalDouble predicted, String predictedFor, Writer w) {
        try {
            if (format.equals("json")) {
                Json.write(MeasurementJson.tree(m, predicted), w);
            } else {
                w.write(MeasurementTable.render(m, predicted, predictedFor));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
