package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    @Test
    void theExhaustiveLimitIsReportedAtItsLineBeforeTheSweepStarts() throws IOException {
        Run run = sweep(HEAD + "strategy: {type: exhaustive, limit: 3}\n");
        assertHas(run, "job.yaml:6:37: field 'limit' of the exhaustive strategy: the design space has 32 points, "
                + "more than the exhaustive search limit of 3");
        assertHas(run, "strategy: {type: exhaustive, limit: N}");
        assertHas(sweep(HEAD + "strategy: {type: exhaustive, limit: -5}\n"),
                "job.yaml:6:37: field 'limit' of the exhaustive strategy must be at least 1, got -5");
    }

    @Test
    void anEvolutionaryPopulationNsgaCannotUseIsReportedAtItsLine() throws IOException {
        assertHas(sweep(HEAD + "strategy: {type: evolutionary, population: 3}\n"),
                "job.yaml:6:44: field 'population' of the evolutionary strategy must be from 4 to 1,000,000, got 3");
        assertHas(sweep(HEAD + "strategy: {type: evolutionary, population: 11}\n"),
                "job.yaml:6:44: field 'population' of the evolutionary strategy must be an even number");
        assertHas(sweep(HEAD + "strategy: {type: evolutionary, population: 10, evaluations: 5}\n"),
                "job.yaml:6:61: field 'evaluations' of the evolutionary strategy must be at least the population, 10");
    }

    @Test
    void anEndlessRandomCountIsRefusedAtOnce() throws IOException {
        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), // against a hang only
                () -> sweep(HEAD + "strategy: {type: random, count: 1e30}\n"));
        assertHas(run, "job.yaml:6:33: field 'count' of the random strategy must be from 1 to 1,000,000,000, got 1e30");
    }

    @Test
    void anOverflowNamesTheJobsFieldsNotFlagsSweepDoesNotHave() throws IOException {
        Run run = sweep("model: resnet18\ninput: 3x100000x100000\nbatch: 1000000\nspace:\n"
                + "  width: {stages: [\"layer*\"], multipliers: [0.5, 1.0]}\n");
        assertHas(run, "job.yaml:3:8: the model's counts at batch 1000000 and input 1x3x100000x100000 do not fit in "
                + "64 bits");
        assertFalse(run.err().contains("--batch") || run.err().contains("--input"), run.err());
    }

    @Test
    void aDirectoryOrABinaryFileWhereTheJobBelongsIsCalledSo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("jobs"));
        assertHas(Run.of("sweep", folder.toString(), "--out", dir.resolve("o").toString()).assertCleanBadInput(),
                folder + ": is a directory, not a file");
        Path binary = dir.resolve("job.bin.yaml");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff});
        assertHas(Run.of("sweep", binary.toString(), "--out", dir.resolve("o").toString()).assertCleanBadInput(),
                binary + ": not a YAML text file: its bytes are not UTF-8 text (a binary file?)");
        Path controls = dir.resolve("controls.yaml");
        Files.writeString(controls, "model: resnet18\u0000\u0001");
        assertHas(Run.of("sweep", controls.toString(), "--out", dir.resolve("o").toString()).assertCleanBadInput(),
                controls + ": not a YAML text file (binary content?)");
    }

    /** Mistakes of a probe beyond issue 8's list: (lines after HEAD, the message expected). */
    static Stream<Arguments> otherMistakes() {
        return Stream.of(
                Arguments.of("budgets: {params: {max: -5}}\n",
                        "job.yaml:6:25: the budget on params must not be negative (no metric is), got -5"),
                Arguments.of("budgets: {params: {min: -50%}}\n",
                        "job.yaml:6:25: the budget on params must not be negative (no metric is), got -50%"),
                Arguments.of("budgets: {latencySecond: 0.1}\n",
                        "job.yaml:6:11: unknown metric 'latencySecond' (did you mean 'latencySeconds'?); metrics: "),
                Arguments.of("budgets: {params: {maximum: 5}}\n",
                        "job.yaml:6:20: unknown field 'maximum' in the budget on params; allowed fields: max, min"),
                Arguments.of("precison: fp16\n",
                        "job.yaml:6:1: unknown field 'precison' in a job file (did you mean 'precision'?)"),
                Arguments.of("objectives: [latencySeconds, macs]\n",
                        "job.yaml:6:14: an objective must be a map of fields (name: value), got 'latencySeconds'"),
                Arguments.of("objectives: [{metric: macs, goal: minimize}, {metric: params, goal: max}]\n",
                        "job.yaml:6:35: field 'goal' must be min or max, got 'minimize'"),
                Arguments.of("strategy: {type: random, count: 10, seed: abc}\n",
                        "job.yaml:6:43: field 'seed' of the random strategy must be a whole number, got 'abc'"),
                Arguments.of("strategy: greedy\n",
                        "job.yaml:6:11: unknown strategy 'greedy'; strategies: exhaustive, exact, random, evolutionary"));
    }

    @ParameterizedTest
    @MethodSource("otherMistakes")
    void otherMistakesNameTheirLineAndWhatIsAllowed(String tail, String expected) throws IOException {
        assertHas(sweep(HEAD + tail), expected);
    }

    @Test
    void anEmptySelectionOrAnAbsurdResolutionIsReportedAtItsKnob() throws IOException {
        assertHas(sweep("model: resnet18\nspace:\n  width: {stages: [], multipliers: [0.5]}\n"),
                "job.yaml:3:19: stages is empty: give at least a stage such as layer3, or \"*\" for every stage");
        assertHas(sweep("model: resnet18\nspace:\n  resolution: {choices: [100000000]}\n"),
                "job.yaml:3:26: a resolution must be from 1 to 65,536 pixels a side, got 100000000x100000000");
    }

    @Test
    void anEmptyOutIsRefusedRatherThanWritingIntoTheWorkingFolder() throws IOException {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, HEAD);
        assertHas(Run.of("sweep", file.toString(), "--out", "").assertCleanBadInput(),
                "--out is empty: give a folder to write into");
        assertHas(Run.of("analyze", "resnet18", "--out", " ").assertCleanBadInput(),
                "--out is empty: give a file name");
    }
}
