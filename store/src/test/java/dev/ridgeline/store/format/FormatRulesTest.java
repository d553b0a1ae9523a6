package dev.ridgeline.store.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metric values and budgets as reports print them (docs/sweep-format.md's terminal table: counts in SI units,
 * bytes in binary units, latency in s/ms/us, "-" for a metric not measured), and CSV rows read back as
 * {@link Csv#line} writes them; the edges of each unit (docs: "to three significant digits in the largest unit that
 * keeps it at least 1").
 */
class FormatRulesTest {
    @Test
    void eachMetricIsPrintedInItsOwnUnits() {
        assertEquals("3.4 M", MetricUnits.human(Metric.PARAMS, 3_400_000));
        assertEquals("1.5 k", MetricUnits.human(Metric.MACS, 1499.6), "rounded to a whole count first");
        assertEquals("4.09 G", MetricUnits.human(Metric.FLOPS, 4_089_184_256.0));
        // 6,836,715 B / 2^20 = 6.5199...
        assertEquals("6.52 MiB", MetricUnits.human(Metric.WEIGHT_BYTES, 6_836_715));
        assertEquals("1.00 KiB", MetricUnits.human(Metric.PEAK_ACTIVATION_BYTES, 1023.5));
        assertEquals("1.85 ms", MetricUnits.human(Metric.LATENCY_SECONDS, 1.85e-3));
        assertEquals("0.71", MetricUnits.human(Metric.ACCURACY, 0.7123));
        assertEquals("-", MetricUnits.human(Metric.LATENCY_SECONDS, Double.NaN));
        assertEquals("-", MetricUnits.human(Metric.PARAMS, Double.NaN));
    }

    @Test
    void aBudgetIsAnInequalityWithTheBoundsItHas() {
        assertEquals("params <= 3 M", MetricUnits.budget(new Budget(Metric.PARAMS, 3e6, Double.NaN)));
        assertEquals("macs >= 100 M", MetricUnits.budget(new Budget(Metric.MACS, Double.NaN, 1e8)));
        assertEquals("100 M <= macs <= 300 M", MetricUnits.budget(new Budget(Metric.MACS, 3e8, 1e8)));
        assertEquals("latencySeconds <= 2.00 ms", MetricUnits.budget(new Budget(Metric.LATENCY_SECONDS, 2e-3,
                Double.NaN)));
    }

    @Test
    void aLineReadsBackIntoTheCellsItWasWrittenFrom() {
        assertEquals(List.of("a", "b,c", "", "say \"hi\"", "two\nlines", "x"),
                Csv.parse("a,\"b,c\",,\"say \"\"hi\"\"\",\"two\nlines\",x"));
        assertEquals(List.of(""), Csv.parse(""));
        assertEquals(List.of("", ""), Csv.parse(","));
        assertEquals(List.of("\""), Csv.parse("\"\"\"\""));
        assertEquals(List.of("ab"), Csv.parse("\"a\"b"), "a quote closed mid-cell ends the quoted part only");
        assertEquals("a quoted cell is not closed",
                assertThrows(IllegalArgumentException.class, () -> Csv.parse("a,\"b")).getMessage());
        assertEquals("\"a\rb\"", Csv.quote("a\rb"));
        assertEquals("a\tb", Csv.quote("a\tb"));
    }

    @Test
    void aCellIsQuotedWhateverPlaceTheCommaQuoteOrLineBreakHas() {
        assertEquals("\",a\"", Csv.quote(",a"));
        assertEquals("\"\"\"a\"", Csv.quote("\"a"));
        assertEquals("\"\na\"", Csv.quote("\na"));
        assertEquals("\"\ra\"", Csv.quote("\ra"));
    }

    @Test
    void aNumberThatIsNotFiniteIsRefusedSayingSo() {
        assertEquals("a CSV number must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Csv.seconds(Double.NaN)).getMessage());
        assertEquals("a CSV number must be finite, got -Infinity",
                assertThrows(IllegalArgumentException.class, () -> Csv.decimal(Double.NEGATIVE_INFINITY)).getMessage());
    }

    @Test
    void eachUnitStartsAtExactlyOneOfItself() {
        assertEquals("1023 B", Quantities.bytes(1023));
        assertEquals("1.00 KiB", Quantities.bytes(1024));
        assertEquals("1.00 MiB", Quantities.bytes(1024 * 1024));
        assertEquals("-2.00 KiB", Quantities.bytes(-2048));
        assertEquals("8.00 EiB", Quantities.bytes(Long.MAX_VALUE));
        assertEquals("-9.22 E", Quantities.human(Long.MIN_VALUE));
        assertEquals("9.22 E", Quantities.human(Long.MAX_VALUE));
        // 1e-12 s is 0.001 ns: ns is the smallest unit, so it stays there
        assertEquals("0.00100 ns", Quantities.seconds(1e-12));
        assertEquals("-1.50 ms", Quantities.seconds(-1.5e-3));
        assertEquals("1 TB", Quantities.decimal(1e12, "B", "T"));
        assertEquals("999.9 GB", Quantities.decimal(999.9e9, "B", "T"));
        assertEquals("0.5 B", Quantities.decimal(0.5, "B", "T"));
        assertEquals("512 B", Quantities.decimal(512, "B", ""));
        assertEquals("-", Quantities.decimal(Double.NaN, "B", "T"));
        assertEquals("80 GB", Quantities.decimalBytes(80e9));
        assertEquals("unknown SI prefix 'X'",
                assertThrows(IllegalArgumentException.class, () -> Quantities.decimal(1, "B", "X")).getMessage());
        assertEquals("33.3%", Quantities.percent(1, 3));
        assertEquals("0.333333", Quantities.fraction(1, 3));
        assertEquals("-", Quantities.percent(1.0, -2.0));
        assertEquals("-", Quantities.percent(1.0, Double.NaN));
        assertEquals("25.0%", Quantities.percent(0.5, 2.0));
    }

    /** A writer that holds what it is given until flushed, as a file's buffered writer does. */
    static String flushed(java.util.function.Consumer<java.io.Writer> write) {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.BufferedWriter buffered = new java.io.BufferedWriter(text, 1 << 16);
        write.accept(buffered);
        return text.toString();
    }

    @Test
    void aJsonDocumentEndsWithANewlineAndIsFlushed() {
        com.fasterxml.jackson.databind.node.ObjectNode tree = Json.object();
        tree.put("a", 1);
        assertEquals("{\n  \"a\": 1\n}\n", flushed(w -> Json.writeDocument(tree, w)));
        assertEquals("[]", Json.array().toString());
        assertEquals("{\"x\":[1,2]}", Json.tree(java.util.Map.of("x", List.of(1, 2))).toString());
    }
}
