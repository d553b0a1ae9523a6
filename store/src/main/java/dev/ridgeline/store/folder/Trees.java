package dev.ridgeline.store.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Moving, linking and removing folder trees, never following a symbolic link out of them. */
public final class Trees {
    private Trees() {
    }

    /** Renames in one step where the file system can. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Removes a file or a folder and everything in it; a symbolic link is removed, not followed. */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
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

    /**
     * Makes {@code to} a copy of {@code from}: hard links where the file system allows (the files are never
     * changed in place, only replaced), copies otherwise. Symbolic links are not followed.
     */
    public static void linkOrCopy(Path from, Path to) throws IOException {
        walkInto(from, to, true);
    }

    /** Copies a tree (no links: the source is another result folder that may change). */
    public static void copy(Path from, Path to) throws IOException {
        walkInto(from, to, false);
    }

    private static void walkInto(Path from, Path to, boolean link) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (link) {
                        try {
                            Files.createLink(target, p);
                            continue;
                        } catch (UnsupportedOperationException | FileSystemException e) {
                            // no hard links here: copy below
                        }
                    }
                    if (link) {
                        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
