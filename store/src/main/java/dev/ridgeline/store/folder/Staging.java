package dev.ridgeline.store.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A folder being filled before it is committed: files are written straight into it (no reader sees it until
 * the commit's rename), and a failed write names the file as the user will know it.
 *
 * @param dir   where the files go now
 * @param shown the folder they will be in once committed, for messages
 * @param kept  what a failure leaves untouched ("runs/a keeps its previous result")
 */
public record Staging(Path dir, Path shown, String kept) {

    /** Writes a text file; returns where it will be once committed. */
    public Path write(String name, Consumer<Writer> content) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                content.accept(out);
            }
        } catch (IOException e) {
            throw WriteFailedException.of(shown.resolve(name), e, kept);
        } catch (UncheckedIOException e) {
            throw WriteFailedException.of(shown.resolve(name), e.getCause(), kept);
        }
        return shown.resolve(name);
    }

    /** Writes a binary file; returns where it will be once committed. */
    public Path writeBytes(String name, byte[] bytes) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw WriteFailedException.of(shown.resolve(name), e, kept);
        }
        return shown.resolve(name);
    }

    /** A folder inside this one, for a writer that lays out its own files (a report). */
    public Staging folder(String name) {
        Path sub = dir.resolve(name);
        try {
            Files.createDirectories(sub);
        } catch (IOException e) {
            throw WriteFailedException.of(shown.resolve(name), e, kept);
        }
        return new Staging(sub, shown.resolve(name), kept);
    }
}
