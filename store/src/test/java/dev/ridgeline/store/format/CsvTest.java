package dev.ridgeline.store.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void secondsArePlainDecimalsWithSixSignificantDigits() {
        assertEquals("0.000123457", Csv.seconds(1.234567e-4));
        assertEquals("0.00000000150000", Csv.seconds(1.5e-9));
        assertEquals("2.00000", Csv.seconds(2));
        assertEquals("1234.57", Csv.seconds(1234.5678));
        assertEquals("0.00000", Csv.seconds(0));
    }

    @Test
    void decimalsAreTheShortestPlainDigitsThatReadBack() {
        assertEquals("20.5", Csv.decimal(20.5));
        assertEquals("0.0000001", Csv.decimal(1e-7));
        assertEquals("100000000000000000000", Csv.decimal(1e20));
        assertEquals("3", Csv.decimal(3.0));
        assertEquals(0.1 + 0.2, Double.parseDouble(Csv.decimal(0.1 + 0.2)));
    }

    @Test
    void aNumberThatIsNotFiniteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Csv.seconds(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Csv.decimal(Double.POSITIVE_INFINITY));
    }
}
