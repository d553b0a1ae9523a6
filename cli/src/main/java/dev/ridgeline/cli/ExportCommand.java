package dev.ridgeline.cli;

import dev.ridgeline.store.export.ExportFile;

import dev.ridgeline.store.sweep.SweepFiles;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.io.onnx.OnnxWriter;
import dev.ridgeline.core.io.onnx.WeightFill;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.store.sweep.FrontRows;
import dev.ridgeline.store.format.MetricUnits;
import dev.ridgeline.store.sweep.SummaryJobHash;
import dev.ridgeline.store.sweep.SweepCells;
import dev.ridgeline.search.apply.ChoiceText;
import dev.ridgeline.search.apply.Design;
import dev.ridgeline.search.eval.MeasureSetup;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.ReferenceEvaluator;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.space.ResolvedSpace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ridgeline export JOB.yaml (--row K --from DIR/pareto.csv | --choices TEXT) --out design.yaml}:
 * writes a design point of a job's space as a model file, built by the reference path (DesignApplier),
 * and prints its figures at the job's batch, precision, convention and device.
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Write a design point of a job as a model file (docs/model-format.md): a row of a sweep's "
            + "front (--row with --from) or the choices of some knobs (--choices; the other knobs keep the base "
            + "model).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline export configs/jobs/resnet18_t4.yaml --row 1 --from runs/r18 --out r18.yaml",
            "  ridgeline export JOB.yaml --choices \"width:stage5=0.75,kernel:stage3=5\" --out design.yaml",
            "",
            "Rows are numbered from 1, as the front table of 'ridgeline sweep' shows them. The file reads back as "
                + "the network the sweep evaluated; export prints the analyze command that gives its figures."})
final class ExportCommand extends GuardedCommand {
    @Parameters(index = "0", paramLabel = "JOB.yaml", description = "The job file the design belongs to.")
    Path jobFile;

    @Option(names = "--row", paramLabel = "K", description = "Export row K (from 1) of the sweep's pareto.csv.")
    Integer row;

    @Option(names = "--from", paramLabel = "FILE|DIR",
            description = "The pareto.csv (or the sweep's --out folder holding it) that --row counts in.")
    Path from;

    @Option(names = "--choices", paramLabel = "KNOB=CHOICE,...",
            description = "Choices by knob name and label, e.g. \"width:stage5=0.75,kernel:stage3=5\".")
    String choices;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The model file to write (.yaml, .yml or .onnx), atomically.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "yaml (our model format) or onnx (random weights of a fixed seed); default: from --out's name.")
    String format;

    @Option(names = "--force", description = "Replace an existing --out file (never the job's own model or job file).")
    boolean force;

    @Override
    int run() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        BadInputException.check(row == null || choices == null, "give either --row or --choices, not both");
        BadInputException.check(row != null || choices != null, "give --row K --from DIR/pareto.csv (a row of a "
                + "sweep's front) or --choices \"knob=choice,...\"");
        BadInputException.check(row == null || from != null, "--row %d needs --from: the pareto.csv of the sweep "
                + "the row is from (or its --out folder)", row);
        BadInputException.check(from == null || row != null, "--from names the file --row counts in; give --row K");
        String outName = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean onnx = format == null ? outName.endsWith(".onnx") : format.equalsIgnoreCase("onnx");
        BadInputException.check(format == null || format.equalsIgnoreCase("onnx") || format.equalsIgnoreCase("yaml"),
                "--format %s: export writes yaml or onnx", format);
        BadInputException.check(onnx ? outName.endsWith(".onnx") : outName.endsWith(".yaml") || outName.endsWith(".yml"),
                "--out %s: export writes %s", out, onnx ? "an ONNX file, which ends in .onnx"
                        : "a model file, which ends in .yaml or .yml (or .onnx for ONNX)");
        BadInputException.check(Files.isRegularFile(jobFile), "%s: no such file", jobFile);

        Job job = JobReader.read(jobFile);
        Path jobDir = jobFile.toAbsolutePath().getParent();
        ExportFile.check(out, force, List.of(jobFile, Path.of(job.modelSpec()), jobDir.resolve(job.modelSpec())));
        ResolvedSpace space = job.resolveSpace();
        Map<Integer, Integer> chosen = new LinkedHashMap<>();
        Optional<FrontRows.Row> fromRow = Optional.empty();
        Path csv = null;
        if (row != null) {
            csv = Files.isDirectory(from) ? from.resolve(SweepFiles.PARETO) : from;
            checkSameJob(csv, job);
            FrontRows.Row r = FrontRows.read(csv, row, space.space());
            int[] c = r.choices();
            for (int k = 0; k < c.length; k++) {
                chosen.put(k, c[k]);
            }
            fromRow = Optional.of(r);
        } else {
            chosen.putAll(ChoiceText.parse(choices, space.space(), "--choices"));
        }
        Design design = Design.of(space, chosen);
        Model model = design.model();
        double[] metrics = new double[Metric.COUNT];
        new ReferenceEvaluator(design.space(), job.setup()).evaluate(design.choices(), metrics);

        String analyze = analyzeCommand(job.setup());
        List<String> comments = new ArrayList<>();
        comments.add("A design point of " + jobFile + ", written by ridgeline " + Version.current() + " export.");
        if (fromRow.isPresent()) {
            comments.add("Row " + row + " of " + csv + ".");
        }
        comments.add("Choices: " + design.describe() + ".");
        comments.add("Figures: " + figures(metrics, job.setup()) + ".");
        comments.add("Reproduce them: ridgeline " + analyze.replace("FILE", out.toString()));
        if (onnx) {
            // the weights measure --row runs with: the same design gives the same file, measured or exported
            ExportFile.writeOnnx(out, OnnxWriter.toProto(model, job.setup().batch(), WeightFill.RANDOM,
                    dev.ridgeline.measure.Measurer.WEIGHT_SEED)
                    .toByteArray());
        } else {
            ExportFile.writeModel(out, model, comments);
        }

        fromRow.ifPresent(r -> mismatches(r, metrics).forEach(m -> stderr.println("ridgeline: warning: " + m)));
        stdout.println("design: " + design.describe());
        stdout.println("figures: " + figures(metrics, job.setup()));
        stdout.println("analyze it: ridgeline " + analyze.replace("FILE", out.toString()));
        stdout.println("wrote " + out);
        return Failures.OK;
    }

    /** A row of a folder whose summary.json names another job is refused: its labels mean other networks. */
    private static void checkSameJob(Path csv, Job job) {
        Path parent = csv.toAbsolutePath().getParent();
        Path summary = parent == null ? null : parent.resolve(SweepFiles.SUMMARY);
        if (summary == null || !Files.isRegularFile(summary)) {
            return;
        }
        Optional<String> hash;
        try {
            hash = SummaryJobHash.read(summary);
        } catch (IOException e) {
            return; // the CSV's own columns are still checked against the job
        }
        if (hash.isPresent() && !hash.get().equals(job.sha256())) {
            throw new BadInputException(String.format("%s is from a sweep of another job: %s has jobHash %s, but %s "
                    + "hashes to %s; export with the job that was swept", csv, summary, hash.get(), job.source(),
                    job.sha256()));
        }
    }

    /** Metrics that differ between the row and this run's evaluation (an edited job, another version). */
    private static List<String> mismatches(FrontRows.Row row, double[] metrics) {
        List<String> out = new ArrayList<>();
        double[] expected = row.metrics();
        for (Metric m : Metric.values()) {
            double e = expected[m.ordinal()];
            double a = metrics[m.ordinal()];
            if (m == Metric.ACCURACY) {
                continue; // predicted from measured designs, not a figure of the model itself
            }
            // compared as the CSV writes them: latency to its significant digits, counts exactly
            boolean same = Double.isNaN(e) || SweepCells.cell(m, a).equals(SweepCells.cell(m, e));
            if (!same) {
                out.add(String.format(Locale.ROOT, "row %d says %s %s, the exported design has %s", row.number(),
                        m.id(), MetricUnits.human(m, e), MetricUnits.human(m, a)));
            }
        }
        return out;
    }

    private static String figures(double[] metrics, MeasureSetup setup) {
        List<String> parts = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if ((m != Metric.LATENCY_SECONDS || setup.device() != null) && !Double.isNaN(metrics[m.ordinal()])) {
                parts.add(m.id() + " " + MetricUnits.human(m, metrics[m.ordinal()]));
            }
        }
        return String.join(", ", parts);
    }

    /** The analyze command that gives the design's figures: the job's batch, precision, convention and device. */
    private static String analyzeCommand(MeasureSetup setup) {
        StringBuilder cmd = new StringBuilder("analyze FILE");
        cmd.append(" --batch ").append(setup.batch());
        cmd.append(" --convention ").append(setup.convention().id());
        cmd.append(" --precision ").append(setup.precision().id());
        if (setup.device() != null) {
            // a device file's profile is named by its id; give the job's file in its place
            String id = setup.device().id();
            cmd.append(" --hardware ").append(Devices.presetIds().contains(id) ? id : "<the job's device file>");
        }
        return cmd.toString();
    }
}
