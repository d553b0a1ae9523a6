package dev.ridgeline.core.io.onnx;

import static dev.ridgeline.core.io.onnx.OnnxGraphs.attr;
import static dev.ridgeline.core.io.onnx.OnnxGraphs.real;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.count.ModernBlocks;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Scale;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ShuffleNetV2's unit and ConvNeXt's block as PyTorch exports them (Split with two outputs, the channel
 * shuffle as Reshape-Transpose-Reshape; Transpose, LayerNormalization, MatMul + Add, Gelu, a C x 1 x 1 Mul)
 * reach the same figures as the hand-worked IR blocks.
 */
class ModernBlocksOnnxTest {
    private static CostReport count(Model m, Convention c) {
        return Counter.count(ShapeInference.infer(m, 1), c, 4);
    }

    @Test
    void shuffleUnitExportMatches() {
        OnnxGraphs g = OnnxGraphs.graph().opset(13).input("x", 1, 116, 28, 28).int64s("halves", 58, 58)
                .weight("w0", 58, 58, 1, 1).weight("w3", 58, 1, 3, 3).weight("w5", 58, 58, 1, 1)
                .int64s("grouped", 1, 2, 58, 28, 28).int64s("flat", 1, 116, 28, 28);
        for (String bn : List.of("bn1", "bn4", "bn6")) {
            g.weight(bn + "_s", 58).weight(bn + "_b", 58).weight(bn + "_m", 58).weight(bn + "_v", 58);
        }
        Model m = g.node("Split", "chunk", List.of("x", "halves"), List.of("x1", "x2"), attr("axis", 1))
                .op("Conv", "c0", List.of("x2", "w0"), attr("kernel_shape", 1, 1))
                .op("BatchNormalization", "b1", List.of("c0", "bn1_s", "bn1_b", "bn1_m", "bn1_v"))
                .op("Relu", "r2", List.of("b1"))
                .op("Conv", "c3", List.of("r2", "w3"), attr("kernel_shape", 3, 3), attr("group", 58),
                        attr("pads", 1, 1, 1, 1))
                .op("BatchNormalization", "b4", List.of("c3", "bn4_s", "bn4_b", "bn4_m", "bn4_v"))
                .op("Conv", "c5", List.of("b4", "w5"), attr("kernel_shape", 1, 1))
                .op("BatchNormalization", "b6", List.of("c5", "bn6_s", "bn6_b", "bn6_m", "bn6_v"))
                .op("Relu", "r7", List.of("b6"))
                .op("Concat", "cat", List.of("x1", "r7"), attr("axis", 1))
                .op("Reshape", "view", List.of("cat", "grouped"))
                .op("Transpose", "swap", List.of("view"), attr("perm", 0, 2, 1, 3, 4))
                .op("Reshape", "shuffled", List.of("swap", "flat")).output("shuffled").read();
        assertEquals(new Split(1, List.of(58, 58), 1), m.node("chunk:1").orElseThrow().op());
        CostReport r = count(m, Convention.MACS);
        assertEquals(ModernBlocks.SHUFFLE_PARAMS, r.totals().params());
        assertEquals(ModernBlocks.SHUFFLE_MACS, r.totals().macs());
        for (Convention c : List.of(Convention.ONNX_TOOL, Convention.FVCORE, Convention.PYTORCH, Convention.THOP)) {
            assertEquals(count(ModernBlocks.shuffleUnit(), c).totals().flops(), count(m, c).totals().flops(), c.id());
        }
    }

    @Test
    void convnextBlockExportMatches() {
        Model m = OnnxGraphs.graph().opset(20).input("x", 1, 96, 56, 56)
                .weight("dw", 96, 1, 7, 7).weight("dw_b", 96).weight("ln_s", 96).weight("ln_b", 96)
                .weight("w1", 96, 384).weight("b1", 384).weight("w2", 384, 96).weight("b2", 96)
                .weight("gamma", 96, 1, 1)
                .op("Conv", "dwconv", List.of("x", "dw", "dw_b"), attr("kernel_shape", 7, 7), attr("group", 96),
                        attr("pads", 3, 3, 3, 3))
                .op("Transpose", "to_last", List.of("dwconv"), attr("perm", 0, 2, 3, 1))
                .op("LayerNormalization", "norm", List.of("to_last", "ln_s", "ln_b"), attr("axis", -1),
                        real("epsilon", 1e-6f))
                .op("MatMul", "fc1", List.of("norm", "w1"))
                .op("Add", "fc1_bias", List.of("fc1", "b1"))
                .op("Gelu", "gelu", List.of("fc1_bias"))
                .op("MatMul", "fc2", List.of("gelu", "w2"))
                .op("Add", "fc2_bias", List.of("fc2", "b2"))
                .op("Transpose", "to_first", List.of("fc2_bias"), attr("perm", 0, 3, 1, 2))
                .op("Mul", "layer_scale", List.of("gamma", "to_first"))
                .op("Add", "residual", List.of("layer_scale", "x")).output("residual").read();
        assertEquals(new LayerNorm(96, LayerNorm.Axis.LAST, true), m.node("norm").orElseThrow().op());
        assertEquals(new Scale(96), m.node("layer_scale").orElseThrow().op());
        CostReport r = count(m, Convention.MACS);
        assertEquals(ModernBlocks.CONVNEXT_PARAMS, r.totals().params());
        assertEquals(ModernBlocks.CONVNEXT_MACS, r.totals().macs());
        // onnx-tool counts the export itself: MatMul + Add is a linear with bias, Mul the layer scale
        assertEquals(count(ModernBlocks.convnextBlock(), Convention.ONNX_TOOL).totals().flops(),
                count(m, Convention.ONNX_TOOL).totals().flops());
        assertEquals(count(ModernBlocks.convnextBlock(), Convention.PYTORCH).totals().flops(),
                count(m, Convention.PYTORCH).totals().flops());
    }
}
