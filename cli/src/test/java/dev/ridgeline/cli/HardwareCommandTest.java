package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.hardware.device.Devices;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ridgeline hardware list|show}. */
class HardwareCommandTest {

    @Test
    void listShowsOneLinePerPreset() {
        Run run = Run.of("hardware", "list");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2 + Devices.presetIds().size(), lines.size(), run.out());
        assertTrue(lines.get(0).matches("id +name +class +precisions +bandwidth +memory"), lines.get(0));
        assertTrue(run.out().matches("(?s).*\\nh100-sxm +NVIDIA H100 SXM5 80GB +gpu +fp64, fp32, fp16, bf16, int8"
                + " +3350 GB/s +80 GB\\n.*"), run.out());
    }

    @Test
    void listPrintsEveryPresetsWholeName() {
        String out = Run.of("hardware", "list").out();
        for (String id : Devices.presetIds()) {
            String name = Devices.preset(id).name();
            assertTrue(out.matches("(?s).*\\n" + java.util.regex.Pattern.quote(id) + " +"
                    + java.util.regex.Pattern.quote(name) + "  .*"), name + " in\n" + out);
        }
        assertTrue(out.contains("Intel Xeon Platinum 8480+ (56 cores, AMX)"), out);
        assertFalse(out.contains("..."), out);
    }

    @Test
    void showGivesEveryFigureWithItsStatus() {
        Run run = Run.of("hardware", "show", "h100-sxm");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("NVIDIA H100 SXM5 80GB  |  id h100-sxm  |  gpu\n"), out);
        assertTrue(out.contains("source: NVIDIA H100 Tensor Core GPU datasheet"), out);
        assertTrue(out.matches("(?s).*\\nfp16 +989 TFLOPS +133\\.8 TFLOPS +matrix +240\\.1 ops/byte +datasheet\\n.*"),
                out);
        assertTrue(out.matches("(?s).*\\nint8 +1979 TOPS +- +matrix +480\\.4 ops/byte +datasheet\\n.*"), out);
        for (String figure : List.of("bandwidth", "memory", "on-chip buffer", "compute efficiency",
                "memory efficiency", "layer overhead")) {
            assertTrue(out.contains("\n" + figure + "  "), figure + ":\n" + out);
        }
        assertTrue(out.contains("BF16 tensor core rate equals FP16 on Hopper"), "the notes: " + out);
    }

    @Test
    void showReadsADeviceFile(@TempDir Path dir) {
        String file = DeviceFiles.write(dir, "npu.yaml", DeviceFiles.INT8_ONLY);
        Run run = Run.of("hardware", "show", file);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Tiny NPU  |  id tiny-npu  |  npu\n"), run.out());
        assertTrue(run.out().matches("(?s).*\\nint8 +4 TOPS +- +matrix .*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nmemory +host .*"), run.out());
    }

    @Test
    void anUnknownPresetSuggestsTheNearestIds() {
        Run run = Run.of("hardware", "show", "h100-nvl").assertCleanBadInput();
        assertTrue(run.err().startsWith("ridgeline: error: unknown hardware 'h100-nvl' (nearest: h100-sxm, h100-pcie, "),
                run.err());
        assertTrue(run.err().contains("the presets are: a100-sxm-80gb, apple-m1-gpu"), run.err());
    }

    @Test
    void aCloseMisspellingIsCorrected() {
        Run run = Run.of("hardware", "show", "jetson-nan").assertCleanBadInput();
        assertTrue(run.err().startsWith("ridgeline: error: unknown hardware 'jetson-nan' (did you mean 'jetson-nano'?)"),
                run.err());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        String missing = dir.resolve("board.yaml").toString();
        Run run = Run.of("hardware", "show", missing).assertCleanBadInput();
        assertTrue(run.err().contains(missing + ": no such file"), run.err());
    }

    @Test
    void withoutASubcommandItIsBadInputWithTheUsage() {
        Run run = Run.of("hardware");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("a hardware command is required"), run.err());
        assertTrue(run.err().contains("Usage: ridgeline hardware"), run.err());
    }
}
