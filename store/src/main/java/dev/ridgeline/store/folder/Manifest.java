package dev.ridgeline.store.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.format.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A result folder's list of its files with their sizes and SHA-256, {@code manifest.json}, written last: a
 * folder whose files all match it is complete and unedited.
 */
public record Manifest(List<Entry> files) {
    public static final String FILE = "manifest.json";

    /** One file: its path inside the folder ('/'-separated), its size and its SHA-256 in hex. */
    public record Entry(String path, long sizeBytes, String sha256) {
    }

    public Manifest {
        files = List.copyOf(files);
    }

    /** The manifest of every regular file under {@code dir} but its own, in path order. */
    public static Manifest of(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (!Files.isRegularFile(p) || p.equals(dir.resolve(FILE))) {
                    continue;
                }
                entries.add(new Entry(name(dir, p), Files.size(p), sha256(p)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Manifest(entries);
    }

    /** Writes manifest.json into {@code dir}. */
    public void write(Path dir) throws IOException {
        ObjectNode root = Json.object();
        root.put("manifest", 1);
        ArrayNode list = root.putArray("files");
        for (Entry e : files) {
            list.addObject().put("path", e.path()).put("bytes", e.sizeBytes()).put("sha256", e.sha256());
        }
        try (java.io.Writer out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            Json.writeDocument(root, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The manifest of {@code dir}, if it has one; a malformed one is bad input naming the field. */
    public static Optional<Manifest> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root = Json.read(file, "a result folder's manifest.json (from ridgeline)");
        JsonNode list = root.path("files");
        if (!list.isArray()) {
            throw new BadInputException(file + ": field 'files' must be a list of {path, bytes, sha256}");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = file + ": files[" + i + "]";
            if (!e.path("path").isTextual() || !e.path("bytes").canConvertToLong() || e.path("bytes").asLong() < 0
                    || !e.path("sha256").isTextual() || !e.path("sha256").asText().matches("[0-9a-f]{64}")) {
                throw new BadInputException(where + ": expected {path: text, bytes: a count >= 0, sha256: 64 hex"
                        + " digits}");
            }
            String path = e.path("path").asText();
            for (String part : path.split("/", -1)) {
                Names.check(part, where + ".path");
            }
            entries.add(new Entry(path, e.path("bytes").asLong(), e.path("sha256").asText()));
        }
        return Optional.of(new Manifest(entries));
    }

    /**
     * What is wrong with {@code dir} against its manifest: empty when every listed file is there with its size
     * and SHA-256; otherwise one line naming the first file that is missing, truncated or edited.
     */
    public static Optional<String> problem(Path dir) {
        Optional<Manifest> manifest;
        try {
            manifest = read(dir);
        } catch (BadInputException e) {
            return Optional.of(e.getMessage());
        }
        if (manifest.isEmpty()) {
            return Optional.of(dir.resolve(FILE) + ": missing; the folder was not completed by ridgeline");
        }
        for (Entry e : manifest.get().files()) {
            Path file = dir.resolve(e.path());
            try {
                if (!Files.isRegularFile(file)) {
                    return Optional.of(file + ": missing (" + FILE + " lists it)");
                }
                long size = Files.size(file);
                if (size != e.sizeBytes()) {
                    return Optional.of(file + ": " + size + " bytes, " + FILE + " says " + e.sizeBytes()
                            + " (truncated or edited)");
                }
                if (!sha256(file).equals(e.sha256())) {
                    return Optional.of(file + ": its SHA-256 differs from the one " + FILE + " records (edited)");
                }
            } catch (IOException x) {
                return Optional.of(file + ": cannot read (" + x.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    /** Throws bad input naming the file when {@code dir} does not match its manifest. */
    public static void verify(Path dir) {
        problem(dir).ifPresent(p -> {
            throw new BadInputException(p);
        });
    }

    private static String name(Path dir, Path file) {
        List<String> parts = new ArrayList<>();
        dir.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
