package dev.ridgeline.store.folder;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.RidgelineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes a file atomically: into a temporary file beside it, then moved over the target, so that a
 * reader never sees half a report and a failed run leaves the old file as it was.
 */
public final class OutputFile {
    private OutputFile() {
    }

    public static void write(Path file, Consumer<Writer> content) {
        fill(file, temp -> {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.accept(out);
            }
        });
    }

    /** Writes bytes (a binary model) the same way. */
    public static void writeBytes(Path file, byte[] bytes) {
        fill(file, temp -> Files.write(temp, bytes));
    }

    private interface Filler {
        void into(Path temp) throws IOException;
    }

    private static void fill(Path file, Filler filler) {
        if (file.toString().isBlank()) {
            throw new BadInputException("--out is empty: give a file name");
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException("cannot write " + file + ": no such directory " + dir);
        }
        if (Files.isDirectory(target)) {
            throw new BadInputException("cannot write " + file + ": it is a directory");
        }
        Path temp = null;
        try {
            // createFile, not createTempFile: the file gets the usual permissions, not owner-only
            temp = Files.createFile(dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp"));
            filler.into(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw failure(file, e);
        } catch (UncheckedIOException e) {
            throw failure(file, e.getCause());
        } finally {
            deleteQuietly(temp);
        }
    }

    /** A refused write (permissions, a read-only disk) is the user's to fix; anything else is ours. */
    private static RuntimeException failure(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new BadInputException("cannot write " + file + ": permission denied", e);
        }
        if (e instanceof FileSystemException fs) {
            String reason = fs.getReason() == null ? "the file system refused" : fs.getReason();
            return new BadInputException("cannot write " + file + ": " + reason, e);
        }
        return new RidgelineException("cannot write " + file + ": " + e.getMessage(), e);
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the move succeeded or the write already failed; a stray temp file is not worth a second error
        }
    }
}
