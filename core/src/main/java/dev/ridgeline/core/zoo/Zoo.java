package dev.ridgeline.core.zoo;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.RidgelineException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.io.yaml.ModelYamlReader;
import dev.ridgeline.core.io.yaml.Suggest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bundled model zoo: readable YAML models (configs/zoo in the source tree) shipped on the
 * classpath under ridgeline/zoo, addressed by file name without extension.
 */
public final class Zoo {
    private static final String ROOT = "ridgeline/zoo";

    private Zoo() {
    }

    /** Names of the bundled models, sorted. */
    public static List<String> names() {
        URL url = Zoo.class.getClassLoader().getResource(ROOT);
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
                return list(fs.getPath(ROOT));
            }
            return list(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new RidgelineException("cannot list the bundled zoo: " + e.getMessage(), e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
    }

    /** The bytes of a bundled model's file, for provenance hashes; empty when the name is unknown. */
    public static java.util.Optional<byte[]> bytes(String name) {
        try (InputStream in = Zoo.class.getClassLoader().getResourceAsStream(ROOT + "/" + name + ".yaml")) {
            return in == null ? java.util.Optional.empty() : java.util.Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new RidgelineException("cannot read zoo model " + name + ": " + e.getMessage(), e);
        }
    }

    /** Loads a bundled model; an unknown name fails with the nearest known name and the whole list. */
    public static Model load(String name) {
        InputStream in = Zoo.class.getClassLoader().getResourceAsStream(ROOT + "/" + name + ".yaml");
        if (in == null) {
            List<String> known = names();
            String hint = Suggest.nearest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
            throw new BadInputException("unknown model '" + name + "'" + hint
                    + ": not a file, and the zoo has: " + String.join(", ", known));
        }
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return ModelYamlReader.read("zoo/" + name + ".yaml", reader);
        } catch (IOException e) {
            throw new RidgelineException("cannot read zoo model " + name + ": " + e.getMessage(), e);
        }
    }
}
