package dev.ridgeline.core.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.shape.ShapeInference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** torchvision's MobileNetV2 as torch.onnx.export wrote it (reference/models/README.md has the ground truth). */
class MobileNetV2OnnxTest {
    static final Path FILE = Path.of("reference/models/mobilenet_v2.onnx");

    /** The project's copy of the export; a missing file fails the test with what to do, it never skips it. */
    static Path file() {
        if (!Files.isRegularFile(FILE)) {
            fail(FILE.toAbsolutePath()
                    + " is missing: it is part of the repository (see reference/models/README.md);"
                    + " restore it with git checkout -- reference/models");
        }
        return FILE;
    }

    @Test
    void macsAndParamsAreTorchvisionsWithFoldedBatchNorm() {
        Model m = ModelLoader.load(file().toString());
        CostReport r = Counter.count(ShapeInference.infer(m, 1), Convention.MACS, 4);
        assertEquals(300_774_272L, r.totals().macs(), "conv + gemm MACs, as torchvision counts");
        assertEquals(3_487_816L, r.totals().params(), "every weight and bias where the layer uses it");
        assertEquals(52, m.nodes().stream().filter(n -> n.op() instanceof Conv2d c && c.bias()).count(),
                "BN folded into every conv, which therefore has a bias");
        assertEquals(1, m.nodes().stream().filter(n -> n.op() instanceof Linear).count());
        assertEquals(3_475_008L, m.storedParams().orElseThrow(),
                "identical tensors stored once and shared through Identity nodes");
    }

    @Test
    void nodesKeepTheExportersNamesAndAStageFromTheirScope() {
        Model m = ModelLoader.load(file().toString());
        Node first = m.nodes().get(0);
        assertEquals("/features/features.0/features.0.0/Conv", first.name());
        assertEquals(java.util.List.of("features.0"), first.labels());
        Node fc = m.node("/classifier/classifier.1/Gemm").orElseThrow();
        assertEquals(java.util.List.of("classifier.1"), fc.labels());
        assertEquals("mobilenet_v2", m.name());
        assertEquals(java.util.List.of("/classifier/classifier.1/Gemm"), m.outputs());
    }

    @Test
    void anotherInputSizeAndBatchScaleTheConvolutions() {
        Model m = ModelLoader.load(file().toString(), Optional.of(Shape.of(3, 160, 160)));
        assertEquals(Shape.of(1, 3, 160, 160), m.inputs().get(0).shape());
        CostReport r = Counter.count(ShapeInference.infer(m, 8), Convention.MACS, 4);
        assertEquals(Shape.of(8, 1000), r.layers().get(r.layers().size() - 1).outputShape());
        assertEquals(3_487_816L, r.totals().params());
    }
}
