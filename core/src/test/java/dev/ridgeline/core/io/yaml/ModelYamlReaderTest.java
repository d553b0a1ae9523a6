package dev.ridgeline.core.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.shape.ShapedModel;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelYamlReaderTest {

    static Model read(String yaml) {
        return ModelYamlReader.read("net.yaml", new StringReader(yaml));
    }

    static Node node(Model m, String name) {
        return m.node(name).orElseThrow(() -> new AssertionError("no node " + name + " in "
                + m.nodes().stream().map(Node::name).toList()));
    }

    @Test
    void layersFeedTheNextUnlessTheyNameTheirInputs() {
        Model m = read("""
                input: [3, 32, 32]
                layers:
                  - conv: {name: a, out: 8, kernel: 3, padding: 1}
                  - relu
                  - conv: {name: b, out: 8, kernel: 1, inputs: input}
                  - add: {inputs: [relu1, b]}
                """);
        assertEquals(List.of("input"), node(m, "a").inputs());
        assertEquals(List.of("a"), node(m, "relu1").inputs());
        assertEquals(List.of("input"), node(m, "b").inputs());
        assertEquals(List.of("relu1", "b"), node(m, "add1").inputs());
        assertEquals(List.of("add1"), m.outputs());
    }

    @Test
    void inputChannelsComeFromTheLayerThatFeedsIt() {
        Model m = read("""
                input: 3x32x32
                layers:
                  - conv: {out: 16, kernel: 3}
                  - conv: {out: 24, kernel: 1, bias: false}
                """);
        Conv2d second = (Conv2d) node(m, "conv2").op();
        assertEquals(16, second.inChannels());
        assertEquals(16 * 24, second.params());
    }

    @Test
    void repeatNamesEachCopyAndKeepsTheStrideOnlyOnTheFirst() {
        Model m = read("""
                input: [16, 32, 32]
                layers:
                  - basic_block: {name: layer2, out: 32, stride: 2, repeat: 2}
                """);
        ShapedModel s = ShapeInference.infer(m, 1);
        assertEquals(Shape.of(1, 32, 16, 16), s.shapeOf("layer2.0.relu2"));
        assertEquals(Shape.of(1, 32, 16, 16), s.shapeOf("layer2.1.relu2"));
        assertTrue(m.node("layer2.0.downsample").isPresent(), "the first copy projects its shortcut");
        assertTrue(m.node("layer2.1.downsample").isEmpty(), "the second copy keeps the identity");
        assertTrue(node(m, "layer2.1.conv1").labels().contains("layer2"), "block name is a label");
    }

    @Test
    void stageAndLabelsReachEveryLayerOfABlock() {
        Model m = read("""
                input: [16, 8, 8]
                layers:
                  - inverted_residual: {name: s1, out: 16, expand: 6, stage: early, labels: [mobile]}
                """);
        for (Node n : m.nodes()) {
            assertTrue(n.labels().containsAll(List.of("early", "mobile", "s1")), n + " has " + n.labels());
        }
        assertTrue(m.node("s1.add").isPresent(), "stride 1 and equal channels add the residual");
    }

    @Test
    void userBlocksSubstituteParametersAndApplyTheStrideRule() {
        Model m = read("""
                input: [3, 32, 32]
                blocks:
                  cbr:
                    params: {out: ~, stride: 1, k: 3}
                    layers:
                      - conv: {name: conv, out: $out, kernel: $k, stride: $stride, padding: same}
                      - relu: {name: "act_${out}"}
                layers:
                  - cbr: {name: stem, out: 8, stride: 2, repeat: 2}
                """);
        ShapedModel s = ShapeInference.infer(m, 1);
        assertEquals(Shape.of(1, 8, 16, 16), s.shapeOf("stem.0.act_8"));
        assertEquals(Shape.of(1, 8, 16, 16), s.shapeOf("stem.1.act_8"));
        assertEquals(Padding.SAME, ((Conv2d) node(m, "stem.0.conv").op()).window().padding());
    }

    @Test
    void defaultsApplyUnlessALayerSetsTheFieldItself() {
        Model m = read("""
                input: [3, 8, 8]
                defaults:
                  conv: {bias: false, kernel: 3, padding: 1}
                layers:
                  - conv: {name: a, out: 4}
                  - conv: {name: b, out: 4, bias: true, kernel: 1, padding: 0}
                """);
        assertEquals(3 * 4 * 9, node(m, "a").op().params());
        assertEquals(4 * 4 + 4, node(m, "b").op().params());
    }

    @Test
    void unknownFieldNamesFileLineColumnAndTheNearestAllowedField() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 32, 32]
                layers:
                  - conv: {out: 8, kernal: 3}
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:3:20: unknown field 'kernal' in conv"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'kernel'?"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed fields: bias, copy_name, depthwise, dilation, groups, in, inputs, kernel"),
                e.getMessage());
    }

    @Test
    void wrongTypeNamesTheFieldAndWhatWasFound() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 32, 32]
                layers:
                  - conv: {out: eight, kernel: 3}
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:3:17: field 'out' of conv 'conv1' must be a whole number, got 'eight'"),
                e.getMessage());
    }

    @Test
    void missingValueNamesTheLayerAndTheField() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 32, 32]
                layers:
                  - relu
                  - conv: {kernel: 3}
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:4:11: conv 'conv1' needs the field 'out'"), e.getMessage());
    }

    @Test
    void unknownLayerTypeSuggestsTheNearestAndListsTheTypes() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 32, 32]
                layers:
                  - cnov: {out: 8, kernel: 3}
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:3:5: unknown layer type 'cnov' (did you mean 'conv'?)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("blocks: conv_bn_act, separable, basic_block"), e.getMessage());
    }

    @Test
    void unknownInputNameIsReportedWhereItIsWritten() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 32, 32]
                layers:
                  - conv: {name: a, out: 8, kernel: 3}
                  - add: {inputs: [a, b]}
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:4:23: add 'add1': unknown input 'b'"), e.getMessage());
        assertTrue(e.getMessage().contains("such as a"), e.getMessage());
    }

    @Test
    void shapeErrorsCarryTheLayersLocationNodeAndInputShape() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 32, 32]
                layers:
                  - conv: {name: a, out: 8, kernel: 3}
                  - conv: {name: b, out: 8, kernel: 3, groups: 3}
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:4:5: node 'b' (conv2d) with input 1x8x30x30: "
                + "groups 3 do not divide the 8 input channels"), e.getMessage());
    }

    @Test
    void kernelLargerThanThePaddedInputIsAnError() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 4, 4]
                layers:
                  - conv: {out: 8, kernel: 7}
                """));
        assertTrue(e.getMessage().contains("kernel 7x7 (dilated extent 7x7) is larger than the padded input 4x4"),
                e.getMessage());
    }

    @Test
    void fieldsWrittenBesideTheTypeExplainTheLayerForm() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 32, 32]
                layers:
                  - conv:
                    out: 8
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:3:5: a layer is written '- type: {fields}'"), e.getMessage());
    }

    @Test
    void userBlockParametersAreCheckedWhereTheyAreUsed() {
        String blocks = """
                input: [3, 32, 32]
                blocks:
                  cbr:
                    params: {out: ~}
                    layers:
                      - conv: {out: $out, kernel: $k}
                layers:
                """;
        BadInputException missing = assertThrows(BadInputException.class, () -> read(blocks + "  - cbr: {}\n"));
        assertTrue(missing.getMessage().contains("cbr 'cbr1' needs the parameter 'out'"), missing.getMessage());
        BadInputException unknown = assertThrows(BadInputException.class, () -> read(blocks + "  - cbr: {out: 4}\n"));
        assertTrue(unknown.getMessage().startsWith("net.yaml:6:35: unknown parameter '$k' in block 'cbr'"),
                unknown.getMessage());
    }

    @Test
    void duplicateLayerNamesAreRejected() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 32, 32]
                layers:
                  - relu: {name: a}
                  - relu: {name: a}
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:4:5: layer name 'a' is used twice"), e.getMessage());
    }

    @Test
    void missingInputAndEmptyLayersAreExplained() {
        BadInputException noInput = assertThrows(BadInputException.class, () -> read("layers: [relu]\n"));
        assertTrue(noInput.getMessage().contains("needs the field 'input'"), noInput.getMessage());
        BadInputException empty = assertThrows(BadInputException.class, () -> read("input: [3, 8, 8]\nlayers: []\n"));
        assertTrue(empty.getMessage().startsWith("net.yaml:2:9: layers is empty"), empty.getMessage());
        BadInputException badShape = assertThrows(BadInputException.class, () -> read("input: 3x0x8\nlayers: [relu]\n"));
        assertTrue(badShape.getMessage().startsWith("net.yaml:1:8: input must be one sample's shape"),
                badShape.getMessage());
    }

    @Test
    void yamlSyntaxErrorsGiveTheirLocation() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 32, 32]
                layers:
                  - conv: {out: 8, kernel: 3
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:4:1: not valid YAML"), e.getMessage());
    }

    @Test
    void binaryContentIsReportedAsNotYaml() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("input: [3, 8, 8]\u0000\u0001"));
        assertTrue(e.getMessage().startsWith("net.yaml: not a YAML text file"), e.getMessage());
    }

    @Test
    void duplicateFieldsAreRejected() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                input: [3, 32, 32]
                layers:
                  - conv: {out: 8, kernel: 3, out: 16}
                """));
        assertTrue(e.getMessage().contains("'out'"), e.getMessage());
        assertTrue(e.getMessage().startsWith("net.yaml:3:"), e.getMessage());
    }

    @Test
    void factorizingSevenBySevenIntoSevenByOneAndOneBySevenCutsMacsBySevenTwoAndAHalfTimes() {
        // seed 001, section 4.4 (InceptionV3): N x 1 then 1 x N keeps the receptive field of N x N
        Model nxn = read("""
                input: [64, 17, 17]
                layers:
                  - conv: {out: 64, kernel: 7, padding: 3, bias: false}
                """);
        Model factorized = read("""
                input: [64, 17, 17]
                layers:
                  - conv: {out: 64, kernel: [1, 7], padding: [0, 3], bias: false}
                  - conv: {out: 64, kernel: [7, 1], padding: [3, 0], bias: false}
                """);
        long full = dev.ridgeline.core.count.Counter.count(ShapeInference.infer(nxn, 1),
                dev.ridgeline.core.count.Convention.MACS, 4).totals().macs();
        var split = dev.ridgeline.core.count.Counter.count(ShapeInference.infer(factorized, 1),
                dev.ridgeline.core.count.Convention.MACS, 4);
        assertEquals(17L * 17 * 64 * 64 * 49, full);
        assertEquals(2L * 17 * 17 * 64 * 64 * 7, split.totals().macs());
        assertEquals(Shape.of(1, 64, 17, 17), split.layers().get(1).outputShape());
        assertEquals(List.of(1, 7), node(factorized, "conv1").op().attributes().get("kernel"));
    }

    @Test
    void aDepthwiseConvTakesItsGroupsAndWidthFromItsInput() {
        Model m = read("""
                input: [3, 8, 8]
                layers:
                  - conv: {out: 32, kernel: 1}
                  - conv: {name: dw, depthwise: true, kernel: 3, padding: 1, bias: false}
                """);
        Conv2d dw = (Conv2d) node(m, "dw").op();
        assertEquals(32, dw.groups());
        assertEquals(32, dw.outChannels());
        assertEquals(32 * 9, dw.params());
    }

    @org.junit.jupiter.api.Test
    void modelParamsReachTopLevelFieldsAndBlocksAndCanBeSet() {
        String yaml = """
                input: [3, 32, 32]
                params: {width: 1.0, depth: 2}
                blocks:
                  unit:
                    params: {width: 3}
                    layers:
                      - conv: {name: c, out: "$in * $width", kernel: 1}
                      - conv: {name: d, out: "make_divisible(8 * $depth, 8)", kernel: 1}
                layers:
                  - conv: {name: stem, out: "make_divisible(16 * $width, 8)", kernel: 3, padding: 1}
                  - unit: {name: u, repeat: "ceil(1.5 * $depth)", copy_name: "{$i}"}
                """;
        Model plain = read(yaml);
        // the block's own 'width' (3) hides the model's; 'depth' (2) is the model's
        org.junit.jupiter.api.Assertions.assertEquals(48, ((dev.ridgeline.core.op.Conv2d) plain.node("u.0.c")
                .orElseThrow().op()).outChannels());
        org.junit.jupiter.api.Assertions.assertTrue(plain.node("u.2.d").isPresent(), "ceil(1.5 x 2) = 3 copies");
        Model set = ModelYamlReader.read("net.yaml", new StringReader(yaml), java.util.Optional.empty(),
                java.util.Map.of("width", "0.5", "depth", "1"));
        org.junit.jupiter.api.Assertions.assertEquals(8, ((dev.ridgeline.core.op.Conv2d) set.node("stem")
                .orElseThrow().op()).outChannels());
        org.junit.jupiter.api.Assertions.assertTrue(set.node("u.1.d").isPresent() && set.node("u.2.d").isEmpty());
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.ridgeline.core.BadInputException.class,
                () -> read(yaml.replace("16 * $width", "16 * $widht")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("net.yaml:10:49:")
                && e.getMessage().contains("'$widht'"), e.getMessage());
    }
}
