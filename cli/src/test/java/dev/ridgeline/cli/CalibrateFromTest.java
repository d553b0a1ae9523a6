package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ridgeline hardware calibrate --from FILE}: a runtime's constants fitted to whole-model figures. */
class CalibrateFromTest {
    private static final String HEADER = "model,input,batch,precision,milliseconds,source\n";

    @Test
    void fitsTheT4sPublishedFiguresWithALeaveOneOutError() {
        Run run = Run.of("hardware", "calibrate", "--from", "reference/published/latency.csv", "--hardware",
                "t4:tensorrt");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("t4 under tensorrt: 12 figures from reference/published/latency.csv"), out);
        assertTrue(out.matches("(?s).*\\nmedian error: \\d+\\.\\d% fitted, \\d\\.\\d% leave-one-out.*"), out);
        assertTrue(out.contains("\nruntimes:\n  tensorrt:\n    source: \"fitted by ridgeline hardware calibrate"),
                out);
        assertTrue(out.contains("    tiles: {pixels: 64, channels: 64, concurrent: 40}\n"), out);
    }

    @Test
    void aUsersOwnFileWithoutDeviceColumnsFitsTheNamedDevice(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, HEADER + "resnet18,3x224x224,1,fp16,3.2,my bench\n"
                + "mobilenet_v2,3x224x224,1,fp16,2.6,my bench\nvgg16,3x224x224,1,fp16,6.8,my bench\n");
        Run run = Run.of("hardware", "calibrate", "--from", csv.toString(), "--hardware",
                "jetson-agx-orin-64gb:ncnn-vulkan");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("jetson-agx-orin-64gb under ncnn-vulkan: 3 figures"), run.out());
    }

    @Test
    void aBadLineExitsWithTwoNamingFileLineColumnAndField(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, HEADER + "resnet18,3x224x224,1,fp16,3.2,a\nresnet18,3x224,1,fp16,3.2,a\n");
        String err = Run.of("hardware", "calibrate", "--from", csv.toString(), "--hardware", "t4")
                .assertCleanBadInput().err();
        assertTrue(err.contains(csv + ":3:2: field 'input' '3x224' is not channels x height x width"), err);

        Files.writeString(csv, HEADER + "resnet18,3x224x224,1,fp17,3.2,a\n");
        err = Run.of("hardware", "calibrate", "--from", csv.toString(), "--hardware", "t4").assertCleanBadInput()
                .err();
        assertTrue(err.contains(csv + ":2:4: field 'precision' unknown precision 'fp17'"), err);

        Files.writeString(csv, HEADER + "resnet18,3x224x224,1,fp16,-1,a\n");
        err = Run.of("hardware", "calibrate", "--from", csv.toString(), "--hardware", "t4").assertCleanBadInput()
                .err();
        assertTrue(err.contains(csv + ":2:5: field 'milliseconds' '-1' is not a number above 0"), err);

        Files.writeString(csv, "model,input,batch,precision,seconds,source\n");
        err = Run.of("hardware", "calibrate", "--from", csv.toString(), "--hardware", "t4").assertCleanBadInput()
                .err();
        assertTrue(err.contains(csv + ":1:5: unknown column 'seconds'"), err);
    }

    @Test
    void withoutHardwareOrWithTooFewFiguresItSaysWhatIsMissing(@TempDir Path dir) throws IOException {
        String err = Run.of("hardware", "calibrate", "--from", "reference/published/latency.csv")
                .assertCleanBadInput().err();
        assertTrue(err.contains("needs --hardware NAME[:RUNTIME]"), err);
        err = Run.of("hardware", "calibrate", "--from", "reference/published/latency.csv", "--hardware",
                "xeon-8480").assertCleanBadInput().err();
        assertTrue(err.contains("0 figure(s) for device 'xeon-8480' under runtime 'openvino'; a fit needs at least 2"),
                err);
        err = Run.of("hardware", "calibrate").assertCleanBadInput().err();
        assertTrue(err.contains("needs --out FILE.yaml"), err);
    }
}
