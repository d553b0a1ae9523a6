package dev.ridgeline.store.format;

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

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1.25e-3     | 1.25 ms",
        "1.2345e-5   | 12.3 us",
        "3.0e-6      | 3.00 us",
        "0           | 0 s",
        "2.5         | 2.50 s",
        "4.5e-7      | 450 ns",
        "9.9996e-4   | 1.00 ms",
        "0.99996     | 1.00 s",
        "1234.5      | 1230 s",
    })
    void durationsKeepThreeSignificantDigitsInTheLargestUnitAboveOne(double seconds, String expected) {
        assertEquals(expected, Quantities.seconds(seconds));
    }

    @Test
    void aDurationThatIsNotFiniteIsADash() {
        assertEquals("-", Quantities.seconds(Double.NaN));
        assertEquals("-", Quantities.seconds(Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest(name = "{0} {1} up to {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "989e12    | FLOPS | T | 989 TFLOPS",
        "1979e12   | OPS   | T | 1979 TOPS",
        "133.8e12  | FLOPS | T | 133.8 TFLOPS",
        "5e11      | FLOPS | T | 500 GFLOPS",
        "3.35e12   | B/s   | G | 3350 GB/s",
        "51.2e9    | B/s   | G | 51.2 GB/s",
        "80e9      | B     | T | 80 GB",
        "999.96e9  | B     | T | 1 TB",
        "512       | B     | T | 512 B",
    })
    void deviceFiguresUseDecimalUnitsToFourSignificantDigits(double value, String unit, String prefix,
                                                              String expected) {
        assertEquals(expected, Quantities.decimal(value, unit, prefix));
    }

    @Test
    void sharesOfDoublesArePercentagesOrADash() {
        assertEquals("48.7%", Quantities.percent(13.392, 27.472));
        assertEquals("-", Quantities.percent(1.0, 0.0));
    }
}
