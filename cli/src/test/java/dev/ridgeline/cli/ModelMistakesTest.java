package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mistakes in model files, through the real command line: exit 2, file:line:column, what is allowed. */
class ModelMistakesTest {
    @TempDir
    Path dir;

    private Run analyze(String yaml, String... extra) throws IOException {
        Path file = dir.resolve("net.yaml");
        Files.writeString(file, yaml);
        String[] args = new String[extra.length + 2];
        args[0] = "analyze";
        args[1] = file.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return Run.of(args).assertCleanBadInput();
    }

    private static void assertHas(Run run, String expected) {
        assertTrue(run.err().contains(expected), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "mul", "matmul"})
    void aTwoInputOpGivenOneInputSaysSoAtItsInputs(String op) throws IOException {
        Run run = analyze("""
                input: [3, 8, 8]
                layers:
                  - conv: {out: 4, kernel: 3}
                  - %s: {inputs: [conv1]}
                """.formatted(op));
        int column = "  - %s: {inputs: ".formatted(op).length() + 1;
        assertHas(run, "net.yaml:4:" + column + ": " + op + " '" + op + "1' takes exactly two inputs, got 1: [conv1]");
    }

    @Test
    void aTwoInputOpWithoutInputsSaysHowToNameThem() throws IOException {
        Run run = analyze("input: [3, 8, 8]\nlayers:\n  - conv: {out: 4, kernel: 3}\n  - matmul\n");
        assertHas(run, "net.yaml:4:5: matmul 'matmul1' takes exactly two inputs, got 1: [conv1]; name them with "
                + "inputs: [a, b]");
    }

    @Test
    void anOpGivenTooManyInputsIsReportedAtItsLineNotTheFileStart() throws IOException {
        Run run = analyze("""
                input: [3, 8, 8]
                layers:
                  - conv: {out: 4, kernel: 3}
                  - relu: {inputs: [input, conv1]}
                """);
        assertHas(run, "net.yaml:4:20: relu 'relu1' takes exactly one input, got 2: [input, conv1]");
    }

    /** A ceiling against a hang (building 10^8 nodes) only, not a speed figure: the shared CI machine is slow. */
    private static final Duration HANG = Duration.ofSeconds(60);

    @Test
    void anAbsurdRepeatIsRefusedAtOnceWithTheLimit() throws IOException {
        Run run = assertTimeoutPreemptively(HANG, () -> analyze("""
                input: [3, 8, 8]
                layers:
                  - conv: {out: 4, kernel: 3, padding: 1, repeat: 100000000}
                """));
        assertHas(run, "net.yaml:3:51: field 'repeat' of conv must be from 1 to 10,000, got 100000000");
    }

    @Test
    void repeatsThatMultiplyPastTheNodeLimitAreRefusedBeforeTheyAreBuilt() throws IOException {
        Run run = assertTimeoutPreemptively(HANG, () -> analyze("""
                blocks:
                  thick:
                    layers:
                      - conv: {out: 4, kernel: 3, padding: 1, repeat: 10000}
                input: [3, 8, 8]
                layers:
                  - thick: {repeat: 10000}
                """));
        assertHas(run, "net.yaml:7:21: 10,000 copies of 10,000 nodes would take the model to 100,000,000 nodes, "
                + "past the limit of 100,000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e30", "4000000000", "0", "2000000"})
    void aChannelCountOutOfRangeSaysTheRange(String out) throws IOException {
        Run run = analyze("input: [3, 8, 8]\nlayers:\n  - conv: {out: %s, kernel: 3}\n".formatted(out));
        assertHas(run, "net.yaml:3:17: field 'out' of conv 'conv1' must be from 1 to 1,048,576, got " + out);
    }

    @Test
    void aLinearLayersFeaturesHaveTheSameRange() throws IOException {
        Run run = analyze("input: [16]\nlayers:\n  - linear: {out: 1e7}\n");
        assertHas(run, "net.yaml:3:19: field 'out' of linear 'linear1' must be from 1 to 1,048,576, got 1e7");
    }

    @Test
    void aBatchBeyondTheLimitIsRefused() {
        Run run = Run.of("analyze", "resnet18", "--batch", "2000000").assertCleanBadInput();
        assertHas(run, "--batch must be at most 1,048,576, got 2,000,000");
    }

    @Test
    void anotherInputSizeLetsALinearLayerAfterFlattenFollowItsInput() throws Exception {
        Path file = dir.resolve("net.yaml");
        Files.writeString(file, """
                input: [3, 8, 8]
                layers:
                  - conv: {out: 4, kernel: 3}
                  - flatten
                  - linear: {out: 10}
                """);
        Run run = Run.of("analyze", file.toString(), "--input", "3x16x16", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode totals = new ObjectMapper().readTree(run.out()).get("totals");
        // conv 3x4x3x3 + 4; at 16x16 the flatten gives 4x14x14 = 784 features: 784 x 10 + 10
        assertEquals(112 + 784 * 10 + 10, totals.get("params").longValue());
    }

    @Test
    void aDeclaredFeatureCountThatNoLongerFitsNamesItsLine() throws IOException {
        Run run = analyze("""
                input: [3, 8, 8]
                layers:
                  - conv: {out: 4, kernel: 3}
                  - flatten
                  - linear: {out: 10, in: 144}
                """, "--input", "3x16x16");
        assertHas(run, "net.yaml:5:27: field 'in' of linear 'linear1' says 144 input features, but its input has 784");
    }
}
