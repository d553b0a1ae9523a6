package dev.ridgeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.strategy.Shard;
import dev.ridgeline.store.batch.BatchJob;
import dev.ridgeline.store.batch.JobFolders;
import dev.ridgeline.store.batch.JobOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards docs/batch-format.md: "`--resume` keeps every job whose folder holds a complete, successful run of the
 * same resolved job (its `job.yaml` equal byte for byte), and runs the rest: failed jobs, changed jobs, jobs
 * never reached." ({@code JobFoldersTest} in the store checks what counts as complete.)
 */
class ResumeTest {
    private static BatchJob job(int order, String id, String yaml) {
        return new BatchJob(order, BatchJob.Kind.SWEEP, id, "0".repeat(64), yaml, Path.of("."), "batch.yaml:1:1",
                Map.of(), "resnet18", "t4", "fp16", Optional.empty());
    }

    private static final BatchRunner.Listener QUIET = new BatchRunner.Listener() {
        @Override
        public void started(BatchJob job) {
        }

        @Override
        public void finished(JobOutcome outcome) {
        }
    };

    @Test
    void resumeRerunsTheFailedJobAndKeepsTheDoneOne(@TempDir Path dir) throws Exception {
        BatchJob good = job(0, "good", "model: resnet18\n");
        BatchJob flaky = job(1, "flaky", "model: bad\n");
        Batch batch = new Batch("batch.yaml", "0".repeat(64), List.of(good, flaky));
        JobFolders folders = new JobFolders(dir, dir, java.util.Optional.empty());
        List<String> ran = new ArrayList<>();
        BatchRunner.JobExecutor failFlaky = (entry, source, out) -> {
            ran.add(entry.id());
            if (entry == flaky) {
                throw new BadInputException(source + ":1:8: unknown model 'bad'");
            }
            Files.writeString(out.dir().resolve("summary.json"), "{}\n");
        };
        List<JobOutcome> first = BatchRunner.run(batch, folders, new BatchRunner.Options(Shard.ALL, false, 1),
                failFlaky, QUIET);
        assertEquals(List.of(JobOutcome.Status.DONE, JobOutcome.Status.FAILED),
                first.stream().map(JobOutcome::status).toList());
        assertEquals("flaky/job.yaml:1:8: unknown model 'bad' (job from batch.yaml:1:1)\n",
                Files.readString(folders.folder(flaky).resolve(JobFolders.ERROR_FILE), StandardCharsets.UTF_8));
        assertEquals("model: bad\n", Files.readString(folders.folder(flaky).resolve(JobFolders.JOB_FILE)),
                "a failed job's folder holds its job file too");

        ran.clear();
        BatchRunner.JobExecutor fixed = (entry, source, out) -> {
            ran.add(entry.id());
            Files.writeString(out.dir().resolve("summary.json"), "{}\n");
        };
        List<JobOutcome> resumed = BatchRunner.run(batch, folders, new BatchRunner.Options(Shard.ALL, true, 1),
                fixed, QUIET);
        assertEquals(List.of("flaky"), ran, "only the failed job runs again");
        assertTrue(resumed.get(0).resumed());
        assertFalse(resumed.get(1).resumed());
        assertEquals(JobOutcome.Status.DONE, resumed.get(1).status());
        assertFalse(Files.exists(folders.folder(flaky).resolve(JobFolders.ERROR_FILE)), "the rerun replaced it");
        assertTrue(Files.exists(folders.folder(flaky).resolve("summary.json")));
        assertFalse(Files.exists(dir.resolve(".staging")), "nothing left in the staging area");
    }
}
