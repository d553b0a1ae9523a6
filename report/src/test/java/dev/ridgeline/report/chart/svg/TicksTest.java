package dev.ridgeline.report.chart.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class TicksTest {
    private static List<String> labels(List<Ticks.Tick> ticks) {
        return ticks.stream().map(Ticks.Tick::label).toList();
    }

    @Test
    void bytesTickAtRoundBinaryValuesNotAtOddFractions() {
        // 146.48 KiB was a tick of the old charts; these are round in the unit shown
        assertEquals(List.of("0 KiB", "50 KiB", "100 KiB", "150 KiB"), labels(Ticks.linear(0, 150 * 1024, Unit.BYTES)));
        assertEquals(List.of("0 KiB", "20 KiB", "40 KiB", "60 KiB", "80 KiB", "100 KiB", "120 KiB", "140 KiB"),
                labels(Ticks.linear(0, 150_000, Unit.BYTES)));
    }

    @Test
    void secondsTakeTheUnitThatKeepsThemAboveOne() {
        assertEquals(List.of("100 us", "120 us", "140 us", "160 us", "180 us", "200 us"),
                labels(Ticks.linear(100e-6, 208e-6, Unit.SECONDS)));
        assertEquals(List.of("0 ms", "1 ms", "2 ms", "3 ms", "4 ms", "5 ms"), labels(Ticks.linear(0, 0.005,
                Unit.SECONDS)));
    }

    @Test
    void aLogAxisIsLabelledAtEveryDecadeWithItsUnit() {
        assertEquals(List.of("10 us", "100 us", "1 ms", "10 ms"), labels(Ticks.log(5e-6, 0.02, Unit.SECONDS)));
        assertEquals(List.of("1 Gop/s", "10 Gop/s", "100 Gop/s", "1 Top/s"), labels(Ticks.log(0.5e9, 2e12,
                Unit.OPS_PER_SECOND)));
        assertEquals(List.of("1 kB", "10 kB", "100 kB", "1 MB"), labels(Ticks.log(1e3, 1e6, Unit.BYTES)));
        assertEquals(List.of("0.1", "1", "10", "100", "1 K"), labels(Ticks.log(0.08, 1500, Unit.PLAIN)));
    }

    @Test
    void aLogAxisWithinOneDecadeAlsoGetsTwoAndFive() {
        assertEquals(List.of("2 ms", "5 ms", "10 ms", "20 ms"), labels(Ticks.log(1.5e-3, 25e-3, Unit.SECONDS)));
    }

    @Property(tries = 300)
    void linearTicksAreRoundInsideTheRangeAndFew(@ForAll @DoubleRange(min = 1, max = 1e12) double max,
                                                @ForAll @DoubleRange(min = 0, max = 0.9) double share) {
        double min = max * share;
        List<Ticks.Tick> ticks = Ticks.linear(min, max, Unit.COUNT);
        assertTrue(ticks.size() >= 2 && ticks.size() <= 12, ticks.toString());
        for (Ticks.Tick t : ticks) {
            assertTrue(t.value() >= min - 1e-9 * max && t.value() <= max * (1 + 1e-9), t + " in " + min + ".." + max);
            String number = t.label().replaceAll(" .*", "");
            assertTrue(number.matches("\\d+(\\.\\d{1,2})?"), "a round number: " + t.label());
        }
    }
}
