package dev.ridgeline.cli;

import dev.ridgeline.store.folder.OutputFile;
import dev.ridgeline.store.folder.SweepFolder;

import dev.ridgeline.report.html.ReportWriter;
import dev.ridgeline.store.read.RunReader;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.io.yaml.ModelYamlWriter;
import dev.ridgeline.store.plan.PlanJson;
import dev.ridgeline.store.plan.PlanMarkdown;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanReader;
import dev.ridgeline.prune.ChannelScores;
import dev.ridgeline.prune.Figures;
import dev.ridgeline.prune.FrontierSolver;
import dev.ridgeline.prune.ImportanceCsv;
import dev.ridgeline.prune.PlanChanges;
import dev.ridgeline.prune.Planner;
import dev.ridgeline.prune.PrunePlan;
import dev.ridgeline.prune.onnx.OnnxPruner;
import dev.ridgeline.prune.onnx.WeightScores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ridgeline prune PLAN.yaml --out DIR}: the channels-first pruning plan of a network under budgets;
 * writes plan.md, the pruned model as a model file, for ONNX input with weights the pruned .onnx, and
 * plan.json last, each atomically.
 */
@Command(name = "prune",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Plan what to cut so that a network meets its budgets, keeping the most of its objective.",
            "Channels come first, then kernels, then depthwise-separable convolutions (see docs/plan-format.md)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline prune configs/plans/resnet50_orin_nano.yaml --out runs/r50-plan",
            "",
            "Writes DIR/plan.md, DIR/pruned.yaml, DIR/pruned.onnx (ONNX input with weights) and DIR/plan.json."})
final class PruneCommand implements Callable<Integer> {
    static final String JSON = "plan.json";
    static final String MARKDOWN = "plan.md";
    static final String ONNX = "pruned.onnx";
    static final String YAML = "pruned.yaml";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main root;

    @Parameters(index = "0", paramLabel = "PLAN.yaml", description = "The plan file (see docs/plan-format.md).")
    Path planFile;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write into (created if missing).")
    Path out;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write the design-review page (report.html and its charts) into DIR.")
    Path report;

    @Override
    public Integer call() {
        return Failures.guard(spec.commandLine().getErr(), root != null && root.debug, this::run);
    }

    private int run() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isRegularFile(planFile)) {
            throw new BadInputException(planFile + ": no such file");
        }
        PlanFile request = PlanReader.read(planFile);
        Optional<ChannelScores> scores = scores(request);
        Planner.check(request);
        stdout.printf(Locale.ROOT, "planning %s%s (%s, batch %d)%n", request.modelSpec(),
                request.setup().device() == null ? "" : " on " + request.setup().device().id(),
                request.setup().precision().id(), request.setup().batch());
        stdout.flush();
        PrunePlan plan = new Planner(new FrontierSolver()).plan(request, scores);
        Path dir = SweepFolder.prepareFolder(out, List.of(MARKDOWN, YAML, ONNX, JSON));
        List<Path> written = writeOutputs(request, plan, planFile.toString(), dir, stdout);
        stdout.println(summary(plan));
        stdout.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        if (report != null) {
            ReportWriter.Written page = ReportCommand.write(RunReader.read(dir), report);
            stdout.println("wrote " + page.page() + " and " + page.charts().size() + " chart files");
        }
        return Failures.OK;
    }

    /** Writes a plan's files into {@code dir}, plan.json last: its presence says the folder is complete. */
    static List<Path> writeOutputs(PlanFile request, PrunePlan plan, String planName, Path dir, PrintWriter stdout)
            throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve(MARKDOWN), w -> PlanMarkdown.write(plan, w)));
        String yaml = null;
        try {
            yaml = ModelYamlWriter.toYaml(PlanChanges.prunedModel(plan), List.of(
                    "pruned by ridgeline prune " + planName + " (plan.json has the plan and its figures)",
                    "from " + request.modelSpec() + " (SHA-256 " + request.modelSha256() + ")"));
        } catch (BadInputException e) {
            stdout.println("no pruned.yaml: " + e.getMessage());
        }
        if (yaml != null) {
            OutputFile.writeBytes(dir.resolve(YAML), yaml.getBytes(StandardCharsets.UTF_8));
            written.add(dir.resolve(YAML));
        }
        if (request.modelFile() != null) {
            Optional<String> refused = OnnxPruner.refusal(plan);
            if (refused.isEmpty()) {
                byte[] pruned = OnnxPruner.prune(Path.of(request.modelFile()), plan);
                OutputFile.writeBytes(dir.resolve(ONNX), pruned);
                written.add(dir.resolve(ONNX));
            } else {
                stdout.println("no pruned .onnx: " + refused.get());
            }
        }
        // plan.json last: its presence says the folder is complete
        written.add(write(dir.resolve(JSON), w -> PlanJson.write(plan, Version.current(), w)));
        return written;
    }

    /** Importance scores when the objective needs them; for ONNX with weights always (they pick the kept channels). */
    static Optional<ChannelScores> scores(PlanFile request) {
        if (request.objective() != PlanFile.PruneObjective.IMPORTANCE) {
            return request.modelFile() == null ? Optional.empty()
                    : WeightScores.tryOnnx(Path.of(request.modelFile()), request.model());
        }
        if (request.importance() != null) {
            return Optional.of(ImportanceCsv.read(Path.of(request.importance()), request.model(),
                    request.where().get("importance")));
        }
        return Optional.of(WeightScores.fromOnnx(Path.of(request.modelFile()), request.model(),
                request.where().get("objective")));
    }

    static String summary(PrunePlan plan) {
        StringBuilder s = new StringBuilder();
        plan.attempts().forEach(a -> s.append("  ").append(a.note()).append('\n'));
        s.append(plan.feasible() ? "meets the budgets: " : "NO PLAN MEETS THE BUDGETS; the closest: ");
        List<String> parts = new ArrayList<>();
        double[] before = plan.request().baseMetrics();
        for (Metric m : List.of(Metric.PARAMS, Metric.MACS, Metric.LATENCY_SECONDS, Metric.PEAK_ACTIVATION_BYTES)) {
            if (!Double.isNaN(plan.metrics()[m.ordinal()])) {
                parts.add(m.id() + " " + Figures.format(m, before[m.ordinal()]) + " -> "
                        + Figures.format(m, plan.metrics()[m.ordinal()]));
            }
        }
        s.append(String.join(", ", parts));
        s.append(String.format(Locale.ROOT, "%nkeeps %.1f%% of the %s; ", 100 * plan.score() / plan.baseScore(),
                plan.request().objective().id()));
        List<String> b = new ArrayList<>();
        for (PrunePlan.Baseline x : plan.baselines()) {
            b.add(x.name() + (x.feasible() ? String.format(Locale.ROOT, " %.1f%%", 100 * x.score() / plan.baseScore())
                    : " misses the budgets"));
        }
        s.append("baselines: ").append(String.join(", ", b));
        return s.toString();
    }

    private static Path write(Path file, java.util.function.Consumer<java.io.Writer> content) {
        OutputFile.write(file, content);
        return file;
    }
}
