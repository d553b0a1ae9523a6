package dev.ridgeline.report.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotingFollowsRfc4180() {
        assertEquals("plain", Csv.quote("plain"));
        assertEquals("\"a,b\"", Csv.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.quote("two\nlines"));
    }

    @Test
    void aLineJoinsQuotedCellsWithCommasAndEndsWithANewline() throws Exception {
        StringWriter out = new StringWriter();
        Csv.line(out, List.of("a", "b,c", ""));
        assertEquals("a,\"b,c\",\n", out.toString());
    }
}
