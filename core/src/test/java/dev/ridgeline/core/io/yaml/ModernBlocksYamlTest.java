package dev.ridgeline.core.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.count.LayerCost;
import dev.ridgeline.core.count.ModernBlocks;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.shape.ShapeInference;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ShuffleNetV2's unit and ConvNeXt's block written as model files reach the hand-worked figures. */
class ModernBlocksYamlTest {
    /** torchvision's InvertedResidual with stride 1: x1, x2 = x.chunk(2, dim=1); cat(x1, branch2(x2)); shuffle. */
    static final String SHUFFLE_UNIT = """
            input: [116, 28, 28]
            blocks:
              shuffle_unit:
                layers:
                  - split: {name: split, parts: 2}        # split.0 and split.1; the next layer reads split.1
                  - conv: {name: branch2.0, out: $in // 2, kernel: 1, bias: false}
                  - bn: {name: branch2.1}
                  - relu: {name: branch2.2, inplace: true}
                  - conv: {name: branch2.3, depthwise: true, kernel: 3, padding: 1, bias: false}
                  - bn: {name: branch2.4}
                  - conv: {name: branch2.5, out: $in // 2, kernel: 1, bias: false}
                  - bn: {name: branch2.6}
                  - relu: {name: branch2.7, inplace: true}
                  - concat: {inputs: [split.0, branch2.7]}
                  - channel_shuffle: {groups: 2}
            layers:
              - shuffle_unit: {name: unit}
            """;

    /** torchvision's CNBlock: dw 7x7, permute, LayerNorm, Linear 4x, GELU, Linear, permute, layer scale. */
    static final String CONVNEXT_BLOCK = """
            input: [96, 56, 56]
            blocks:
              cn_block:
                params: {layer_scale: 0.000001, sd_prob: 0.0}
                layers:
                  - conv: {name: block.0, out: $in, kernel: 7, padding: 3, groups: $in}
                  - permute: {name: block.1, dims: [0, 2, 3, 1]}
                  - layer_norm: {name: block.2, eps: 0.000001}
                  - linear: {name: block.3, out: 4 * $in}
                  - gelu: {name: block.4}
                  - linear: {name: block.5, out: $in}
                  - permute: {name: block.6, dims: [0, 3, 1, 2]}
                  - scale: {name: layer_scale, init: $layer_scale}
                  - stochastic_depth: {name: stochastic_depth, p: $sd_prob}
                  - add: {inputs: [stochastic_depth, input]}
            layers:
              - cn_block: {name: features.1.0}
            """;

    static Model read(String yaml) {
        return ModelYamlReader.read("net.yaml", new StringReader(yaml));
    }

    private static CostReport count(Model m, Convention c) {
        return Counter.count(ShapeInference.infer(m, 1), c, 4);
    }

    @Test
    void shuffleUnitFromYamlMatchesTheHandWorkedFiguresUnderEveryConvention() {
        Model m = read(SHUFFLE_UNIT);
        assertEquals(List.of("unit.split.0", "unit.split.1", "unit.branch2.0"),
                m.nodes().subList(0, 3).stream().map(n -> n.name()).toList());
        assertEquals(List.of("unit.split.1"), m.node("unit.branch2.0").orElseThrow().inputs(),
                "the layer after a split reads its last part, as branch2(x2) does");
        CostReport r = count(m, Convention.MACS);
        assertEquals(ModernBlocks.SHUFFLE_PARAMS, r.totals().params());
        assertEquals(ModernBlocks.SHUFFLE_MACS, r.totals().macs());
        assertEquals(Shape.of(1, 58, 28, 28), layer(r, "unit.branch2.0").outputShape());
        assertEquals(Shape.of(1, 116, 28, 28), layer(r, "unit.channel_shuffle1").outputShape());
        for (Convention c : Convention.values()) {
            assertEquals(count(ModernBlocks.shuffleUnit(), c).totals(), count(m, c).totals(), c.id());
        }
    }

    @Test
    void convnextBlockFromYamlMatchesTheHandWorkedFiguresUnderEveryConvention() {
        Model m = read(CONVNEXT_BLOCK);
        CostReport r = count(m, Convention.MACS);
        assertEquals(ModernBlocks.CONVNEXT_PARAMS, r.totals().params());
        assertEquals(ModernBlocks.CONVNEXT_MACS, r.totals().macs());
        assertEquals(Shape.of(1, 56, 56, 384), layer(r, "features.1.0.block.3").outputShape());
        assertEquals(Shape.of(1, 96, 56, 56), layer(r, "features.1.0.add1").outputShape());
        for (Convention c : Convention.values()) {
            assertEquals(count(ModernBlocks.convnextBlock(), c).totals().flops(), count(m, c).totals().flops(), c.id());
            assertEquals(count(ModernBlocks.convnextBlock(), c).notCounted(), count(m, c).notCounted(), c.id());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "permute: {dims: [0, 2, 1]}                        | net.yaml:3:21: field 'dims' of permute 'permute1' must order all 4 axes",
        "layer_norm: {axis: width}                         | net.yaml:3:24: field 'axis' of layer_norm 'layer_norm1' must be last",
        "scale: {channels: 4}                              | net.yaml:3:23: field 'channels' of scale 'scale1' says 4 channels, but its input has 8",
        "conv: {out: 8, kernel: 1, repeat: 2, per_copy: {out: [4]}} | net.yaml:3:58: per_copy field 'out' of conv has 1 values for 2 copies",
        "conv: {name: c, out: 8, kernel: 1, repeat: 2, copy_name: '{$j}'} | net.yaml:3:62: copy_name of conv: '$j': unknown parameter '$j'",
        "conv: {out: 8, kernal: 1, when: false}            | net.yaml:3:20: unknown field 'kernal' in conv",
        "stochastic_depth: {mode: column}                  | net.yaml:3:30: field 'mode' of stochastic_depth 'stochastic_depth1' must be row or batch",
    })
    void mistakesInTheNewLayersNameFileLineColumn(String layer, String message) {
        dev.ridgeline.core.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.ridgeline.core.BadInputException.class,
                () -> read("input: [8, 4, 4]\nlayers:\n  - " + layer + "\n"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void copiesTakeTheirNamesFromTheTemplateAndTheirFieldsFromPerCopy() {
        Model m = read("""
                input: [3, 32, 32]
                layers:
                  - conv: {name: features, out: 8, kernel: 3, padding: 1, repeat: 3, copy_name: "{$i + 4}",
                           per_copy: {out: [8, 16, 24], stride: [1, 2, 1]}}
                """);
        assertEquals(List.of("features.4", "features.5", "features.6"), m.nodes().stream().map(n -> n.name()).toList());
        assertEquals(Shape.of(1, 24, 16, 16), ShapeInference.infer(m, 1).shapeOf("features.6"));
    }

    private static LayerCost layer(CostReport r, String name) {
        return r.layers().stream().filter(l -> l.node().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in "
                        + r.layers().stream().map(l -> l.node().name()).toList()));
    }
}
