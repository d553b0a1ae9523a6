package dev.ridgeline.core.io;

import dev.ridgeline.core.RidgelineException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * YAML files shipped on the classpath under one folder (the zoo, the hardware presets), addressed by
 * file name without ".yaml"; works from a directory during the build and from inside the jar.
 */
public final class BundledFiles {
    private final String root;

    public BundledFiles(String root) {
        this.root = root;
    }

    /** Names of the bundled files, sorted. */
    public List<String> names() {
        URL url = BundledFiles.class.getClassLoader().getResource(root);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return list(fs.getPath(root));
            }
            return list(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new RidgelineException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of a bundled file, or empty when there is none by that name. */
    public Optional<byte[]> bytes(String name) {
        try (InputStream in = BundledFiles.class.getClassLoader().getResourceAsStream(root + "/" + name + ".yaml")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new RidgelineException("cannot read " + root + "/" + name + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
    }
}
