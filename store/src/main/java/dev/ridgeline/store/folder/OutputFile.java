package dev.ridgeline.store.folder;

import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes a file atomically: into a temporary file beside it, then moved over the target, so that a
 * reader never sees half a report and a failed run leaves the old file as it was.
 */
public final class OutputFile {
    private OutputFile() {
    }

    /**
     * Checks a single-file {@code --out} before the work: it must not be one of the files the command reads
     * (a job's own model, whatever {@code --force} says), and an existing file is replaced only with
     * {@code --force}.
     */
    public static void checkTarget(Path out, boolean force, List<Path> inputs) {
        if (out.toString().isBlank()) {
            throw new BadInputException("--out is empty: give a file name");
        }
        for (Path in : inputs) {
            try {
                if (in != null && Files.exists(out) && Files.exists(in) && Files.isSameFile(out, in)) {
                    throw new BadInputException("--out " + out + " is " + in + ", a file this command reads; give"
                            + " another file");
                }
            } catch (IOException e) {
                throw new BadInputException("--out " + out + ": cannot check (" + e.getMessage() + ")", e);
            }
        }
        if (Files.isDirectory(out)) {
            throw new BadInputException("cannot write " + out + ": it is a directory");
        }
        if (!force && Files.exists(out)) {
            throw new BadInputException("--out " + out + " exists; give a new file, or --force to replace it"
                    + " (nothing was changed)");
        }
    }

    public static void write(Path file, Consumer<Writer> content) {
        fill(file, temp -> {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.accept(out);
            }
        });
    }

    /** Writes a text the same way, in UTF-8. */
    public static void writeText(Path file, String text) {
        fill(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
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
        removeLeftovers(dir, target.getFileName().toString());
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
            throw WriteFailedException.of(file, e, "the previous " + file.getFileName() + ", if any, is kept");
        } catch (UncheckedIOException e) {
            throw WriteFailedException.of(file, e.getCause(), "the previous " + file.getFileName()
                    + ", if any, is kept");
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Removes the temporary files a killed write of {@code name} left beside it. */
    private static void removeLeftovers(Path dir, String name) {
        try (java.util.stream.Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + ".") && n.endsWith(".tmp") && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // a leftover that cannot be listed or removed does not stop the write
        }
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
