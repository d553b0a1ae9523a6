package dev.ridgeline.core.io.onnx;

import static dev.ridgeline.core.io.onnx.OnnxGraphs.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.io.yaml.ModelYamlWriter;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Depth;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 3-D convolutions, transposed convolutions and pooling over N x C x D x H x W, against hand counts. */
class OnnxVolumeOpsTest {
    private static LayerCost layer(CostReport r, String name) {
        return r.layers().stream().filter(l -> l.node().name().equals(name)).findFirst().orElseThrow();
    }

    private static long flops(Model m, Convention convention, String name) {
        return layer(Counter.count(ShapeInference.infer(m, 1), convention, 4), name).cost().flops();
    }

    /** A 2 -> 4 channel 3x3x3 conv with a bias, padded 1 all round, stride 1 x 2 x 2, on 1 x 2 x 4 x 6 x 6. */
    private static Model conv3d() {
        return OnnxGraphs.graph().input("x", 1, 2, 4, 6, 6).weight("w", 4, 2, 3, 3, 3).weight("b", 4)
                .op("Conv", "conv", List.of("x", "w", "b"), attr("pads", 1, 1, 1, 1, 1, 1), attr("strides", 1, 2, 2))
                .output("conv").read();
    }

    @Test
    void aThreeDimensionalConvCountsOutElementsTimesCinTimesTheKernelVolume() {
        Model m = conv3d();
        Conv2d conv = (Conv2d) m.node("conv").orElseThrow().op();
        assertEquals(new Depth(3, 1, 1, 1, 1), conv.window().depth());
        LayerCost l = layer(OnnxGraphs.count(m, 1), "conv");
        // D = (4 + 2 - 3) / 1 + 1 = 4; H = W = floor((6 + 2 - 3) / 2) + 1 = 3
        assertEquals(Shape.of(1, 4, 4, 3, 3), l.outputShape());
        long out = 4L * 4 * 3 * 3;
        assertEquals(out * 2 * 27, l.cost().macs(), "out elements x Cin/g x kD x kH x kW");
        assertEquals(4L * 2 * 27 + 4, l.cost().params());
        assertEquals(out * 2 * 27 + out, flops(m, Convention.ONNX_TOOL, "conv"), "MACs plus one per output for bias");
        assertEquals(2 * out * 2 * 27, flops(m, Convention.SEED, "conv"), "2 MACs, the bias the missing add");
        assertEquals((4L * 2 * 27 + 4) * 4 * 3 * 3, flops(m, Convention.TORCHINFO, "conv"),
                "params x output positions (D x H x W)");
    }

    @Test
    void aThreeDimensionalTransposedConvScattersEachInputOverCoutTimesTheKernelVolume() {
        Model m = OnnxGraphs.graph().input("x", 1, 2, 3, 3, 3).weight("w", 2, 4, 3, 3, 3)
                .op("ConvTranspose", "up", List.of("x", "w"), attr("strides", 2, 2, 2), attr("pads", 1, 0, 0, 0, 0, 0))
                .output("up").read();
        LayerCost l = layer(OnnxGraphs.count(m, 1), "up");
        // D = (3 - 1) x 2 - 1 + 3 = 6; H = W = (3 - 1) x 2 + 3 = 7
        assertEquals(Shape.of(1, 4, 6, 7, 7), l.outputShape());
        assertEquals(2L * 27 * 4 * 27, l.cost().macs(), "in elements x Cout/g x kernel volume");
        assertEquals(2L * 4 * 27, l.cost().params());
        assertEquals(4L * 6 * 7 * 7 * 4 * 27, flops(m, Convention.ONNX_TOOL, "up"), "out x Cout/g x kernel volume");
    }

    @Test
    void threeDimensionalPoolingCountsTheKernelVolumePerOutput() {
        Model m = OnnxGraphs.graph().input("x", 1, 3, 4, 4, 4)
                .op("MaxPool", "max", List.of("x"), attr("kernel_shape", 2, 2, 2), attr("strides", 2, 2, 2))
                .op("AveragePool", "avg", List.of("x"), attr("kernel_shape", 3, 2, 2), attr("strides", 1, 2, 2),
                        attr("pads", 1, 0, 0, 1, 0, 0))
                .output("max").output("avg").read();
        CostReport r = OnnxGraphs.count(m, 1);
        assertEquals(Shape.of(1, 3, 2, 2, 2), layer(r, "max").outputShape());
        assertEquals(Shape.of(1, 3, 4, 2, 2), layer(r, "avg").outputShape(), "D = (4 + 2 - 3) + 1, H = W = 2");
        assertEquals(24L * 8, flops(m, Convention.ONNX_TOOL, "max"), "onnx-tool: kernel volume per output");
        assertEquals(48L * 12, flops(m, Convention.ONNX_TOOL, "avg"));
        assertEquals(48L, flops(m, Convention.THOP, "avg"), "thop: 1 per output element");
        assertEquals(3L * 64, flops(m, Convention.PTFLOPS, "max"), "ptflops: the input elements");
    }

    @Test
    void threeDimensionalLayersWriteToOnnxAndReadBackButNotToAModelFile() {
        Model m = conv3d();
        Model back = OnnxReader.read(OnnxWriter.toProto(m, 1, WeightFill.SHAPES_ONLY, 1), "back.onnx", "back",
                Optional.empty(), false);
        CostReport a = OnnxGraphs.count(m, 1);
        CostReport b = OnnxGraphs.count(back, 1);
        assertEquals(a.totals().macs(), b.totals().macs());
        assertEquals(a.totals().params(), b.totals().params());
        assertEquals(layer(a, "conv").outputShape(), layer(b, "conv").outputShape());
        BadInputException e = assertThrows(BadInputException.class, () -> ModelYamlWriter.toYaml(m));
        // a model file's input is C x H x W: the volume is refused there (and a 3-D layer by the layer writer)
        assertTrue(e.getMessage().contains("input 1x2x4x6x6 cannot be written"), e.getMessage());
    }

    @Test
    void aThreeDimensionalTransposedConvWithADepthOutputPaddingIsRefusedByName() {
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxGraphs.graph()
                .input("x", 1, 2, 3, 3, 3).weight("w", 2, 4, 3, 3, 3)
                .op("ConvTranspose", "up", List.of("x", "w"), attr("strides", 2, 2, 2),
                        attr("output_padding", 1, 0, 0))
                .output("up").read());
        assertTrue(e.getMessage().contains("ConvTranspose (1 node, e.g. 'up': a 3-D transposed convolution with"),
                e.getMessage());
    }
}
