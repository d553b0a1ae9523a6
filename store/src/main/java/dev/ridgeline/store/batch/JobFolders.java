package dev.ridgeline.store.batch;

import dev.ridgeline.store.folder.Manifest;
import dev.ridgeline.store.folder.Staging;
import dev.ridgeline.store.folder.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * A batch's job folders, inside the batch's staging folder: one folder per job, which appears under its final
 * name only when complete, with its own manifest. A job is written into {@code ROOT/.staging/}, its manifest
 * written, then moved into place in one rename. {@link #complete} trusts a job folder only when every file
 * matches its manifest; a complete folder of the previous result is carried over (hard links) for a resume.
 */
public final class JobFolders {
    /** The resolved job, in every job folder: its bytes identify the job. */
    public static final String JOB_FILE = "job.yaml";
    /** Present in the folder of a job that failed, with its message. */
    public static final String ERROR_FILE = "error.txt";
    private static final String STAGING = ".staging";

    private final Path root;
    private final Path shown;
    private final Optional<Path> previous;

    /**
     * @param root     where job folders are committed (the batch's staging folder)
     * @param shown    the batch's --out as the user named it, for messages
     * @param previous the batch's previous result, whose complete jobs a resume keeps
     */
    public JobFolders(Path root, Path shown, Optional<Path> previous) {
        this.root = root;
        this.shown = shown;
        this.previous = previous;
    }

    public Path root() {
        return root;
    }

    public Path folder(BatchJob job) {
        return root.resolve(job.id());
    }

    /**
     * Whether a complete, successful, unedited run of exactly this resolved job is at hand: in this run's
     * folders (a killed run's, resumed), or in the previous result, from where it is carried over.
     */
    public boolean complete(BatchJob job) throws IOException {
        if (complete(folder(job), job)) {
            return true;
        }
        if (previous.isEmpty() || !complete(previous.get().resolve(job.id()), job)) {
            return false;
        }
        Path staged = root.resolve(STAGING).resolve(job.id() + ".kept." + UUID.randomUUID());
        Files.createDirectories(staged.getParent());
        Trees.linkOrCopy(previous.get().resolve(job.id()), staged);
        Trees.delete(folder(job));
        Trees.move(staged, folder(job));
        return true;
    }

    private static boolean complete(Path dir, BatchJob job) {
        Path jobFile = dir.resolve(JOB_FILE);
        if (!Files.isRegularFile(jobFile) || Files.exists(dir.resolve(ERROR_FILE))
                || Manifest.problem(dir).isPresent()) {
            return false;
        }
        try {
            return Files.readString(jobFile, StandardCharsets.UTF_8).equals(job.jobYaml());
        } catch (IOException e) {
            return false;
        }
    }

    /** A fresh, empty folder to write a job into, holding its job file. */
    public Staging stage(BatchJob job) throws IOException {
        Path dir = Files.createDirectories(root.resolve(STAGING)).resolve(job.id() + "." + UUID.randomUUID());
        Files.createDirectory(dir);
        Staging staging = new Staging(dir, shown.resolve(job.id()), shown + " keeps its previous result");
        staging.write(JOB_FILE, w -> {
            try {
                w.write(job.jobYaml());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return staging;
    }

    /** Writes the job's manifest and moves its staged folder into place, replacing an earlier one. */
    public void commit(BatchJob job, Staging staged) throws IOException {
        Manifest.of(staged.dir()).write(staged.dir());
        Path target = folder(job);
        if (Files.exists(target)) {
            Path old = root.resolve(STAGING).resolve(job.id() + ".old." + UUID.randomUUID());
            Trees.move(target, old);
            Trees.delete(old);
        }
        Trees.move(staged.dir(), target);
    }

    /** Removes what a killed run left in the staging area. */
    public void clearStaging() throws IOException {
        Trees.delete(root.resolve(STAGING));
    }

    /** Removes a folder tree. */
    public static void delete(Path dir) throws IOException {
        Trees.delete(dir);
    }
}
