package dev.ridgeline.core.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.op.OpKind;
import dev.ridgeline.core.shape.ShapeInference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real files from converters other than torch.onnx (reference/models/README.md: where each comes from, its
 * licence, and the independent count each figure below is): Barracuda's BlazeFace and M-LSD (tf2onnx), and
 * PaddleOCR's text-direction classifier (paddle2onnx). Each reads with the independent count's params and MACs.
 */
class ConverterFilesTest {
    private static Model load(String file, Optional<Shape> sample) {
        Path path = Path.of("reference/models", file);
        if (!Files.isRegularFile(path)) {
            fail(path.toAbsolutePath() + " is missing: it is part of the repository (see reference/models/README.md)");
        }
        return ModelLoader.load(path.toString(), sample);
    }

    private static CostReport count(Model m) {
        return Counter.count(ShapeInference.infer(m, 1), Convention.MACS, 4);
    }

    @Test
    void blazeFaceFromBarracudaReadsExactlyAndItsZeroChannelPadsAreNoParameters() {
        Model m = load("blazeface_front_128x128_barracuda.onnx", Optional.empty());
        CostReport r = count(m);
        assertEquals(100_412L, r.totals().params());
        assertEquals(30_760_960L, r.totals().macs());
        assertEquals(100_412L, m.storedParams().orElseThrow());
        assertTrue(m.nodes().stream().anyMatch(n -> n.op().kind() == OpKind.PAD),
                "the Concat with ConstantOfShape zeros reads as a channel pad");
        assertTrue(m.nodes().stream().noneMatch(n -> n.op().kind() == OpKind.UNCOUNTED));
    }

    @Test
    void mlsdFromTf2onnxReadsExactlyWithItsSplitOfAConstantFolded() {
        Model m = load("mlsd_320x320_tiny.onnx", Optional.empty());
        CostReport r = count(m);
        assertEquals(614_224L, r.totals().params());
        assertEquals(1_649_100_800L, r.totals().macs());
        assertEquals(Shape.of(1, 16, 160, 160), r.layers().stream().filter(l -> l.node().name().equals("Resize__203"))
                .findFirst().orElseThrow().outputShape(), "a resize whose sizes come from the shape subgraph");
    }

    @Test
    void paddleOcrClassifierFromPaddle2onnxReadsExactlyAtItsInputSize() {
        Model m = load("ch_ppocr_mobile_v2.0_cls_infer.onnx", Optional.of(Shape.of(3, 48, 192)));
        CostReport r = count(m);
        assertEquals(129_356L, r.totals().params(), "BN running statistics are buffers");
        assertEquals(16_315_376L, r.totals().macs());
        assertEquals(Shape.of(1, 2), r.layers().get(r.layers().size() - 1).outputShape());
    }
}
