package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in job files, through {@code ridgeline sweep}: exit 2, file:line:column, the field, what is allowed. */
class JobMistakesTest {
    static final String HEAD = """
            model: resnet18
            hardware: t4
            precision: fp16
            space:
              width: {stages: ["layer*"], multipliers: [0.5, 1.0]}
            """;

    @TempDir
    Path dir;

    Run sweep(String job, String... extra) throws IOException {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, job);
        String[] args = new String[extra.length + 4];
        args[0] = "sweep";
        args[1] = file.toString();
        args[2] = "--out";
        args[3] = dir.resolve("out").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return Run.of(args).assertCleanBadInput();
    }

    static void assertHas(Run run, String expected) {
        assertTrue(run.err().contains(expected), run.err());
    }

    @Test
    void aBatchBeyondTheLimitNamesTheField() throws IOException {
        assertHas(sweep(HEAD + "batch: 100000000\n"),
                "job.yaml:6:8: field 'batch' of a job file must be from 1 to 1,048,576, got 100000000");
    }

    @Test
    void aWidthMultiplierPastTheChannelLimitIsRefusedBeforeCounting() throws IOException {
        assertHas(sweep("model: resnet18\nspace:\n  width: {stages: [\"layer*\"], multipliers: [100000]}\n"),
                "job.yaml:3:10: width multiplier 100000.0 gives conv1 6,400,000 channels, past the limit of "
                        + "1,048,576");
    }
}
