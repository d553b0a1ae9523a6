package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void zooListShowsEveryBundledModelWithItsParamsMacsAndDescription() {
        Run run = Run.of("zoo", "list");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("model "), run.out());
        String resnet50 = "resnet50 +3x224x224 +175 +25,557,032 +25\\.6 M +4,089,184,256 +4\\.09 G"
                + " +ResNet-50 v1\\.5 \\(He et al\\. 2015\\), torchvision layout";
        assertTrue(run.out().matches("(?s).*\\n" + resnet50 + "\\n.*"), run.out());
        assertTrue(run.out().contains("\nmobilenet_v2 "), run.out());
        assertTrue(run.out().contains("\ninception3b "), run.out());
        String convnext = "convnext_tiny +3x224x224 +\\d+ +28,589,128 +28\\.6 M +4,455,531,264 +4\\.46 G .*";
        assertTrue(run.out().matches("(?s).*\\n" + convnext + "\\n.*"), run.out());
        for (String modern : java.util.List.of("shufflenet_v2_x1_0", "mobilenet_v3_large", "efficientnet_b0",
                "densenet121", "regnet_y_400mf")) {
            assertTrue(run.out().contains("\n" + modern + " "), modern + " in " + run.out());
        }
    }

    @Test
    void zooListHasAHeaderOnEveryColumn() {
        Run run = Run.of("zoo", "list");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("model", "input", "layers", "params", "approx.", "MACs", "approx.", "description"),
                List.of(lines.get(0).trim().split(" {2,}")));
        assertEquals(8, lines.get(1).split(" +").length, "one rule per column: " + lines.get(1));
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Run run = Run.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("ridgeline " + Version.current()), run.out());
        assertFalse(Version.current().contains("${"), "the build filled in the version");
    }

    @Test
    void everyCommandsHelpHasExamples() {
        String[][] helps = {{"--help"}, {"analyze", "--help"}, {"zoo", "--help"}, {"zoo", "list", "--help"},
            {"hardware", "--help"}, {"hardware", "list", "--help"}, {"hardware", "show", "--help"}};
        for (String[] args : helps) {
            Run run = Run.of(args);
            assertEquals(0, run.exitCode(), String.join(" ", args));
            assertTrue(run.out().contains("Example"), String.join(" ", args) + ":\n" + run.out());
        }
        Run analyze = Run.of("analyze", "--help");
        String help = analyze.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("seed, macs, fvcore, ptflops, thop, torchinfo, pytorch, onnx-tool"), help);
        assertTrue(help.contains("table, json, csv"), help);
    }

    @Test
    void everyDescriptionLineIsAWholeSentence() {
        List<CommandLine> commands = new ArrayList<>(List.of(Main.commandLine()));
        for (int i = 0; i < commands.size(); i++) {
            CommandLine command = commands.get(i);
            commands.addAll(command.getSubcommands().values());
            for (String line : command.getCommandSpec().usageMessage().description()) {
                assertTrue(line.matches("[A-Z].*\\.") && !line.contains("  "),
                        command.getCommandName() + ": \"" + line + "\" is not one whole sentence");
            }
        }
        assertTrue(commands.size() >= 8, "ridgeline, its commands and their subcommands: " + commands.size());
    }

    @Test
    void everyHelpSummaryOfACommandEndsItsSentence() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"zoo", "--help"},
                new String[] {"hardware", "--help"})) {
            String help = Run.of(args).out();
            List<String> lines = help.substring(help.indexOf("Commands:\n") + "Commands:\n".length()).lines()
                    .takeWhile(line -> !line.isBlank()).toList();
            List<String> summaries = new ArrayList<>();
            for (String line : lines) {
                if (line.matches("  \\S.*")) {
                    summaries.add(line.trim());
                } else {
                    summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.trim());
                }
            }
            assertFalse(summaries.isEmpty(), help);
            summaries.forEach(summary -> assertTrue(summary.endsWith("."), String.join(" ", args) + ": " + summary));
        }
    }

    @Test
    void noCommandIsBadInputWithTheUsage() {
        Run run = Run.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: ridgeline"), run.err());
        assertEquals(2, Run.of("zoo").exitCode());
    }

    @Test
    void internalFailuresGiveOneLineAndAHintUnlessDebugging() {
        StringWriter err = new StringWriter();
        int code = Failures.guard(new PrintWriter(err), false, () -> {
            throw new IllegalStateException("buffer was freed twice");
        });
        assertEquals(1, code);
        assertEquals("ridgeline: internal error: IllegalStateException: buffer was freed twice\n"
                + Failures.DEBUG_HINT + "\n", err.toString().replace(System.lineSeparator(), "\n"));

        StringWriter debug = new StringWriter();
        Failures.guard(new PrintWriter(debug), true, () -> {
            throw new IllegalStateException("buffer was freed twice");
        });
        assertTrue(debug.toString().contains("at dev.ridgeline.cli.MainTest"), debug.toString());
    }
}
