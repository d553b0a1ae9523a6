package dev.ridgeline.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.prune.EliminationSolver;
import dev.ridgeline.prune.PlanScores;
import dev.ridgeline.prune.Planner;
import dev.ridgeline.prune.PrunePlan;
import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanReader;
import dev.ridgeline.report.html.ReportFolder;
import dev.ridgeline.report.html.ReportWriter;
import dev.ridgeline.search.exact.ExactSolver;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.strategy.ProgressListener;
import dev.ridgeline.search.strategy.Shard;
import dev.ridgeline.store.batch.BatchIndex;
import dev.ridgeline.store.batch.BatchJob;
import dev.ridgeline.store.batch.JobFolders;
import dev.ridgeline.store.batch.JobOutcome;
import dev.ridgeline.store.folder.ResultFolder;
import dev.ridgeline.store.folder.Staging;
import dev.ridgeline.store.format.Json;
import dev.ridgeline.store.plan.PlanWriter;
import dev.ridgeline.store.sweep.SweepWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A batch run into its result folder: every job of the shard into a job folder of the batch's staging folder,
 * then index.json, index.csv and the design review, committed together (see {@link ResultFolder}). A killed or
 * failed run leaves the previous result as it was; {@code resume} keeps every job already complete and unedited,
 * in the previous result or in what a killed run staged.
 */
public final class BatchRun {
    private BatchRun() {
    }

    /**
     * @param threads     worker threads in all, shared by the jobs that run at once
     * @param toolVersion the version written into each result
     */
    public record Settings(Shard shard, boolean resume, boolean force, int parallelJobs, int threads,
                           String toolVersion) {
        public Settings {
            BadInputException.check(threads >= 1, "--threads must be at least 1, got %d", threads);
            BadInputException.check(parallelJobs >= 1, "--jobs must be at least 1, got %d", parallelJobs);
        }
    }

    /** What a batch run wrote. */
    public record Outcome(List<JobOutcome> jobs, Path indexJson, Path indexCsv, Optional<ReportWriter.Written> page,
                          int reportedJobs) {
    }

    /**
     * Runs a batch into {@code out}.
     *
     * @param sweepProgress a progress listener for one sweep (closed when it ends if it is {@link AutoCloseable})
     * @param notes         told what the store did (a lock taken over, leftovers removed)
     */
    public static Outcome run(Batch batch, Path batchFile, Path out, Settings settings, BatchRunner.Listener listener,
                              Supplier<ProgressListener> sweepProgress, Consumer<String> notes) {
        Set<String> owned = new HashSet<>(ReportFolder.FILES);
        owned.add(BatchIndex.JSON);
        owned.add(BatchIndex.CSV);
        checkSameBatch(batch, out, settings.force());
        List<BatchJob> mine = BatchRunner.jobsOf(batch, settings.shard());
        try (ResultFolder folder = ResultFolder.open(out, "ridgeline batch " + batchFile,
                new ResultFolder.Options(owned, false, settings.force(), settings.resume(),
                        ReportFolder.FOLDERS))) {
            folder.notes().forEach(notes);
            mine.forEach(j -> folder.replaces(j.id()));
            Staging staging = folder.staging();
            JobFolders folders = new JobFolders(staging.dir(), out,
                    settings.resume() ? folder.previous() : Optional.empty());
            int threadsPerJob = Math.max(1, settings.threads() / settings.parallelJobs());
            BatchRunner.JobExecutor executor = (entry, source, dir) -> {
                byte[] text = entry.jobYaml().getBytes(StandardCharsets.UTF_8);
                if (entry.kind() == BatchJob.Kind.PLAN) {
                    PlanFile request = PlanReader.read(source, text, entry.baseDir());
                    Planner.check(request);
                    PrunePlan plan = new Planner(new EliminationSolver(ExactSolver.withDefaults()
                            .withThreads(threadsPerJob))).plan(request, PlanScores.of(request));
                    PlanWriter.write(request, plan, source, settings.toolVersion(), dir, false);
                    return;
                }
                Job job = JobReader.read(source, text, entry.baseDir());
                ProgressListener progress = settings.parallelJobs() == 1 ? sweepProgress.get() : p -> { };
                SweepResult result;
                try {
                    result = SweepRunner.run(job, Shard.ALL, false, threadsPerJob, progress);
                } finally {
                    if (progress instanceof AutoCloseable c) {
                        c.close();
                    }
                }
                SweepWriter.write(result, false, settings.toolVersion(), dir);
            };
            List<JobOutcome> outcomes = BatchRunner.run(batch, folders,
                    new BatchRunner.Options(settings.shard(), settings.resume(), settings.parallelJobs()), executor,
                    listener);

            List<ObjectNode> rows = new ArrayList<>();
            for (JobOutcome o : outcomes) {
                rows.add(BatchIndex.row(o, folders.folder(o.job())));
            }
            ObjectNode index = BatchIndex.tree(batchFile.toString(), batch.sha256(), rows);
            Path csv = staging.write(BatchIndex.CSV, w -> BatchIndex.writeCsv(index, w));
            Path json = staging.write(BatchIndex.JSON, w -> BatchIndex.writeJson(index, w));
            List<Path> ran = outcomes.stream().filter(o -> o.status() == JobOutcome.Status.DONE)
                    .map(o -> folders.folder(o.job())).toList();
            Optional<ReportWriter.Written> page = ran.isEmpty() ? Optional.empty()
                    : Optional.of(ReportFolder.intoFrom(staging, ran, settings.toolVersion()));
            folder.commit();
            return new Outcome(outcomes, json, csv, page, ran.size());
        }
    }

    /** Refuses an --out that holds another batch file's results, unless forced. */
    private static void checkSameBatch(Batch batch, Path out, boolean force) {
        Path indexFile = out.resolve(BatchIndex.JSON);
        if (!force && Files.isRegularFile(indexFile)) {
            String earlier = Json.read(indexFile, "a batch's index.json").path("batchSha256").asText();
            if (!earlier.equals(batch.sha256())) {
                throw new BadInputException("--out " + out + " holds the results of another batch file (its index.json"
                        + " has another batchSha256); give another folder, or --force to run this batch there too");
            }
        }
    }
}
