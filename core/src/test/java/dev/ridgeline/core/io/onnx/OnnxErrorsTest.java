package dev.ridgeline.core.io.onnx;

import static dev.ridgeline.core.io.onnx.OnnxGraphs.attr;
import static dev.ridgeline.core.io.onnx.OnnxGraphs.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.op.Uncounted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and ops Ridgeline cannot read or count: errors that say what to do, never a silent zero. */
class OnnxErrorsTest {
    private static OnnxGraphs withGelu() {
        return OnnxGraphs.graph().input("x", 1, 8).weight("w", 8, 8)
                .op("MatMul", "fc1", List.of("x", "w"))
                .op("LpNormalization", "erf", List.of("fc1"))
                .op("LpNormalization", "erf2", List.of("erf"))
                .op("MatMul", "fc2", List.of("erf2", "w")).output("fc2");
    }

    @Test
    void anOpWithoutACountingRuleIsAnErrorNamingTypeAndCount() {
        BadInputException e = assertThrows(BadInputException.class, () -> withGelu().read());
        assertTrue(e.getMessage().contains("Ridgeline cannot count LpNormalization (2 nodes, e.g. 'erf'"), e.getMessage());
        assertTrue(e.getMessage().contains("--allow-uncounted"), e.getMessage());
    }

    @Test
    void allowedUncountedOpsAreKeptAndListedWhileTheRestIsCounted() {
        Model m = withGelu().read(Optional.empty(), true);
        assertEquals(new Uncounted("LpNormalization", List.of(), 0), m.node("erf").orElseThrow().op());
        CostReport r = count(m, 1);
        assertEquals(2 * 64, r.totals().macs());
        assertEquals(Map.of("LpNormalization", 2), r.notCounted());
    }

    @Test
    void anUncountedOpWithADeclaredOutputShapeIsKeptAtThatShape() {
        Model m = OnnxGraphs.graph().input("x", 1, 4, 8, 8).weight("k", 1)
                .node("TopK", "topk", List.of("x", "k"), List.of("values", "indices"), attr("axis", 1))
                .output("values", 1, 1, 8, 8).read(Optional.empty(), true);
        Uncounted u = (Uncounted) m.node("topk").orElseThrow().op();
        assertEquals(List.of(1, 8, 8), u.sampleDims());
        assertEquals(dev.ridgeline.core.graph.Shape.of(3, 1, 8, 8), count(m, 3).layers().get(0).outputShape());
    }

    @Test
    void anUncountedOpWhoseShapeCannotBeInferredStaysAnErrorEvenWhenAllowed() {
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxGraphs.graph()
                .input("x", 1, 4, 8, 8).weight("k", 1)
                .node("TopK", "topk", List.of("x", "k"), List.of("values", "indices"), attr("axis", 1))
                .output("values").read(Optional.empty(), true));
        assertTrue(e.getMessage().contains("its output shape cannot be inferred"), e.getMessage());
    }

    @Test
    void aLayerNormWithoutABiasIsUncountableAndKeptShapedLikeItsInputWhenAllowed() {
        OnnxGraphs g = OnnxGraphs.graph().opset(17).input("x", 1, 4, 8, 8).weight("s", 4, 8, 8)
                .op("LayerNormalization", "ln", List.of("x", "s"), attr("axis", 1)).output("ln");
        BadInputException e = assertThrows(BadInputException.class, g::read);
        assertTrue(e.getMessage().contains("LayerNormalization"), e.getMessage());
        Model m = g.read(Optional.empty(), true);
        assertEquals(Map.of("LayerNormalization", 1), count(m, 1).notCounted());
    }

    @Test
    void aFourDimensionalConvIsNamedAsUncountable() {
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxGraphs.graph()
                .input("x", 1, 2, 4, 4, 4, 4).weight("w", 2, 2, 3, 3, 3, 3)
                .op("Conv", "conv4d", List.of("x", "w")).output("conv4d", 1, 2, 2, 2, 2, 2).read());
        assertTrue(e.getMessage().contains("Conv (1 node, e.g. 'conv4d': a 4-D convolution"), e.getMessage());
    }

    @Test
    void aTextFileNamedOnnxSaysItIsNotOnnx(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.onnx");
        Files.writeString(file, "layers:\n  - conv: {out: 64, kernel: 3}\n", StandardCharsets.UTF_8);
        BadInputException e = assertThrows(BadInputException.class, () -> ModelLoader.load(file.toString()));
        assertTrue(e.getMessage().startsWith(file + ": not an ONNX model: it is a text file"), e.getMessage());
        assertTrue(e.getMessage().contains("name it .yaml"), e.getMessage());
    }

    @Test
    void aTruncatedFileSaysToExportOrCopyItAgain(@TempDir Path dir) throws Exception {
        Path real = MobileNetV2OnnxTest.file();
        Path file = dir.resolve("cut.onnx");
        Files.write(file, Arrays.copyOf(Files.readAllBytes(real), 1000));
        BadInputException e = assertThrows(BadInputException.class, () -> ModelLoader.load(file.toString()));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("export it again"), e.getMessage());
    }

    @Test
    void anEmptyFileIsNotAModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.onnx");
        Files.write(file, new byte[0]);
        BadInputException e = assertThrows(BadInputException.class, () -> ModelLoader.load(file.toString()));
        assertTrue(e.getMessage().contains("not an ONNX model"), e.getMessage());
    }

    @Test
    void trainingModeBatchNormIsRefusedByName() {
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxGraphs.graph()
                .input("x", 1, 4, 8, 8).weight("s", 4).weight("b", 4).weight("m", 4).weight("v", 4)
                .node("BatchNormalization", "bn", List.of("x", "s", "b", "m", "v"), List.of("y"),
                        attr("training_mode", 1))
                .output("y").read());
        assertTrue(e.getMessage().contains("BatchNormalization") && e.getMessage().contains("training mode"),
                e.getMessage());
    }
}
