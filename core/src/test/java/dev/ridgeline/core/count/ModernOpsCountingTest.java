package dev.ridgeline.core.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.LayerNorm;
import dev.ridgeline.core.op.Split;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The split, layer norm, scale and stochastic depth ops under every convention, on ShuffleNetV2's unit and
 * ConvNeXt's block; each figure is worked out here from the rule the convention's Javadoc cites.
 */
class ModernOpsCountingTest {
    private static final long MAP = 96L * 56 * 56;      // 301,056 elements of a 96-channel 56x56 map
    private static final long WIDE = 384L * 56 * 56;    // 1,204,224 elements after the first linear
    private static final long ROWS = 56L * 56;          // positions normalized by the layer norm
    private static final long DW = 96L * 49 * 3136;     // depthwise conv MACs
    private static final long FC = 3136L * 96 * 384;    // MACs of each linear

    private static CostReport count(Model m, Convention c) {
        return Counter.count(ShapeInference.infer(m, 1), c, 4);
    }

    @Test
    void shuffleUnitSplitsIntoViewsAndCountsOnlyItsBranch() {
        CostReport r = count(ModernBlocks.shuffleUnit(), Convention.MACS);
        assertEquals(ModernBlocks.SHUFFLE_PARAMS, r.totals().params());
        assertEquals(7_598, r.totals().params());
        assertEquals(ModernBlocks.SHUFFLE_MACS, r.totals().macs());
        assertEquals(5_684_000, r.totals().macs());
        LayerCost half = r.layers().get(1);
        assertEquals(Shape.of(1, 58, 28, 28), half.outputShape());
        assertEquals(0, half.cost().memoryTrafficBytes(), "a chunk is a view");
        assertEquals(Shape.of(1, 116, 28, 28), r.layers().get(r.layers().size() - 1).outputShape());
    }

    @Test
    void convnextBlockUnderEveryConvention() {
        Model m = ModernBlocks.convnextBlock();
        assertEquals(79_296, count(m, Convention.MACS).totals().params(), "torchvision's CNBlock(96)");
        assertEquals(ModernBlocks.CONVNEXT_MACS, count(m, Convention.MACS).totals().macs());
        Map<Convention, Long> expected = Map.of(
                // conv, linear MACs; LN 5 per element (affine); gelu, scale (mul) and add unsupported
                Convention.FVCORE, DW + 2 * FC + 5 * MAP,
                // MACs + bias per output; nn.LayerNorm 1 per element; GELU 1 per element; * and + nothing
                Convention.PTFLOPS, DW + MAP + MAP + FC + WIDE + WIDE + FC + MAP,
                // MACs without bias; nn.LayerNorm 2 per element x2 affine
                Convention.THOP, DW + 2 * FC + 4 * MAP,
                // conv params x N*Ho*Wo; LN and linear params x batch; the layer scale is no weight or bias
                Convention.TORCHINFO, 4_800L * 3136 + 192 + 37_248 + 36_960,
                // conv + bias; LayerNormalization 7 per element + 29 per row; linear + bias; Gelu 7; Mul 1; Add 1
                Convention.ONNX_TOOL, DW + MAP + 7 * MAP + 29 * ROWS + FC + WIDE + 7 * WIDE + FC + MAP + MAP + MAP,
                Convention.PYTORCH, 2 * (DW + 2 * FC));
        expected.forEach((c, flops) -> assertEquals(flops, count(m, c).totals().flops(), c.id()));
        assertEquals(Map.of("gelu", 1, "scale", 1, "add", 1), count(m, Convention.FVCORE).notCounted());
        assertEquals(Map.of("scale", 1, "add", 1), count(m, Convention.PTFLOPS).notCounted());
        assertEquals(Map.of("gelu", 1, "scale", 1, "add", 1), count(m, Convention.TORCHINFO).notCounted());
        assertEquals(Map.of(), count(m, Convention.ONNX_TOOL).notCounted());
        assertEquals(Map.of("layer_norm", 1, "gelu", 1, "scale", 1, "add", 1),
                count(m, Convention.PYTORCH).notCounted());
    }

    @Test
    void aLayerNormOverChannelsIsLayerNorm2dWhichModuleHooksMatchingExactTypesDoNotCount() {
        Model m = Model.builder("ln2d").input("input", Shape.of(1, 8, 4, 4))
                .add(new Node("norm", new LayerNorm(8, LayerNorm.Axis.CHANNELS, true), List.of("input"))).build();
        assertEquals(16, count(m, Convention.MACS).totals().params());
        assertEquals(Map.of("layer_norm", 1), count(m, Convention.PTFLOPS).notCounted());
        assertEquals(Map.of("layer_norm", 1), count(m, Convention.THOP).notCounted());
        // counted at batch 1: 128 elements, 16 positions of 8 channels
        assertEquals(5L * 128, count(m, Convention.FVCORE).totals().flops(), "aten::layer_norm all the same");
        assertEquals(16L, count(m, Convention.TORCHINFO).totals().flops(), "params x batch");
        assertEquals(7L * 128 + 29 * 16, count(m, Convention.ONNX_TOOL).totals().flops(), "16 rows of 8");
    }

    @Test
    void splitSizesMustAddUpToTheAxis() {
        Model m = Model.builder("bad").input("input", Shape.of(1, 8, 4, 4))
                .add(new Node("s.0", new Split(1, List.of(3, 4), 0), List.of("input"))).build();
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> ShapeInference.infer(m, 1));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("parts [3, 4] add up to 7"),
                e.getMessage());
    }
}
