package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mistakes in expressions, conditions and splits of a model file exit 2 with file:line:column pointing at
 * the culprit (the line and column of the marked text) and say what is wrong.
 */
class ModelExpressionErrorsTest {

    private static final String TEMPLATE = """
            input: [8, 16, 16]
            blocks:
              unit:
                params: {growth: 4, parts: 0, expand: 1}
                layers:
                  - LAYER
            layers:
              - unit
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an undefined name      | conv: {out: $growth * $groth, kernel: 1}  | $groth     | unknown parameter '$groth'",
        "a division by zero     | conv: {out: $in // $parts, kernel: 1}     | $parts     | division by zero: '$parts' is 0",
        "a fraction as a count  | conv: {out: $in * 0.3, kernel: 1}         | $in * 0.3  | must be a whole number, got '2.4'",
        "unequal split sizes    | split: {sizes: [3, 4]}                    | [3, 4]     | parts [3, 4] add up to 7, but the input has 8 channels",
        "a split into 3 parts   | split: {parts: 3}                         | 3          | 8 channels do not split into 3 equal parts",
        "an unknown when name   | conv: {out: 8, kernel: 1, when: $expnd != 1} | $expnd  | unknown parameter '$expnd'",
    })
    void exitsTwoPointingAtTheCulprit(String what, String layer, String culprit, String message,
                                      @TempDir Path dir) throws Exception {
        String text = TEMPLATE.replace("LAYER", layer);
        Path file = dir.resolve("net.yaml");
        Files.writeString(file, text);
        Run run = Run.of("analyze", file.toString()).assertCleanBadInput();
        String[] lines = text.split("\n");
        int line = 0;
        while (!lines[line].contains(layer)) {
            line++;
        }
        int column = lines[line].indexOf(culprit) + 1;
        String at = file + ":" + (line + 1) + ":" + column + ": ";
        assertTrue(run.err().contains(at), what + ": expected " + at + " in " + run.err());
        assertTrue(run.err().contains(message), what + ": " + run.err());
    }
}
