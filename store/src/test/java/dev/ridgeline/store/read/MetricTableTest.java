package dev.ridgeline.store.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pareto.csv and points.csv read back: quoted labels kept whole, a damaged line named by file and line. */
class MetricTableTest {
    @Test
    void quotedKnobLabelsStayOneCell(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("pareto.csv");
        Files.writeString(csv, "params,kernels\n10,\"3,5\"\n12,7\n");
        MetricTable t = MetricTable.read(csv);
        assertEquals(List.of("10", "3,5"), t.rows().get(0));
        assertArrayEquals(new double[] {10, 12}, t.numbers("params"));
    }

    @Test
    void anUnclosedQuoteNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("pareto.csv");
        Files.writeString(csv, "params,kernels\n10,7\n12,\"3,5\n");
        BadInputException e = assertThrows(BadInputException.class, () -> MetricTable.read(csv));
        assertTrue(e.getMessage().startsWith(csv + ":3: a quoted cell is not closed"), e.getMessage());
    }

    @Test
    void anUnclosedQuoteInPointsNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "params,kernels,feasible\n10,7,true\n12,\"3,5,true\n");
        BadInputException e = assertThrows(BadInputException.class, () -> PointCloud.read(csv, List.of("params")));
        assertTrue(e.getMessage().startsWith(csv + ":3: a quoted cell is not closed"), e.getMessage());
    }
}
