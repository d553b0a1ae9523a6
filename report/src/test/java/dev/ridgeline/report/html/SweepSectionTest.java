package dev.ridgeline.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SweepSectionTest {
    @Test
    void theStrategyLineDropsHowTheWorkWasSplitAndKeepsAnIntervalWhole() {
        assertEquals("exhaustive", SweepSection.strategy(
                "exhaustive: shard 1/1, indices [0, 9) of 9, 2 threads, 4096-point chunks"));
        assertEquals("exhaustive", SweepSection.strategy(
                "exhaustive: shard 2/4, indices [250, 500) of 1000, 1 thread, 4096-point chunks"));
        assertEquals("random: 1000 uniform draws with replacement, seed 1", SweepSection.strategy(
                "random: 1000 uniform draws with replacement, seed 1, 2 threads"));
        assertEquals("exact", SweepSection.strategy("exact"));
    }
}
