package dev.ridgeline.store.batch;

import dev.ridgeline.store.batch.BatchJob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A batch's output folder: one folder per job, which appears under its final name only when complete.
 * A job is written into {@code DIR/.staging/}, then moved into place in one rename, so a crash leaves
 * either the earlier complete folder or none, never a partial one under the job's name.
 */
public final class JobFolders {
    /** The resolved job, in every job folder: its bytes identify the job. */
    public static final String JOB_FILE = "job.yaml";
    /** Present in the folder of a job that failed, with its message. */
    public static final String ERROR_FILE = "error.txt";
    private static final String STAGING = ".staging";

    private final Path root;

    public JobFolders(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path folder(BatchJob job) {
        return root.resolve(job.id());
    }

    /** Whether the job's folder holds a complete, successful run of exactly this resolved job. */
    public boolean complete(BatchJob job) {
        Path dir = folder(job);
        Path jobFile = dir.resolve(JOB_FILE);
        if (!Files.isRegularFile(jobFile) || Files.exists(dir.resolve(ERROR_FILE))) {
            return false;
        }
        try {
            return Files.readString(jobFile, StandardCharsets.UTF_8).equals(job.jobYaml());
        } catch (IOException e) {
            return false;
        }
    }

    /** A fresh, empty folder to write a job into, holding its job file. */
    public Path stage(BatchJob job) throws IOException {
        Path dir = Files.createDirectories(root.resolve(STAGING)).resolve(job.id() + "." + UUID.randomUUID());
        Files.createDirectory(dir);
        Files.writeString(dir.resolve(JOB_FILE), job.jobYaml(), StandardCharsets.UTF_8);
        return dir;
    }

    /** Moves a staged folder into place, replacing an earlier run's folder of the same job. */
    public void commit(BatchJob job, Path staged) throws IOException {
        Path target = folder(job);
        Path old = null;
        if (Files.exists(target)) {
            old = root.resolve(STAGING).resolve(job.id() + ".old." + UUID.randomUUID());
            move(target, old);
        }
        move(staged, target);
        if (old != null) {
            delete(old);
        }
    }

    /** Removes what a killed run left in the staging area. */
    public void clearStaging() throws IOException {
        delete(root.resolve(STAGING));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
