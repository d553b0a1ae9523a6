package dev.ridgeline.cli;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.report.analysis.AnalysisFormat;
import dev.ridgeline.store.analysis.AnalysisFile;
import dev.ridgeline.store.analysis.AnalysisJson;
import dev.ridgeline.report.html.ReportWriter;
import dev.ridgeline.store.read.RunReader;
import dev.ridgeline.store.analysis.Provenance;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ridgeline analyze MODEL}: params, MACs, FLOPs and memory of every layer and in total, and with
 * {@code --hardware} the roofline latency of every layer on that device.
 */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Count params, MACs, FLOPs, activations and memory of every layer of a model.",
            "With --hardware, also estimate each layer's latency on that device with a roofline model."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline analyze resnet50",
            "  ridgeline analyze resnet50 --convention ptflops --format json",
            "  ridgeline analyze mobilenet_v2 --input 3x160x160 --batch 32",
            "  ridgeline analyze mobilenet_v2 --hardware h100-sxm --precision fp16",
            "  ridgeline analyze resnet50 --hardware my-board.yaml --precision int8 --batch 8 --format json",
            "  ridgeline analyze configs/zoo/vgg16.yaml --format csv --out vgg16.csv",
            "  ridgeline analyze my_net.onnx --input 3x224x224 --batch 8 --format json"})
final class AnalyzeCommand extends GuardedCommand {
    @Parameters(index = "0", paramLabel = "MODEL",
            description = "A zoo name (see 'ridgeline zoo list'), a .yaml model file or an .onnx file.")
    String model;

    @Option(names = "--input", paramLabel = "CxHxW",
            description = "One sample's shape, channels first, e.g. 3x160x160 (default: the model's own; an .onnx"
                    + " file with dynamic dimensions needs it).")
    String input;

    @Option(names = "--allow-uncounted",
            description = "For an .onnx file: keep ops Ridgeline cannot count and list them (JSON: uncounted)"
                    + " instead of failing; their arithmetic is then in no total.")
    boolean allowUncounted;

    @Option(names = "--batch", paramLabel = "N",
            description = "Batch size (default: the model's own: 1, or an .onnx file's static batch).")
    Integer batch;

    @Option(names = "--convention", paramLabel = "NAME", defaultValue = "macs",
            completionCandidates = ConventionNames.class,
            description = "How FLOPs are counted: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String convention;

    @Option(names = "--hardware", paramLabel = "NAME|FILE",
            description = "Estimate latency on this device: a preset (see 'ridgeline hardware list') or a device"
                    + " .yaml file.")
    String hardware;

    @Option(names = "--precision", paramLabel = "P",
            description = "Number format: fp64, fp32, fp16, bf16 or int8 (default: fp32). Sets the bytes per"
                    + " weight and activation, with or without --hardware.")
    String precision;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "With --hardware: time on the matrix or the vector engine (default: the device's choice"
                    + " for the precision).")
    String engine;

    @Option(names = "--on-chip-reuse",
            description = "With --hardware: a layer reads its predecessor's output from the on-chip buffer when it"
                    + " fits, not from memory.")
    boolean onChipReuse;

    @Option(names = "--fusion", paramLabel = "MODE",
            description = "With --hardware: none (every layer its own kernel) or engine (BN folded, activations and"
                    + " adds fused into their producer, as ONNX Runtime and TensorRT do); default: the device's.")
    String fusion;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = FormatNames.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path out;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write DIR/analysis.json and a design-review page of it: DIR/report.html and"
                    + " DIR/charts/ (see 'ridgeline report').")
    Path report;

    static final String ANALYSIS_JSON = "analysis.json";

    @Override
    int run() {
        Convention rule = Convention.byId(convention.trim()).orElseThrow(() -> new BadInputException(
                "unknown convention '" + convention + "'; known conventions: " + Convention.knownIds()));
        AnalysisFormat writer = AnalysisFormat.byId(format);
        SampleShape sample = input == null ? null : SampleShape.parse(input);
        LatencyRequest timing = LatencyRequest.of(hardware, precision, engine, onChipReuse, fusion);
        CostReport report = Analyzer.analyze(model, sample, batch, rule, timing.precision().bytes(), allowUncounted);
        Optional<LatencyReport> latency = timing.time(report);
        timing.estimateWarning().ifPresent(spec.commandLine().getErr()::println);
        Provenance provenance = Provenance.of(Version.current(), model, ModelLoader.sha256(model));
        if (out == null) {
            writer.write(report, timing.precision(), latency, provenance, spec.commandLine().getOut());
        } else {
            java.io.StringWriter rendered = new java.io.StringWriter();
            writer.write(report, timing.precision(), latency, provenance, rendered);
            AnalysisFile.write(out, rendered.toString());
        }
        if (this.report != null) {
            Path json = this.report.resolve(ANALYSIS_JSON);
            ReportWriter.Written written = ReportCommand.write(this.report, false, spec.commandLine().getErr(),
                    java.util.Set.of(ANALYSIS_JSON), staging -> {
                        staging.write(ANALYSIS_JSON, w -> AnalysisJson.write(report, latency, provenance, w));
                        return RunReader.read(staging.dir().resolve(ANALYSIS_JSON));
                    });
            spec.commandLine().getErr().println("ridgeline: wrote " + json + " and " + written.page());
        }
        return Failures.OK;
    }

    /** Convention ids for help and shell completion. */
    static final class ConventionNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Convention.values()).map(Convention::id).iterator();
        }
    }

    /** Format ids for help and shell completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(AnalysisFormat.values()).map(AnalysisFormat::id).iterator();
        }
    }
}
