package dev.ridgeline.measure.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pareto.csv row back to the choices of its knobs. */
class FrontRowTest {
    private static final DesignSpace SPACE = new DesignSpace(List.of(
            new Knob("width:stage1", List.of("0.5", "1.0"), new KnobTarget.Resolution(new int[] {224}, new int[] {224})),
            new Knob("kernel:stage1", List.of("3", "5", "7"), new KnobTarget.Resolution(new int[] {224}, new int[] {224}))));

    @Test
    void readsTheLabelsOfTheRowsKnobColumns(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("pareto.csv");
        Files.writeString(csv, "params,macs,width:stage1,kernel:stage1\n10,20,1.0,5\n5,8,0.5,7\n");
        assertArrayEquals(new int[] {1, 1}, FrontRow.choices(csv, 1, SPACE));
        assertArrayEquals(new int[] {0, 2}, FrontRow.choices(csv, 2, SPACE));
    }

    @Test
    void anUnknownLabelOrRowNamesTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("pareto.csv");
        Files.writeString(csv, "params,width:stage1,kernel:stage1\n10,1.0,9\n");
        BadInputException e = assertThrows(BadInputException.class, () -> FrontRow.choices(csv, 1, SPACE));
        assertTrue(e.getMessage().contains("pareto.csv:2:3") && e.getMessage().contains("[3, 5, 7]"), e.getMessage());
        BadInputException row = assertThrows(BadInputException.class, () -> FrontRow.choices(csv, 2, SPACE));
        assertTrue(row.getMessage().contains("1 design rows"), row.getMessage());
    }
}
