package dev.ridgeline.prune;

import dev.ridgeline.prune.plan.PlanFile;
import dev.ridgeline.prune.plan.PlanReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plan files written for a test. */
final class PlanFiles {
    private PlanFiles() {
    }

    static PlanFile read(Path dir, String yaml) {
        try {
            Path file = Files.createTempFile(dir, "plan", ".yaml");
            Files.writeString(file, yaml);
            return PlanReader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
