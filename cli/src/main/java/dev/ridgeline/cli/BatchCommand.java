package dev.ridgeline.cli;

import dev.ridgeline.batch.Batch;
import dev.ridgeline.batch.BatchReader;
import dev.ridgeline.batch.BatchRun;
import dev.ridgeline.batch.BatchRunner;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.strategy.Shard;
import dev.ridgeline.store.batch.BatchJob;
import dev.ridgeline.store.batch.JobOutcome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
final class BatchCommand extends GuardedCommand {
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
    int run() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Shard slice = shard == null ? Shard.ALL : Shard.parseOrAuto(shard, System.getenv());
        BatchRun.Settings settings = new BatchRun.Settings(slice, resume, force, parallelJobs, threads,
                Version.current());
        if (Files.isDirectory(batchFile)) {
            throw new BadInputException(batchFile + ": is a directory; give a batch file");
        }
        Batch batch = BatchReader.read(batchFile);
        List<BatchJob> mine = BatchRunner.jobsOf(batch, slice);
        stdout.printf(Locale.ROOT, "batch %s: %d jobs%s%n", batchFile, batch.jobs().size(),
                slice.count() == 1 ? "" : "; shard " + slice + " runs " + mine.size() + " of them");
        stdout.flush();

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
        BatchRun.Outcome run;
        try (Interrupts interrupts = Interrupts.onInterrupt(stderr, () -> finished[0] + " of " + mine.size()
                + " jobs finished and are kept; resume with:\n  ridgeline batch " + batchFile + " --out " + out
                + (shard == null ? "" : " --shard " + shard) + (force ? " --force" : "") + " --resume")) {
            run = BatchRun.run(batch, batchFile, out, settings, listener,
                    () -> SweepProgress.forStderr(stderr), note -> stderr.println("ridgeline: " + note));
        }
        run.page().ifPresent(page -> stdout.println("wrote " + page.page() + " (the design review of "
                + (run.reportedJobs() == 1 ? "1 job" : run.reportedJobs() + " jobs") + ")"
                + ReportCommand.runPages(page) + " and " + page.charts().size() + " chart files"));

        List<JobOutcome> outcomes = run.jobs();
        long done = outcomes.stream().filter(o -> o.status() == JobOutcome.Status.DONE).count();
        long failed = outcomes.stream().filter(o -> o.status() == JobOutcome.Status.FAILED).count();
        long skipped = outcomes.stream().filter(o -> o.status() == JobOutcome.Status.SKIPPED).count();
        stdout.printf(Locale.ROOT, "%d done, %d failed, %d skipped; wrote %s and %s%n", done, failed, skipped,
                run.indexJson(), run.indexCsv());
        for (JobOutcome o : outcomes) {
            if (o.status() == JobOutcome.Status.FAILED) {
                stdout.println("  failed " + o.job().id() + ": " + o.message());
            }
        }
        return failed > 0 ? Failures.FAILURE : Failures.OK;
    }
}
