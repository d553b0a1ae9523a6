package dev.ridgeline.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "4089184256 | 4.09 G",
        "25557032   | 25.6 M",
        "1200       | 1.2 k",
        "1234       | 1.23 k",
        "999        | 999",
        "0          | 0",
        "100        | 100",
        "1000000    | 1 M",
        "999950     | 1 M",
        "999499     | 999 k",
        "8178368512 | 8.18 G",
        "-1500      | -1.5 k",
    })
    void humanUnitsKeepThreeSignificantDigitsInPowersOfAThousand(long count, String expected) {
        assertEquals(expected, Quantities.human(count));
    }

    @Test
    void groupedCountsSeparateThousandsWithCommasInEveryLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("4,089,184,256", Quantities.grouped(4_089_184_256L));
            assertEquals("999", Quantities.grouped(999));
            assertEquals("-1,000", Quantities.grouped(-1000));
            assertEquals("97.49 MiB", Quantities.bytes(102_228_128));
            assertEquals("1.20 GiB", Quantities.bytes(1_285_292_192));
            assertEquals("10.48 KiB", Quantities.bytes(10_728));
            assertEquals("532 B", Quantities.bytes(532));
            assertEquals("2.9%", Quantities.percent(118_013_952, 4_089_184_256L));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void sharesOfANothingAreBlankNotNaN() {
        assertEquals("-", Quantities.percent(0, 0));
        assertEquals("", Quantities.fraction(0, 0));
        assertEquals("0.250000", Quantities.fraction(1, 4));
    }
}
