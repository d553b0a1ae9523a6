package dev.ridgeline.store.folder;

import dev.ridgeline.store.sweep.SweepFiles;


import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.sweep.SummaryJobHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder a sweep writes into must not hold another job's results unless the user says {@code --force}.
 */
public final class SweepFolder {
    private SweepFolder() {
    }

    /**
     * Refuses a folder holding another job's results (a summary.json with another jobHash, or none) unless the
     * user says {@code --force}; checked before the sweep starts.
     *
     * @param jobHash the SHA-256 of the job file, as summary.json records it
     */
    public static void checkSameJob(Path out, String jobHash, boolean force) {
        Path summary = out.resolve(SweepFiles.SUMMARY);
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
