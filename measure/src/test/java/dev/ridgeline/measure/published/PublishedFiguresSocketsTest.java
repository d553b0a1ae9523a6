package dev.ridgeline.measure.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sockets} column: a two-socket throughput figure compared per socket. */
class PublishedFiguresSocketsTest {
    private static final String HEADER = "model,input,batch,precision,milliseconds,imagesPerSecond,sockets,source\n";

    @Test
    void aThroughputOnTwoSocketsGivesOneSocketsTimePerBatch(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, HEADER + "resnet50,3x224x224,256,int8,,20000,2,a published table\n"
                + "resnet50,3x224x224,256,int8,,20000,,a published table\n"
                + "resnet50,3x224x224,1,int8,1.07,,1,a published table\n");
        List<PublishedFigure> f = PublishedFigures.read(csv);
        assertEquals(2 * 256 / 20000.0, f.get(0).seconds(), 1e-15);
        assertEquals(256 / 20000.0, f.get(1).seconds(), 1e-15);
        assertEquals(1.07e-3, f.get(2).seconds(), 1e-15);
    }

    @Test
    void socketsOnATimeOrBelowOneIsABadLineNamingItsColumn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, HEADER + "resnet50,3x224x224,1,int8,1.07,,2,a published table\n");
        BadInputException e = assertThrows(BadInputException.class, () -> PublishedFigures.read(csv));
        assertTrue(e.getMessage().contains(csv + ":2:7: field 'sockets' applies to an imagesPerSecond figure only"),
                e.getMessage());
        Files.writeString(csv, HEADER + "resnet50,3x224x224,256,int8,,20000,0,a published table\n");
        e = assertThrows(BadInputException.class, () -> PublishedFigures.read(csv));
        assertTrue(e.getMessage().contains(csv + ":2:7: field 'sockets' must be at least 1, got 0"), e.getMessage());
        Files.writeString(csv, HEADER + "resnet50,3x224x224,256,int8,,20000,two,a published table\n");
        e = assertThrows(BadInputException.class, () -> PublishedFigures.read(csv));
        assertTrue(e.getMessage().contains("field 'sockets' 'two' is not a whole number"), e.getMessage());
    }
}
