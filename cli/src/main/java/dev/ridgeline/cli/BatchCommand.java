package dev.ridgeline.cli;

import dev.ridgeline.store.folder.OutputFile;
import dev.ridgeline.store.folder.SweepFolder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.batch.BatchIndex;
import dev.ridgeline.report.html.ReportWriter;
import dev.ridgeline.store.read.RunReader;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanReader;
import dev.ridgeline.prune.FrontierSolver;
import dev.ridgeline.prune.Planner;
import dev.ridgeline.prune.PrunePlan;
import java.nio.charset.StandardCharsets;
import dev.ridgeline.store.format.Json;
import dev.ridgeline.batch.Batch;
import dev.ridgeline.store.batch.BatchJob;
import dev.ridgeline.batch.BatchReader;
import dev.ridgeline.batch.BatchRunner;
import dev.ridgeline.store.batch.JobFolders;
import dev.ridgeline.store.batch.JobOutcome;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.strategy.ProgressListener;
import dev.ridgeline.search.strategy.Shard;
import java.io.PrintWriter;
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
 * {@code ridgeline batch BATCH.yaml --out DIR}: runs every job of a batch file into its own folder of DIR,
 * a failing job never stopping the others, and writes DIR/index.json and DIR/index.csv.
 */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Run every job of a batch file, each into a folder of its own, and index them.",
            "A batch is a matrix of models, devices, precisions or budgets over a base job, plus listed jobs."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ridgeline batch configs/batch/design-review.yaml --out runs/review",
            "  ridgeline batch configs/batch/design-review.yaml --out runs/review --resume",
            "  ridgeline batch big.yaml --out runs/big/$SLURM_ARRAY_TASK_ID --shard auto",
            "",
            "Exit code 0 when every job ran or was skipped, 1 when a job failed, 2 for a bad batch file."})
final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main root;

    @Parameters(index = "0", paramLabel = "BATCH.yaml", description = "The batch file (see docs/batch-format.md).")
    Path batchFile;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write into (created if missing): a folder per job, index.json, index.csv.")
    Path out;

    @Option(names = "--resume",
            description = "Keep the jobs whose folder holds a complete run of the same resolved job; run the rest.")
    boolean resume;

    @Option(names = "--shard", paramLabel = "i/N|auto",
            description = {"Run only every N-th job, starting with the i-th, e.g. 2/4; auto takes i and N from a",
                "Slurm array task or a Kubernetes Indexed Job. Merge the shards' folders with ridgeline merge."})
    String shard;

    @Option(names = "--force",
            description = "Run into an --out folder that holds another batch's results (without it, it is refused).")
    boolean force;

    @Option(names = "--jobs", paramLabel = "K", description = "How many jobs run at once (default 1).")
    int parallelJobs = 1;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads in all (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        return Failures.guard(spec.commandLine().getErr(), root != null && root.debug, this::run);
    }

    private int run() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        BadInputException.check(threads >= 1, "--threads must be at least 1, got %d", threads);
        BadInputException.check(parallelJobs >= 1, "--jobs must be at least 1, got %d", parallelJobs);
        Shard slice = shard == null ? Shard.ALL : Shard.parseOrAuto(shard, System.getenv());
        if (Files.isDirectory(batchFile)) {
            throw new BadInputException(batchFile + ": is a directory; give a batch file");
        }
        Batch batch = BatchReader.read(batchFile);
        SweepFolder.prepareFolder(out, List.of(BatchIndex.JSON, BatchIndex.CSV));
        Path indexFile = out.resolve(BatchIndex.JSON);
        if (!force && Files.isRegularFile(indexFile)) {
            String earlier = Json.read(indexFile, "a batch's index.json").path("batchSha256").asText();
            if (!earlier.equals(batch.sha256())) {
                throw new BadInputException("--out " + out + " holds the results of another batch file (its index.json"
                        + " has another batchSha256); give another folder, or --force to run this batch there too");
            }
        }
        List<BatchJob> mine = BatchRunner.jobsOf(batch, slice);
        stdout.printf(Locale.ROOT, "batch %s: %d jobs%s%n", batchFile, batch.jobs().size(),
                slice.count() == 1 ? "" : "; shard " + slice + " runs " + mine.size() + " of them");
        stdout.flush();

        int threadsPerJob = Math.max(1, threads / parallelJobs);
        JobFolders folders = new JobFolders(out);
        int[] finished = {0};
        BatchRunner.Listener listener = new BatchRunner.Listener() {
            @Override
            public void started(BatchJob job) {
                stderr.printf(Locale.ROOT, "[%d/%d] %s: running%n", finished[0] + 1, mine.size(), job.id());
                stderr.flush();
            }

            @Override
            public void finished(JobOutcome o) {
                finished[0]++;
                String what = switch (o.status()) {
                    case DONE -> o.resumed() ? "done earlier (kept)"
                            : String.format(Locale.ROOT, "done in %.1f s", o.wallSeconds());
                    case FAILED -> "FAILED: " + o.message();
                    case SKIPPED -> "skipped: " + o.message();
                };
                stderr.printf(Locale.ROOT, "[%d/%d] %s: %s%n", finished[0], mine.size(), o.job().id(), what);
                stderr.flush();
            }
        };
        BatchRunner.JobExecutor executor = (entry, source, dir) -> {
            byte[] text = entry.jobYaml().getBytes(StandardCharsets.UTF_8);
            PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
            if (entry.kind() == BatchJob.Kind.PLAN) {
                PlanFile request = PlanReader.read(source, text, entry.baseDir());
                Planner.check(request);
                PrunePlan plan = new Planner(new FrontierSolver()).plan(request, PruneCommand.scores(request));
                PruneCommand.writeOutputs(request, plan, source, dir, quiet);
                return;
            }
            Job job = JobReader.read(source, text, entry.baseDir());
            ProgressListener progress = parallelJobs == 1 ? SweepProgress.forStderr(stderr) : p -> { };
            SweepResult result;
            try {
                result = SweepRunner.run(job, Shard.ALL, false, threadsPerJob, progress);
            } finally {
                if (progress instanceof AutoCloseable c) {
                    c.close();
                }
            }
            SweepCommand.writeOutputs(result, dir, false, quiet);
        };
        List<JobOutcome> outcomes = BatchRunner.run(batch, folders,
                new BatchRunner.Options(slice, resume, parallelJobs), executor, listener);

        List<ObjectNode> rows = new ArrayList<>();
        for (JobOutcome o : outcomes) {
            rows.add(BatchIndex.row(o, folders.folder(o.job())));
        }
        ObjectNode index = BatchIndex.tree(batchFile.toString(), batch.sha256(), rows);
        OutputFile.write(out.resolve(BatchIndex.CSV), w -> BatchIndex.writeCsv(index, w));
        OutputFile.write(out.resolve(BatchIndex.JSON), w -> BatchIndex.writeJson(index, w));

        List<Path> ran = outcomes.stream().filter(o -> o.status() == JobOutcome.Status.DONE)
                .map(o -> folders.folder(o.job())).toList();
        if (!ran.isEmpty()) {
            ReportWriter.Written page = ReportCommand.write(RunReader.read(ran), out);
            String jobs = ran.size() == 1 ? "1 job" : ran.size() + " jobs";
            stdout.println("wrote " + page.page() + " (the design review of " + jobs + ") and "
                    + page.charts().size() + " chart files");
        }

        long done = outcomes.stream().filter(o -> o.status() == JobOutcome.Status.DONE).count();
        long failed = outcomes.stream().filter(o -> o.status() == JobOutcome.Status.FAILED).count();
        long skipped = outcomes.stream().filter(o -> o.status() == JobOutcome.Status.SKIPPED).count();
        stdout.printf(Locale.ROOT, "%d done, %d failed, %d skipped; wrote %s and %s%n", done, failed, skipped,
                out.resolve(BatchIndex.JSON), out.resolve(BatchIndex.CSV));
        for (JobOutcome o : outcomes) {
            if (o.status() == JobOutcome.Status.FAILED) {
                stdout.println("  failed " + o.job().id() + ": " + o.message());
            }
        }
        return failed > 0 ? Failures.FAILURE : Failures.OK;
    }
}
