package dev.ridgeline.core.io.yaml;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shape rule broken in a model file is reported at the offending layer's line, with the node,
 * its input shapes and the rule. (A cycle cannot be written in a file: layers read only layers above.)
 */
class ShapeErrorLocationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "groups not dividing channels | conv: {name: bad, out: 8, kernel: 1, groups: 3}"
                + " | net.yaml:4:5: node 'bad' (conv2d) with input 1x8x16x16: groups 3 do not divide the 8 input channels",
        "kernel larger than padded input | conv: {name: bad, out: 8, kernel: 19, padding: 1}"
                + " | net.yaml:4:5: node 'bad' (conv2d) with input 1x8x16x16: kernel 19x19 (dilated extent 19x19) is larger than the padded input 18x18",
        "output size below 1 | conv_transpose: {name: bad, out: 8, kernel: 1, padding: 9}"
                + " | net.yaml:4:5: node 'bad' (conv_transpose2d) with input 1x8x16x16: output size -2x-2 is below 1 (padding too large)",
        "add shape mismatch | add: {name: bad, inputs: [input, a]}"
                + " | net.yaml:4:5: node 'bad' (add) with input 1x3x16x16, 1x8x16x16: shapes 1x3x16x16 and 1x8x16x16 do not match",
        "mul shape mismatch | mul: {name: bad, inputs: [a, pooled]}"
                + " | net.yaml:5:5: node 'bad' (mul) with input 1x8x16x16, 1x8x8x8: shapes 1x8x16x16 and 1x8x8x8 do not match",
        "concat mismatch | concat: {name: bad, inputs: [a, pooled]}"
                + " | net.yaml:5:5: node 'bad' (concat) with input 1x8x16x16, 1x8x8x8: inputs [1x8x16x16, 1x8x8x8] differ outside the concatenation axis 1",
    })
    void shapeErrorNamesLineNodeInputsAndRule(String rule, String layer, String expected) {
        String pooled = layer.contains("pooled") ? "  - maxpool: {name: pooled, kernel: 2, inputs: a}\n" : "";
        String yaml = "input: [3, 16, 16]\nlayers:\n  - conv: {name: a, out: 8, kernel: 3, padding: 1}\n"
                + pooled + "  - " + layer + "\n";
        BadInputException e = assertThrows(BadInputException.class,
                () -> ModelYamlReader.read("net.yaml", new StringReader(yaml)));
        assertTrue(e.getMessage().startsWith(expected.strip()), rule + ": " + e.getMessage());
    }
}
