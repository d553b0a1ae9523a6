package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything a user can get wrong exits 2 with a message they can act on, and no stack trace. */
class BadInputTest {

    @Test
    void anUnknownZooNameListsTheKnownOnes() {
        Run run = Run.of("analyze", "resnet5").assertCleanBadInput();
        assertTrue(run.err().contains("unknown model 'resnet5'"), run.err());
        assertTrue(run.err().contains("did you mean 'resnet50'"), run.err());
        assertTrue(run.err().contains("alexnet") && run.err().contains("mobilenet_v2"), run.err());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        String missing = dir.resolve("missing.yaml").toString();
        Run run = Run.of("analyze", missing).assertCleanBadInput();
        assertTrue(run.err().contains(missing + ": no such file"), run.err());
    }

    @Test
    void anUnknownConventionListsTheKnownOnes() {
        Run run = Run.of("analyze", "resnet50", "--convention", "flopz").assertCleanBadInput();
        assertTrue(run.err().contains("unknown convention 'flopz'"), run.err());
        assertTrue(run.err().contains("seed, macs, fvcore, ptflops, thop, torchinfo, pytorch, onnx-tool"), run.err());
    }

    @Test
    void anUnknownFormatListsTheKnownOnes() {
        Run run = Run.of("analyze", "resnet50", "--format", "xml").assertCleanBadInput();
        assertTrue(run.err().contains("table, json, csv"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3x0x224", "abc", "3x-224x224", "3x224x", "3x99999999999x224"})
    void aMalformedInputShapeIsBadInput(String input) {
        Run run = Run.of("analyze", "resnet50", "--input", input).assertCleanBadInput();
        assertTrue(run.err().contains("--input"), run.err());
        assertTrue(run.err().contains(input), run.err());
    }

    @Test
    void anInputWithOtherChannelsNamesBoth() {
        Run run = Run.of("analyze", "resnet50", "--input", "1x224x224").assertCleanBadInput();
        assertTrue(run.err().contains("1 channel") && run.err().contains("expects 3 channels"), run.err());
    }

    @Test
    void anInputOfAnotherRankSaysWhatTheModelTakes() {
        Run run = Run.of("analyze", "resnet50", "--input", "224x224").assertCleanBadInput();
        assertTrue(run.err().contains("like 3x224x224"), run.err());
    }

    @Test
    void anInputTooSmallForTheNetworkNamesTheLayer() {
        // vgg16's fourth 2x2 max pooling has a 1x1 map left
        Run run = Run.of("analyze", "vgg16", "--input", "3x8x8").assertCleanBadInput();
        assertTrue(run.err().contains("node '") && run.err().contains("maxpool"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3"})
    void aBatchBelowOneIsBadInput(String batch) {
        Run run = Run.of("analyze", "resnet50", "--batch", batch).assertCleanBadInput();
        assertTrue(run.err().contains("--batch must be at least 1"), run.err());
    }

    @Test
    void countsBeyondSixtyFourBitsAreBadInputNotACrash() {
        Run run = Run.of("analyze", "resnet50", "--input", "3x100000x100000", "--batch", "100000")
                .assertCleanBadInput();
        assertTrue(run.err().contains("does not fit in 64 bits"), run.err());
    }

    @Test
    void aTypoInAModelFileNamesTheFileTheLineAndTheRightField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, """
                name: tiny
                input: [3, 32, 32]
                layers:
                  - conv: {name: c1, out: 8, kernal: 3, padding: 1}
                  - relu
                """);
        Run run = Run.of("analyze", file.toString()).assertCleanBadInput();
        assertTrue(run.err().contains("typo.yaml:4:"), run.err());
        assertTrue(run.err().contains("'kernal'") && run.err().contains("did you mean 'kernel'"), run.err());
    }

    @Test
    void picocliParameterErrorsUseTheSameFormat() {
        Run run = Run.of("analyze", "resnet50", "--batch", "many").assertCleanBadInput();
        assertTrue(run.err().contains("'many' is not an int"), run.err());
        assertTrue(run.err().contains("ridgeline analyze --help"), run.err());
        Run unknown = Run.of("analyze", "resnet50", "--bacth", "2").assertCleanBadInput();
        assertTrue(unknown.err().contains("--bacth"), unknown.err());
        Run missing = Run.of("analyze").assertCleanBadInput();
        assertTrue(missing.err().contains("MODEL"), missing.err());
    }

    @Test
    void aBareCommandLineAlsoReportsBadInputCleanly() {
        Run run = Run.bare("analyze", "resnet50", "--convention", "flopz").assertCleanBadInput();
        assertTrue(run.err().contains("unknown convention"), run.err());
    }

    @Test
    void debugAddsTheStackTrace() {
        Run run = Run.of("analyze", "resnet50", "--convention", "flopz", "--debug");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("ridgeline: error: unknown convention"), run.err());
        assertTrue(run.err().contains("at dev.ridgeline.cli."), run.err());
        Run before = Run.of("--debug", "analyze", "resnet50", "--convention", "flopz");
        assertTrue(before.err().contains("at dev.ridgeline.cli."), "--debug before the command works too");
    }

    @Test
    void anUnknownCommandListsTheCommands() {
        Run run = Run.of("analyse", "resnet50").assertCleanBadInput();
        assertTrue(run.err().startsWith("ridgeline: error: unknown command 'analyse'; commands: analyze, sweep, "),
                run.err());
        assertTrue(run.err().contains("hardware"), run.err());
        Run zoo = Run.of("zoo", "show").assertCleanBadInput();
        assertTrue(zoo.err().startsWith("ridgeline: error: unknown command 'show'; commands: list"), zoo.err());
    }

    @Test
    void aDirectoryWhereAModelOrDeviceFileBelongsIsCalledADirectory(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("net.yaml"));
        Run run = Run.of("analyze", folder.toString()).assertCleanBadInput();
        assertTrue(run.err().contains(folder + ": is a directory; give a .yaml, .yml or .onnx model file"), run.err());
        Run device = Run.of("analyze", "resnet18", "--hardware", dir.toString() + "/").assertCleanBadInput();
        assertTrue(device.err().contains("is a directory, not a file"), device.err());
    }

    @Test
    void anUnknownFusionModeNamesTheModes() {
        Run run = Run.of("analyze", "resnet18", "--hardware", "t4", "--fusion", "full").assertCleanBadInput();
        assertTrue(run.err().contains("unknown --fusion 'full'; fusion modes: none, engine"), run.err());
        Run without = Run.of("analyze", "resnet18", "--fusion", "none").assertCleanBadInput();
        assertTrue(without.err().contains("--fusion needs --hardware"), without.err());
    }
}
