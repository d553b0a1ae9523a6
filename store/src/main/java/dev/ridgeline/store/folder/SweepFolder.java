package dev.ridgeline.store.folder;

import dev.ridgeline.store.sweep.SweepFiles;


import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.sweep.SummaryJobHash;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The folder a sweep writes into, checked before the sweep starts rather than after it: it exists or can
 * be created, a file can be written in it, none of the sweep's files is a folder, and it does not hold
 * another job's results (a summary.json with another jobHash) unless the user says {@code --force}.
 */
public final class SweepFolder {
    private SweepFolder() {
    }

    /**
     * @param files   the names the sweep will write (summary.json, pareto.csv, ...)
     * @param jobHash the SHA-256 of the job file, as summary.json records it
     */
    public static Path prepare(Path out, List<String> files, String jobHash, boolean force) {
        Path dir = prepareFolder(out, files);
        Path summary = dir.resolve(SweepFiles.SUMMARY);
        if (!force && Files.isRegularFile(summary)) {
            Optional<String> earlier = readHash(summary);
            if (earlier.isEmpty() || !earlier.get().equals(jobHash)) {
                throw new BadInputException("--out " + out + " holds the results of "
                        + (earlier.isEmpty() ? "something else (a summary.json without a jobHash)"
                                : "another job (jobHash " + abbreviate(earlier.get()) + ", this job's is "
                                        + abbreviate(jobHash) + ")")
                        + "; give another folder, or --force to replace them");
            }
        }
        return dir;
    }

    /**
     * A folder any command writes into, checked before the work: it exists or can be created, a file can
     * be written in it, and none of {@code files} is a folder.
     */
    public static Path prepareFolder(Path out, List<String> files) {
        if (out.toString().isBlank()) {
            throw new BadInputException("--out is empty: give a folder to write into");
        }
        Path dir = create(out);
        for (String name : files) {
            if (Files.isDirectory(dir.resolve(name))) {
                throw new BadInputException("cannot write " + dir.resolve(name) + ": it is a directory");
            }
        }
        checkWritable(out, dir);
        return dir;
    }

    /** The folder as the user gave it (never absolutized: messages print it as typed), created if missing. */
    private static Path create(Path out) {
        try {
            Files.createDirectories(out);
            return out;
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("--out " + out + ": a file of that name exists; give a folder", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException("--out " + out + ": permission denied", e);
        } catch (IOException e) {
            throw new BadInputException("--out " + out + ": cannot create the folder: " + e.getMessage(), e);
        }
    }

    /** Writes and removes a probe file, so that a folder that refuses writes is found before a long sweep. */
    private static void checkWritable(Path out, Path dir) {
        Path probe = dir.resolve(".ridgeline-write-check-" + UUID.randomUUID() + ".tmp");
        try {
            Files.createFile(probe);
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new BadInputException("--out " + out + ": permission denied; give a folder you can write", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "the file system refused" : e.getReason();
            throw new BadInputException("--out " + out + ": cannot write there: " + reason, e);
        } catch (IOException e) {
            throw new BadInputException("--out " + out + ": cannot write there: " + e.getMessage(), e);
        }
    }

    private static Optional<String> readHash(Path summary) {
        try {
            return SummaryJobHash.read(summary);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + summary + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
