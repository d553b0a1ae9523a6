package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

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
