package dev.ridgeline.store.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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


    @Test
    void aResumeCarriesAFinishedJobOverFromThePreviousResultAndLeavesTheRest(@TempDir Path dir) throws Exception {
        Path previous = dir.resolve("previous");
        JobFolders before = new JobFolders(previous, previous, Optional.empty());
        BatchJob a = job(0, "a", "model: resnet18\n");
        BatchJob b = job(1, "b", "model: resnet50\n");
        for (BatchJob j : List.of(a, b)) {
            dev.ridgeline.store.folder.Staging staged = before.stage(j);
            staged.write("summary.json", w -> {
                try {
                    w.write("{\"job\": \"" + j.id() + "\"}\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            before.commit(j, staged);
        }
        assertEquals("model: resnet18\n", Files.readString(previous.resolve("a").resolve(JobFolders.JOB_FILE)));
        assertTrue(before.complete(a));
        // b failed in the previous run
        Files.writeString(previous.resolve("b").resolve(JobFolders.ERROR_FILE), "boom\n");

        Path root = dir.resolve("now");
        JobFolders now = new JobFolders(root, dir.resolve("shown"), Optional.of(previous));
        assertEquals(root, now.root());
        // a killed run left an unfinished folder of a: the kept one replaces it
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a").resolve("partial.csv"), "1,2\n");
        assertTrue(now.complete(a), "a finished run of the same job is kept");
        assertFalse(Files.exists(root.resolve("a").resolve("partial.csv")));
        assertEquals("{\"job\": \"a\"}\n", Files.readString(root.resolve("a").resolve("summary.json")));
        assertTrue(Files.exists(previous.resolve("a").resolve("summary.json")), "the previous result is left whole");
        assertFalse(now.complete(b), "a failed run is run again");
        assertFalse(Files.exists(root.resolve("b")));
        assertFalse(now.complete(job(2, "c", "model: vgg16\n")), "a job never reached");

        // committing over a kept folder replaces it; the staging area is cleared after
        dev.ridgeline.store.folder.Staging again = now.stage(a);
        now.commit(a, again);
        assertFalse(Files.exists(root.resolve("a").resolve("summary.json")), "the new run replaced the kept one");
        assertTrue(now.complete(a));
        try (java.util.stream.Stream<Path> staged = Files.list(root.resolve(".staging"))) {
            assertEquals(List.of(), staged.toList(), "the replaced folder and the staged ones are gone");
        }
        now.clearStaging();
        assertFalse(Files.exists(root.resolve(".staging")));
        JobFolders.delete(root);
        assertFalse(Files.exists(root));
    }
}
