package dev.ridgeline.core.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.io.ModelLoader;
import dev.ridgeline.core.io.yaml.ModelYamlReader;
import dev.ridgeline.core.io.yaml.ModelYamlWriter;
import dev.ridgeline.core.shape.ShapeInference;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ONNX import of torchvision's MobileNetV2 written as a model file reads back as the same model. */
class OnnxToYamlRoundTripTest {

    @Test
    void theMobileNetV2ImportRoundTripsThroughTheModelFormat() {
        Model onnx = ModelLoader.load(MobileNetV2OnnxTest.file().toString());
        String yaml = ModelYamlWriter.toYaml(onnx);
        Model back = ModelYamlReader.read("mobilenet_v2.yaml", new StringReader(yaml));
        assertEquals(onnx.name(), back.name());
        assertEquals(onnx.inputs(), back.inputs(), "the input keeps its exporter's name, input.1");
        assertEquals(onnx.nodes(), back.nodes());
        assertEquals(onnx.outputs(), back.outputs());
        for (Convention c : List.of(Convention.MACS, Convention.PTFLOPS, Convention.ONNX_TOOL)) {
            assertEquals(Counter.count(ShapeInference.infer(onnx, 1), c, 4).totals(),
                    Counter.count(ShapeInference.infer(back, 1), c, 4).totals(), c.toString());
        }
    }
}
