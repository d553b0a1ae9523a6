package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ridgeline analyze model.onnx} end to end on the project's MobileNetV2 export. */
class AnalyzeOnnxTest {
    private static final Path FILE = Path.of("reference/models/mobilenet_v2.onnx");

    private static String file() {
        if (!Files.isRegularFile(FILE)) {
            fail(FILE.toAbsolutePath()
                    + " is missing: it is part of the repository (see reference/models/README.md);"
                    + " restore it with git checkout -- reference/models");
        }
        return FILE.toString();
    }

    /** The export with a dynamic batch, height and width, as torch.onnx.export writes with dynamic_axes. */
    private static Path dynamic(Path dir) throws Exception {
        ModelProto.Builder m = ModelProto.parseFrom(Files.readAllBytes(Path.of(file()))).toBuilder();
        TensorShapeProto.Builder shape = m.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder()
                .getShapeBuilder();
        shape.getDimBuilder(0).clearDimValue().setDimParam("batch");
        shape.getDimBuilder(2).clearDimValue().setDimParam("height");
        shape.getDimBuilder(3).clearDimValue().setDimParam("width");
        Path out = dir.resolve("mobilenet_v2_dynamic.onnx");
        Files.write(out, m.build().toByteArray());
        return out;
    }

    @Test
    void mobileNetV2GivesTorchvisionsMacsAndTheFoldedParams() throws Exception {
        JsonNode root = AnalyzeCommandTest.analyzeJson(file(), "--format", "json");
        assertEquals(300_774_272L, root.get("totals").get("macs").asLong());
        assertEquals(3_487_816L, root.get("totals").get("params").asLong());
        assertEquals(3_475_008L, root.get("totals").get("uniqueStoredParams").asLong(),
                "shared tensors once, under its own name");
        assertEquals("mobilenet_v2", root.get("model").asText());
        assertEquals("[3,224,224]", root.get("input").toString());
        assertFalse(root.has("uncounted"), "every op of the export can be counted");
        JsonNode first = root.get("layers").get(0);
        assertEquals("/features/features.0/features.0.0/Conv", first.get("name").asText());
        assertEquals("[\"features.0\"]", first.get("labels").toString());
        assertTrue(first.get("bias").asBoolean(), "BN folded into the conv");
    }

    @Test
    void aDynamicInputTakesInputAndBatch(@TempDir Path dir) throws Exception {
        Path onnx = dynamic(dir);
        JsonNode root = AnalyzeCommandTest.analyzeJson(onnx.toString(), "--input", "3x224x224", "--batch", "2",
                "--format", "json");
        assertEquals(2 * 300_774_272L, root.get("totals").get("macs").asLong());
        assertEquals(2, root.get("batch").asInt());
    }

    @Test
    void aStaticBatchOtherThanOneIsTheDefaultBatch(@TempDir Path dir) throws Exception {
        ModelProto.Builder m = ModelProto.parseFrom(Files.readAllBytes(Path.of(file()))).toBuilder();
        m.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                .getDimBuilder(0).setDimValue(3);
        Path onnx = dir.resolve("mobilenet_v2_batch3.onnx");
        Files.write(onnx, m.build().toByteArray());
        JsonNode root = AnalyzeCommandTest.analyzeJson(onnx.toString(), "--format", "json");
        assertEquals(3, root.get("batch").asInt());
        assertEquals(3 * 300_774_272L, root.get("totals").get("macs").asLong());
        JsonNode one = AnalyzeCommandTest.analyzeJson(onnx.toString(), "--batch", "1", "--format", "json");
        assertEquals(300_774_272L, one.get("totals").get("macs").asLong(), "--batch still sets it");
    }

    @Test
    void aDynamicInputWithoutInputSaysWhatToPass(@TempDir Path dir) throws Exception {
        Run run = Run.of("analyze", dynamic(dir).toString()).assertCleanBadInput();
        assertTrue(run.err().contains("input 'input.1' has dynamic dimensions (batch x 3 x height x width)"),
                run.err());
        assertTrue(run.err().contains("--input CxHxW"), run.err());
    }

    @Test
    void aTruncatedFileAndATextFileExitTwoWithWhatToDo(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("cut.onnx");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(Path.of(file())), 1000));
        Run truncated = Run.of("analyze", cut.toString()).assertCleanBadInput();
        assertTrue(truncated.err().contains("truncated") && truncated.err().contains("export it again"),
                truncated.err());
        Path text = dir.resolve("net.onnx");
        Files.writeString(text, "name: net\nlayers: []\n");
        Run notOnnx = Run.of("analyze", text.toString()).assertCleanBadInput();
        assertTrue(notOnnx.err().contains("not an ONNX model: it is a text file"), notOnnx.err());
    }

    @Test
    void uncountedOpsFailUnlessAllowedAndThenAreListed(@TempDir Path dir) throws Exception {
        // the export with its first ReLU6 swapped for an op Ridgeline has no rule for (LpNormalization)
        ModelProto.Builder m = ModelProto.parseFrom(Files.readAllBytes(Path.of(file()))).toBuilder();
        var nodes = m.getGraphBuilder().getNodeBuilderList();
        var clip = nodes.stream().filter(n -> n.getOpType().equals("Clip")).findFirst().orElseThrow();
        clip.setOpType("LpNormalization");
        clip.clearInput();
        clip.addInput("/features/features.0/features.0.0/Conv_output_0");
        Path onnx = dir.resolve("softplus.onnx");
        Files.write(onnx, m.build().toByteArray());

        Run refused = Run.of("analyze", onnx.toString()).assertCleanBadInput();
        assertTrue(refused.err().contains("Ridgeline cannot count LpNormalization (1 node"), refused.err());
        assertTrue(refused.err().contains("--allow-uncounted"), refused.err());

        JsonNode root = AnalyzeCommandTest.analyzeJson(onnx.toString(), "--allow-uncounted", "--format", "json");
        assertEquals(1, root.get("uncounted").get("LpNormalization").asInt());
        assertEquals(300_774_272L, root.get("totals").get("macs").asLong());
        Run table = Run.of("analyze", onnx.toString(), "--allow-uncounted");
        assertTrue(table.out().contains("uncounted (no counting rule; their arithmetic is in no total): LpNormalization (1)"),
                table.out());
    }
}
