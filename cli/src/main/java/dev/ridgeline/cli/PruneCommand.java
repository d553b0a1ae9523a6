package dev.ridgeline.cli;

import dev.ridgeline.prune.PlanScores;
import dev.ridgeline.store.folder.ResultFolder;
import dev.ridgeline.store.plan.PlanWriter;

import dev.ridgeline.report.html.ReportWriter;
import dev.ridgeline.store.read.RunReader;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanReader;
import dev.ridgeline.prune.ChannelScores;
import dev.ridgeline.prune.Figures;
import dev.ridgeline.prune.FrontierSolver;
import dev.ridgeline.prune.Planner;
import dev.ridgeline.prune.PrunePlan;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
final class PruneCommand extends GuardedCommand {
    static final String JSON = PlanWriter.JSON;
    static final String MARKDOWN = PlanWriter.MARKDOWN;
    static final String ONNX = PlanWriter.ONNX;
    static final String YAML = PlanWriter.YAML;

    @Parameters(index = "0", paramLabel = "PLAN.yaml", description = "The plan file (see docs/plan-format.md).")
    Path planFile;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write into (created if missing).")
    Path out;

    @Option(names = "--closest", description = "When no plan meets the budgets, still write the closest plan's"
            + " model, as closest.yaml (and closest.onnx): it is the nearest miss, not a solution.")
    boolean closest;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write the design-review page (report.html and its charts) into DIR.")
    Path report;

    @Mixin
    ForceOption forceOption = new ForceOption();

    @Override
    int run() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (!Files.isRegularFile(planFile)) {
            throw new BadInputException(planFile + ": no such file");
        }
        PlanFile request = PlanReader.read(planFile);
        Optional<ChannelScores> scores = PlanScores.of(request);
        Planner.check(request);
        PrunePlan plan;
        PlanWriter.Written written;
        // --out is checked (and locked) before the planning, which may take long
        try (ResultFolder folder = ResultFolder.open(out, "ridgeline prune " + planFile,
                new ResultFolder.Options(PlanWriter.FILES, true, forceOption.force, false))) {
            folder.notes().forEach(n -> stderr.println("ridgeline: " + n));
            stdout.printf(Locale.ROOT, "planning %s%s (%s, batch %d)%n", request.modelSpec(),
                    request.setup().device() == null ? "" : " on " + request.setup().device().id(),
                    request.setup().precision().id(), request.setup().batch());
            stdout.flush();
            plan = new Planner(new FrontierSolver()).plan(request, scores);
            written = PlanWriter.write(request, plan, planFile.toString(), Version.current(), folder.staging(),
                    closest);
            folder.commit();
        }
        written.notes().forEach(stdout::println);
        stdout.println(summary(plan));
        stdout.println("wrote " + String.join(", ", written.files().stream().map(Path::toString).toList()));
        if (report != null) {
            ReportWriter.Written page = ReportCommand.write(report, forceOption.force, stderr,
                    s -> RunReader.read(out));
            stdout.println("wrote " + page.page() + " and " + page.charts().size() + " chart files");
        }
        return Failures.OK;
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
        plan.accuracy().ifPresent(p -> parts.add(String.format(Locale.ROOT, "predicted accuracy %.2f",
                plan.metrics()[Metric.ACCURACY.ordinal()])));
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
}
