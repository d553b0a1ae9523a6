package dev.ridgeline.batch;

import dev.ridgeline.store.batch.BatchJob;

import dev.ridgeline.store.batch.JobFolders;
import dev.ridgeline.store.batch.JobOutcome;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.strategy.Shard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the jobs of a batch that fall in a shard, each into its own folder (see {@link JobFolders}), one
 * job's failure never stopping the others. With {@code resume}, a job whose folder already holds a
 * complete run of the same resolved job is kept as it is.
 */
public final class BatchRunner {
    /**
     * Runs one job, writing its outputs into {@code dir}; throws to fail the job. {@code source} names the
     * job's file in messages (relative to the output folder, where it is kept).
     */
    @FunctionalInterface
    public interface JobExecutor {
        void run(BatchJob entry, String source, Path dir) throws Exception;
    }

    /** Told as jobs start and end; called from the worker threads, one call at a time. */
    public interface Listener {
        void started(BatchJob job);

        void finished(JobOutcome outcome);
    }

    /**
     * @param shard        which jobs to run: job {@code k} (0-based, in batch order) belongs to shard k mod N
     * @param resume       keep complete runs of unchanged jobs
     * @param parallelJobs how many jobs run at once
     */
    public record Options(Shard shard, boolean resume, int parallelJobs) {
        public Options {
            if (parallelJobs < 1) {
                throw new BadInputException("--jobs must be at least 1, got " + parallelJobs);
            }
        }
    }

    private BatchRunner() {
    }

    /** The jobs of a shard, in batch order. */
    public static List<BatchJob> jobsOf(Batch batch, Shard shard) {
        return batch.jobs().stream().filter(j -> j.order() % shard.count() == shard.index()).toList();
    }

    /** Runs the shard's jobs; the outcomes come back in batch order. */
    public static List<JobOutcome> run(Batch batch, JobFolders folders, Options options, JobExecutor executor,
                                       Listener listener) {
        List<BatchJob> jobs = jobsOf(batch, options.shard());
        try {
            Files.createDirectories(folders.root());
            folders.clearStaging();
        } catch (IOException e) {
            throw new BadInputException("--out " + folders.root() + ": cannot prepare the folder: " + e.getMessage());
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelJobs(), r -> {
            Thread t = new Thread(r, "batch-job");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<JobOutcome>> futures = new ArrayList<>();
            for (BatchJob job : jobs) {
                futures.add(pool.submit(() -> runOne(job, folders, options.resume(), executor, listener)));
            }
            List<JobOutcome> outcomes = new ArrayList<>();
            for (Future<JobOutcome> f : futures) {
                outcomes.add(f.get());
            }
            folders.clearStaging();
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BadInputException bad) {
                throw bad;
            }
            throw new IllegalStateException("the batch runner failed: " + e.getCause(), e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + folders.root() + ": " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static JobOutcome runOne(BatchJob job, JobFolders folders, boolean resume, JobExecutor executor,
                                     Listener listener) {
        JobOutcome outcome;
        if (job.skipReason().isPresent()) {
            outcome = new JobOutcome(job, JobOutcome.Status.SKIPPED, job.skipReason().get(), false, 0);
        } else if (resume && folders.complete(job)) {
            outcome = new JobOutcome(job, JobOutcome.Status.DONE, "", true, 0);
        } else {
            synchronized (listener) {
                listener.started(job);
            }
            outcome = execute(job, folders, executor);
        }
        synchronized (listener) {
            listener.finished(outcome);
        }
        return outcome;
    }

    private static JobOutcome execute(BatchJob job, JobFolders folders, JobExecutor executor) {
        long start = System.nanoTime();
        String message;
        try {
            Path staged = folders.stage(job);
            try {
                // named relative to the output folder, so that every shard and rerun names it alike
                String source = job.id() + "/" + JobFolders.JOB_FILE;
                executor.run(job, source, staged);
                folders.commit(job, staged);
                return new JobOutcome(job, JobOutcome.Status.DONE, "", false, seconds(start));
            } catch (BadInputException e) {
                message = e.getMessage() + " (job from " + job.origin() + ")";
            } catch (ArithmeticException e) {
                message = "a count does not fit in 64 bits (" + e.getMessage() + ")";
            } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                message = "internal error: " + e;
            }
            JobFolders.delete(staged);
            Path failed = folders.stage(job);
            Files.writeString(failed.resolve(JobFolders.ERROR_FILE), message + "\n", StandardCharsets.UTF_8);
            folders.commit(job, failed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the folder of job " + job.id() + ": " + e.getMessage(), e);
        }
        return new JobOutcome(job, JobOutcome.Status.FAILED, message, false, seconds(start));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
