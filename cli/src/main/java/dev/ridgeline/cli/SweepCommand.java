package dev.ridgeline.cli;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.report.sweep.ParetoCsv;
import dev.ridgeline.report.sweep.PointsCsv;
import dev.ridgeline.report.sweep.SummaryJson;
import dev.ridgeline.report.sweep.SweepSummary;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.strategy.Shard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ridgeline sweep JOB.yaml --out DIR}: explores a job's design space and writes summary.json,
 * pareto.csv and, with {@code --all-points}, points.csv into DIR, each file atomically.
 */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Explore a job's design space: evaluate its points, keep those within the budgets and",
            "write the Pareto front of the objectives (see docs/job-format.md)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline sweep configs/jobs/mobilenet_v2_orin_nano.yaml --out runs/mnv2",
            "  ridgeline sweep configs/jobs/resnet18_t4.yaml --out runs/r18 --all-points",
            "  ridgeline sweep big.yaml --out runs/big/2 --shard 2/4 --threads 16",
            "",
            "Writes DIR/summary.json, DIR/pareto.csv and, with --all-points, DIR/points.csv."})
final class SweepCommand implements Callable<Integer> {
    static final String SUMMARY = "summary.json";
    static final String PARETO = "pareto.csv";
    static final String POINTS = "points.csv";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main root;

    @Parameters(index = "0", paramLabel = "JOB.yaml", description = "The job file (see docs/job-format.md).")
    Path jobFile;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write into (created if missing).")
    Path out;

    @Option(names = "--all-points",
            description = "Also write points.csv: every evaluated point, feasible or not, in index order.")
    boolean allPoints;

    @Option(names = "--shard", paramLabel = "i/N",
            description = "Evaluate only the i-th of N contiguous slices of the space, e.g. 2/4 (exhaustive only).")
    String shard;

    @Option(names = "--fusion", paramLabel = "MODE",
            description = "Time points with fusion none or engine, overriding the job's 'fusion' and the device's"
                    + " default.")
    String fusion;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        return Failures.guard(spec.commandLine().getErr(), root != null && root.debug, this::run);
    }

    private int run() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        BadInputException.check(threads >= 1, "--threads must be at least 1, got %d", threads);
        Shard slice = shard == null ? Shard.ALL : Shard.parse(shard);
        if (!Files.isRegularFile(jobFile)) {
            throw new BadInputException(jobFile + ": no such file");
        }
        Job job = JobReader.read(jobFile, LatencyRequest.fusion(fusion));
        ResolvedSpace space = SpaceBuilder.build(job.model(), job.space());
        Path dir = outputDirectory(out);
        stdout.println(announce(job, space.space(), slice));
        stdout.flush();

        SweepResult result;
        try (SweepProgress progress = SweepProgress.forStderr(stderr)) {
            result = SweepRunner.run(job, slice, allPoints, threads, progress);
        }

        List<Path> written = new ArrayList<>();
        if (allPoints) {
            written.add(write(dir.resolve(POINTS), w -> PointsCsv.write(result, w)));
        } else if (Files.deleteIfExists(dir.resolve(POINTS))) {
            stderr.println("ridgeline: removed " + dir.resolve(POINTS) + " of an earlier run (this run had no"
                    + " --all-points)");
        }
        written.add(write(dir.resolve(PARETO), w -> ParetoCsv.write(result, w)));
        // the summary last: its presence says the folder is complete
        written.add(write(dir.resolve(SUMMARY), w -> SummaryJson.write(result, Version.current(), w)));

        stdout.println();
        stdout.print(SweepSummary.render(result));
        stdout.println();
        stdout.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        return Failures.OK;
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

    /** The output folder, created if missing. */
    private static Path outputDirectory(Path out) {
        try {
            return Files.createDirectories(out);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("--out " + out + ": a file of that name exists; give a folder", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException("--out " + out + ": permission denied", e);
        } catch (IOException e) {
            throw new BadInputException("--out " + out + ": cannot create the folder: " + e.getMessage(), e);
        }
    }

    private static Path write(Path file, java.util.function.Consumer<java.io.Writer> content) {
        OutputFile.write(file, content);
        return file;
    }
}
