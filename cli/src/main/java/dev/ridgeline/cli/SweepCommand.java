package dev.ridgeline.cli;


import dev.ridgeline.store.folder.ResultFolder;
import dev.ridgeline.store.folder.SweepFolder;
import dev.ridgeline.store.sweep.SweepFiles;
import dev.ridgeline.store.sweep.SweepWriter;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.report.html.ReportWriter;
import dev.ridgeline.store.read.RunReader;
import dev.ridgeline.store.sweep.SpaceNotes;
import dev.ridgeline.report.sweep.SweepSummary;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.job.StrategySpec;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.strategy.Shard;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ridgeline sweep JOB.yaml --out DIR}: explores a job's design space and writes summary.json,
 * pareto.csv and, with {@code --all-points}, points.csv into DIR, each file atomically.
 */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Explore a job's design space and write the Pareto front of the points within its budgets.",
            "The job names the model, device, space, budgets and objectives (see docs/job-format.md)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline sweep configs/jobs/mobilenet_v2_orin_nano.yaml --out runs/mnv2",
            "  ridgeline sweep configs/jobs/resnet18_t4.yaml --out runs/r18 --all-points",
            "  ridgeline sweep big.yaml --out runs/big/2 --shard 2/4 --threads 16",
            "",
            "Writes DIR/summary.json, DIR/pareto.csv and, with --all-points, DIR/points.csv."})
final class SweepCommand extends GuardedCommand {
    @Parameters(index = "0", paramLabel = "JOB.yaml", description = "The job file (see docs/job-format.md).")
    Path jobFile;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write into (created if missing).")
    Path out;

    @Option(names = "--all-points",
            description = "Also write points.csv: every evaluated point, feasible or not, in index order.")
    boolean allPoints;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write a design-review page of this sweep: DIR/report.html and DIR/charts/ (DIR may"
                    + " be the --out folder; see 'ridgeline report').")
    Path report;

    @Option(names = "--shard", paramLabel = "i/N",
            description = {"Evaluate only the i-th of N contiguous slices of the space, e.g. 2/4 (exhaustive only);",
                "auto takes i and N from a Slurm array task or a Kubernetes Indexed Job."})
    String shard;

    @Option(names = "--force",
            description = "Replace the results of another job in the --out folder (without it, such a folder is "
                    + "refused).")
    boolean force;

    @Option(names = "--fusion", paramLabel = "MODE",
            description = "Time points with fusion none or engine, overriding the job's 'fusion' and the device's"
                    + " default.")
    String fusion;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    String overflowHint() {
        return "in " + jobFile + ", try a smaller batch, input or width multipliers";
    }

    @Override
    int run() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        BadInputException.check(threads >= 1, "--threads must be at least 1, got %d", threads);
        Shard slice = shard == null ? Shard.ALL : Shard.parseOrAuto(shard, System.getenv());
        Job job = JobReader.read(jobFile, LatencyRequest.fusion(fusion));
        ResolvedSpace space = job.resolveSpace();
        SweepRunner.check(job, space, slice, allPoints);
        // measured designs that cannot price the space are bad input before any work (the fit is milliseconds)
        job.accuracy().ifPresent(a -> a.fit(space));
        SweepFolder.checkSameJob(out, job.sha256(), force);
        List<Path> written;
        SweepResult result;
        boolean hadPoints = java.nio.file.Files.isRegularFile(out.resolve(SweepFiles.POINTS));
        try (ResultFolder folder = ResultFolder.open(out, "ridgeline sweep " + jobFile,
                new ResultFolder.Options(SweepWriter.FILES, false, force, false))) {
            folder.notes().forEach(n -> stderr.println("ridgeline: " + n));
            stdout.println(announce(job, space.space(), slice));
            stdout.print(SpaceNotes.render(space));
            stdout.flush();
            try (SweepProgress progress = SweepProgress.forStderr(stderr);
                 Interrupts interrupts = Interrupts.onInterrupt(stderr, () -> interrupted(job))) {
                result = SweepRunner.run(job, slice, allPoints, threads, progress);
            }
            written = SweepWriter.write(result, allPoints, Version.current(), folder.staging());
            folder.commit();
            if (!allPoints && hadPoints) {
                stderr.println("ridgeline: removed " + out.resolve(SweepFiles.POINTS) + " of an earlier run (this run"
                        + " had no --all-points)");
            }
        }
        if (result.statistics().get("limitReached") instanceof String limit) {
            stderr.println(String.format(java.util.Locale.ROOT, "ridgeline: the exact strategy reached its %s limit "
                    + "and coarsened its front: every exact front point lies within a factor %s of a returned one "
                    + "(provenEpsilon %s)", limit, 1 + (double) result.statistics().get("provenEpsilon"),
                    result.statistics().get("provenEpsilon")));
            stderr.flush();
        }
        stdout.println();
        stdout.print(SweepSummary.render(result));
        stdout.println();
        stdout.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        if (report != null) {
            ReportWriter.Written page = ReportCommand.write(report, force, stderr, s -> RunReader.read(out));
            stdout.println("wrote " + page.page() + " and " + page.charts().size() + " chart files");
        }
        return Failures.OK;
    }

    /**
     * What Ctrl-C prints: that nothing was written, the command that runs the same sweep into the same folder
     * again (every option that changes what is written), and for an exhaustive sweep, how to split it.
     */
    private String interrupted(Job job) {
        String again = "ridgeline sweep " + jobFile + " --out " + out + (shard == null ? "" : " --shard " + shard)
                + (allPoints ? " --all-points" : "") + (fusion == null ? "" : " --fusion " + fusion)
                + (report == null ? "" : " --report " + report) + (force ? " --force" : "");
        String split = shard == null && job.strategy() instanceof StrategySpec.Exhaustive
                ? "\nor split it into parts that finish (--shard 1/4 ... 4/4, joined by 'ridgeline merge')" : "";
        return "nothing was written to " + out + " (a sweep writes its files at the end); run it again with:\n  "
                + again + split;
    }

    /** The line printed before the run: what is swept, how large it is, with what. */
    static String announce(Job job, DesignSpace space, Shard slice) {
        String device = job.setup().device() == null ? "" : " on " + job.setup().device().id();
        String shardPart = slice.count() == 1 ? ""
                : String.format(Locale.ROOT, "; shard %s takes %,d of them", slice, slice.points(space.size()));
        return String.format(Locale.ROOT, "sweeping %s%s (%s, batch %d): a space of %,d points over %d knobs%s",
                job.modelSpec(), device, job.setup().precision().id(), job.setup().batch(), space.size(),
                space.knobCount(), shardPart);
    }
}
