package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ridgeline measure} and {@code hardware validate} end to end on a tiny model, and their bad input. */
class MeasureCommandTest {
    private static Path tinyModel(Path dir) throws Exception {
        Path model = dir.resolve("tiny.yaml");
        Files.writeString(model, """
                name: tiny
                input: [3, 32, 32]
                layers:
                  - conv: {name: conv1, out: 8, kernel: 3, padding: 1}
                  - bn: {name: bn1}
                  - relu: {name: relu1}
                  - adaptive_avgpool: {name: pool, size: 1}
                  - flatten: {name: flatten}
                  - linear: {name: fc, out: 10}
                """);
        return model;
    }

    @Test
    void aModelRunsInOnnxRuntimeWithItsSpreadEnvironmentAndProfile(@TempDir Path dir) throws Exception {
        Path model = tinyModel(dir);
        Path out = dir.resolve("run.json");
        Run run = Run.of("measure", model.toString(), "--runs", "5", "--warmup", "1", "--hardware", "xeon-8480",
                "--format", "json", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals(5, root.get("runs").asInt());
        assertTrue(root.get("medianSeconds").asDouble() > 0);
        assertTrue(root.get("iqrSeconds").asDouble() >= 0);
        assertTrue(root.get("noisy").isBoolean());
        assertTrue(root.get("predictedSeconds").asDouble() > 0);
        assertEquals(1, root.get("environment").get("threads").asInt());
        assertEquals("all", root.get("environment").get("optLevel").asText());
        assertTrue(root.get("environment").get("runtimeVersion").asText().matches("\\d+\\.\\d+.*"));
        boolean convKernel = false;
        for (JsonNode k : root.get("profile")) {
            convKernel |= k.get("kernel").asText().equals("conv1");
        }
        assertTrue(convKernel, "the conv's fused kernel is named by its group head: " + root.get("profile"));
    }

    @Test
    void anUnsupportedPrecisionIsBadInputNamingTheFix(@TempDir Path dir) throws Exception {
        Run run = Run.of("measure", tinyModel(dir).toString(), "--precision", "fp16").assertCleanBadInput();
        assertTrue(run.err().contains("fp16 cannot be measured") && run.err().contains("--precision fp32"), run.err());
    }

    @Test
    void aModelOrtCannotLoadIsBadInputSayingWhatToDo(@TempDir Path dir) throws Exception {
        Path onnx = dir.resolve("m.onnx");
        // weights without values: Ridgeline reads the structure, ONNX Runtime refuses the file
        dev.ridgeline.core.io.onnx.OnnxWriter.write(dev.ridgeline.core.io.ModelLoader.load(tinyModel(dir).toString()),
                1, dev.ridgeline.core.io.onnx.WeightFill.SHAPES_ONLY, 1, onnx);
        Run run = Run.of("measure", onnx.toString()).assertCleanBadInput();
        assertTrue(run.err().contains("m.onnx: ONNX Runtime cannot load it"), run.err());
        assertTrue(run.err().contains("give a valid ONNX model"), run.err());
    }

    @Test
    void aFixedBatchOnnxFileAtAnotherBatchIsBadInputSayingWhatToChange() {
        Run run = Run.of("measure", "reference/models/mobilenet_v2.onnx", "--batch", "8", "--runs", "3",
                "--warmup", "0", "--no-profile").assertCleanBadInput();
        assertTrue(run.err().contains("fixes the batch of its input 'input.1' at 1, so it cannot run at batch 8:"
                + " run it with --batch 1"), run.err());
        assertTrue(!run.err().contains("Please fix either"), "not ONNX Runtime's raw words: " + run.err());
    }

    @Test
    void aRowOfASweepFolderNamesBothDevicesOfItsRatio(@TempDir Path dir) throws Exception {
        Path sweep = dir.resolve("sweep");
        assertEquals(0, Run.of("sweep", "configs/jobs/resnet18_t4.yaml", "--out", sweep.toString()).exitCode());
        Run run = Run.of("measure", "configs/jobs/resnet18_t4.yaml", "--row", "1", "--from", sweep.toString(),
                "--precision", "fp32", "--runs", "3", "--warmup", "0", "--no-profile");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("roofline prediction for NVIDIA T4") && run.out().contains("measured on this"
                + " CPU (") && run.out().contains("the job's device, not this CPU"), run.out());
    }

    @Test
    void validateRefusesADeviceFileWithoutCalibration() {
        Run run = Run.of("hardware", "validate", "configs/hardware/xeon-8480.yaml", "--designs", "4")
                .assertCleanBadInput();
        assertTrue(run.err().contains("no 'calibration' section") && run.err().contains("hardware calibrate --out"),
                run.err());
    }

    @Test
    void aJobWithoutARowSaysHowToNameTheDesign() {
        Run run = Run.of("measure", "configs/jobs/resnet18_t4.yaml").assertCleanBadInput();
        assertTrue(run.err().contains("is a job file: name the design to measure with --row K"), run.err());
    }

    @Test
    void rowAndFromGoTogether(@TempDir Path dir) throws Exception {
        Run run = Run.of("measure", tinyModel(dir).toString(), "--row", "1").assertCleanBadInput();
        assertTrue(run.err().contains("--row K and --from"), run.err());
    }
}
