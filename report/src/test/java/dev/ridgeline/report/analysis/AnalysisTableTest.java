package dev.ridgeline.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Conv2d;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnalysisTableTest {

    /** The layer table: from its header line to the blank line after it. */
    static List<String> layerTable(String text) {
        List<String> lines = text.lines().toList();
        int start = 0;
        while (!lines.get(start).startsWith("name ")) {
            start++;
        }
        int end = start;
        while (!lines.get(end).isEmpty()) {
            end++;
        }
        return lines.subList(start, end);
    }

    @Test
    void theTitleNamesModelInputBatchConventionUnitAndElementSize() {
        String text = AnalysisTable.render(TinyModels.count(TinyModels.tiny(), 1, Convention.PTFLOPS));
        String title = text.lines().findFirst().orElseThrow();
        assertEquals("tiny  |  input 3x8x8  |  batch 1  |  convention ptflops (MACs)  |  4 bytes per element",
                title);
    }

    @Test
    void layerRowsAreAlignedWithNumbersEndingInTheSameColumn() {
        List<String> table = layerTable(AnalysisTable.render(TinyModels.count(TinyModels.tiny(), 1, Convention.MACS)));
        assertEquals(2 + 4, table.size(), String.join("\n", table));
        int width = table.get(0).length();
        for (String line : table) {
            assertEquals(width, line.length(), "every line ends with the right-aligned share: " + line);
        }
        int paramsEnd = table.get(0).indexOf("params") + "params".length();
        assertEquals("112", table.get(2).substring(paramsEnd - 3, paramsEnd));
        assertTrue(table.get(2).contains("6,912"), table.get(2));
        assertTrue(table.get(2).endsWith("73.0%"), table.get(2));
    }

    @Test
    void aLayerTheConventionIgnoresShowsADashAndTheNoteListsItsOp() {
        String text = AnalysisTable.render(TinyModels.count(TinyModels.tiny(), 1, Convention.MACS));
        String relu = layerTable(text).get(3);
        assertTrue(relu.startsWith("relu "), relu);
        assertTrue(relu.endsWith("-        -"), relu);
        assertTrue(text.contains("not counted by the macs convention (FLOPs shown as -): relu (1 layer)"), text);
    }

    @Test
    void theTotalsGiveExactCountsAndHumanUnits() {
        String text = AnalysisTable.render(TinyModels.count(TinyModels.tiny(), 1, Convention.PYTORCH));
        assertTrue(text.matches("(?s).*\\nparams +2,682 +2\\.68 k\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nMACs +9,472 +9\\.47 k\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nFLOPs \\(pytorch convention\\) +18,944 +18\\.9 k\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nweights \\(bytes\\) +10,728 +10\\.48 KiB\\n.*"), text);
        assertTrue(text.contains("peak activation memory (bytes)"), text);
        assertTrue(text.contains("memory traffic (bytes)"), text);
    }

    @ParameterizedTest
    @EnumSource(Convention.class)
    void theFlopsTotalNamesItsConventionAndNoLineNestsParentheses(Convention convention) {
        String text = AnalysisTable.render(TinyModels.count(TinyModels.tiny(), 1, convention));
        assertTrue(text.contains("\nFLOPs (" + convention.id() + " convention) "), text);
        text.lines().forEach(line -> assertFalse(line.matches(".*\\([^)]*\\(.*"), "nested parentheses: " + line));
    }

    @Test
    void theBatchNoteAppearsOnlyForABatch() {
        String single = AnalysisTable.render(TinyModels.count(TinyModels.tiny(), 1, Convention.MACS));
        assertFalse(single.contains("per batch"), single);
        String text = AnalysisTable.render(TinyModels.count(TinyModels.tiny(), 8, Convention.MACS));
        assertTrue(text.contains("per batch: MACs, FLOPs, activations"), text);
        assertTrue(text.contains("all 8 samples"), text);
        assertTrue(text.contains("8x4x8x8"), "output shapes include the batch");
    }

    @Test
    void longNamesAreShortenedAndEveryLineFitsInAHundredAndTwentyColumns() {
        String name = "backbone.stage4.block12.branch2.depthwise_separable.pointwise_conv";
        Model model = Model.builder("long")
                .input("input", Shape.of(1, 3, 8, 8))
                .add(new Node(name, Conv2d.of(3, 8, 3, 1, 1), List.of("input")))
                .build();
        String text = AnalysisTable.render(TinyModels.count(model, 4096, Convention.ONNX_TOOL));
        String row = layerTable(text).get(2);
        String shown = row.substring(0, AnalysisTable.NAME_WIDTH);
        assertTrue(shown.startsWith("backbone.stage4.") && shown.contains("...") && shown.endsWith("pointwise_conv"),
                shown);
        text.lines().forEach(line -> assertTrue(line.length() <= 120, line.length() + ": " + line));
    }
}
