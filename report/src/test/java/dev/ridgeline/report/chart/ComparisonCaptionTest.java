package dev.ridgeline.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The overview captions name a range by its two ends, and say so plainly when the ends are one figure. */
class ComparisonCaptionTest {

    @Test
    void aRangeNamesItsEndsAndHowFarApartTheyAre() {
        assertEquals("from 388 us (a) to 776 us (b), 2.0x apart",
                ComparisonCharts.range("388 us", "a", "776 us", "b", 2.0, "%.1fx"));
    }

    @Test
    void equalEndsAreOneFigureInEveryRunNotARangeFromARunToItself() {
        assertEquals("388 us in every run", ComparisonCharts.range("388 us", "a", "388 us", "a", 1.0, "%.1fx"));
    }

    @Test
    void theHeatCaptionOfRunsWithOneBestLatencyGivesItOnce() {
        List<ComparisonCharts.Cell> cells = List.of(
                new ComparisonCharts.Cell("resnet18", "t4 fp16", 596e-6, "", 0),
                new ComparisonCharts.Cell("resnet18", "t4 fp16", 596e-6, "", 1));
        String caption = ComparisonCharts.heatCaption(cells, List.of("t4 fp16"), List.of("resnet18"));
        assertEquals("Latency of the best design within budget (a sweep's front design with the most of its maximised"
                + " objective; an analysis's total) for 1 network x 1 device and precision: 596 us in every run.",
                caption);
    }

    @Test
    void theHeatCaptionOfDifferentLatenciesNamesWhereEachEndIs() {
        List<ComparisonCharts.Cell> cells = List.of(
                new ComparisonCharts.Cell("resnet18", "t4 fp16", 400e-6, "", 0),
                new ComparisonCharts.Cell("vgg16", "t4 fp16", 2e-3, "", 1));
        String caption = ComparisonCharts.heatCaption(cells, List.of("t4 fp16"), List.of("resnet18", "vgg16"));
        assertEquals("Latency of the best design within budget (a sweep's front design with the most of its maximised"
                + " objective; an analysis's total) for 2 networks x 1 device and precision: from 400 us (resnet18 on"
                + " t4 fp16) to 2.00 ms (vgg16 on t4 fp16), 5x apart.", caption);
    }
}
