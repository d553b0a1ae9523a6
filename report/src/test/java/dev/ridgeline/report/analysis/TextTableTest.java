package dev.ridgeline.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ridgeline.report.analysis.TextTable.Align;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellWithNumbersRightAligned() {
        String text = new TextTable()
                .column("name", Align.LEFT)
                .column("count", Align.RIGHT)
                .row("a", "1")
                .row("longer", "1,000")
                .render();
        assertEquals("""
                name    count
                ------  -----
                a           1
                longer  1,000
                """, text);
    }

    @Test
    void longCellsKeepTheirStartAndEnd() {
        assertEquals("layer3.5...ample.0", TextTable.shorten("layer3.5.very.long.block.downsample.0", 18));
        assertEquals(18, TextTable.shorten("layer3.5.very.long.block.downsample.0", 18).length());
        assertEquals("short", TextTable.shorten("short", 18));
    }

    @Test
    void aRowMustFillEveryColumn() {
        TextTable table = new TextTable().column("a", Align.LEFT).column("b", Align.LEFT);
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
    }

    @Test
    void notesWrapAtSpaces() {
        assertEquals("one two\n  three\n", TextTable.wrap("one two three", 8, "  "));
        assertEquals("short\n", TextTable.wrap("short", 80, "  "));
    }
}
