package dev.ridgeline.store.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards docs/batch-format.md: "`--resume` keeps every job whose folder holds a complete, successful run of the
 * same resolved job (its `job.yaml` equal byte for byte), and runs the rest: failed jobs, changed jobs, jobs
 * never reached." What {@link JobFolders#complete} counts as complete (also: every file matches the job's
 * manifest.json, docs/results-on-disk.md).
 */
class JobFoldersTest {
    private static BatchJob job(int order, String id, String yaml) {
        return new BatchJob(order, BatchJob.Kind.SWEEP, id, "0".repeat(64), yaml, Path.of("."), "batch.yaml:1:1",
                Map.of(), "resnet18", "t4", "fp16", Optional.empty());
    }

    @Test
    void aFolderIsCompleteOnlyWithTheSameJobFileAndNoError(@TempDir Path dir) throws Exception {
        JobFolders folders = new JobFolders(dir, dir, Optional.empty());
        BatchJob a = job(0, "a", "model: resnet18\n");
        assertFalse(folders.complete(a), "no folder yet");
        Files.createDirectories(folders.folder(a));
        assertFalse(folders.complete(a), "a folder without job.yaml");
        Files.writeString(folders.folder(a).resolve(JobFolders.JOB_FILE), "model: resnet18\n");
        assertFalse(folders.complete(a), "no manifest.json: not completed by ridgeline");
        dev.ridgeline.store.folder.Manifest.of(folders.folder(a)).write(folders.folder(a));
        assertTrue(folders.complete(a));
        assertFalse(folders.complete(job(0, "a", "model: resnet50\n")), "a changed job");
        assertFalse(folders.complete(job(0, "a", "model: resnet18\n\n")), "equal byte for byte, not in meaning");
        Files.writeString(folders.folder(a).resolve(JobFolders.ERROR_FILE), "boom\n");
        assertFalse(folders.complete(a), "a failed job (error.txt) is not complete");
    }

}
