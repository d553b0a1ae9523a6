package dev.ridgeline.report.sweep;

import dev.ridgeline.store.sweep.KnobColumns;
import dev.ridgeline.store.sweep.SweepResults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepSummaryTest {
    private static final Job JOB = SweepResults.resnet18();
    private static final ResolvedSpace SPACE = SweepResults.space(JOB);

    @Test
    void theCountsComeFirst() {
        String text = SweepSummary.render(withFront(3));
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("space") && lines.get(0).contains(String.format("%,d points",
                SPACE.space().size())), text);
        assertTrue(lines.get(1).contains("1,000 points in 2.50 s (400 points/s), exhaustive"), text);
        assertTrue(lines.get(2).contains("40 (4.0%) within weightBytes <= "), text);
        assertTrue(lines.get(3).contains("3 points"), text);
    }

    @Test
    void theFrontIsATableInHumanUnitsWithKnobLabels() {
        String text = SweepSummary.render(withFront(3));
        assertTrue(text.contains("Pareto front (latencySeconds min, macs max, peakActivationBytes min):"), text);
        List<String> lines = text.lines().dropWhile(l -> !l.startsWith("Pareto front")).skip(1).toList();
        assertTrue(lines.get(0).startsWith("row  latency") && lines.get(0).contains("params")
                && lines.get(0).contains("width:conv1..layer4") && lines.get(0).contains("separable:layer3"), text);
        assertFalse(lines.get(0).contains("flops"), "flops equal macs on every row: " + text);
        assertTrue(lines.get(1).startsWith("---"), text);
        assertEquals(5, lines.size(), text);
        assertTrue(lines.get(2).startsWith("  1  ") && lines.get(3).startsWith("  2  "), "pareto.csv's rows: " + text);
        assertTrue(lines.get(2).contains("1.00 ms") && lines.get(2).contains("5 M")
                && lines.get(2).contains("9.54 MiB") && lines.get(2).contains("0.5  0.5  0.5  0.5  0.5")
                && lines.get(2).contains("standard"), text);
        assertFalse(text.contains("more"), text);
    }

    @Test
    void aLongFrontShowsTwentyRowsSpreadEvenlyAndSaysHowManyMore() {
        String text = SweepSummary.render(withFront(57));
        List<String> rows = text.lines().dropWhile(l -> !l.startsWith("Pareto front")).skip(3)
                .takeWhile(l -> !l.startsWith("...")).toList();
        assertEquals(20, rows.size(), text);
        assertTrue(rows.get(0).contains("1.00 ms"), "the first point: " + text);
        assertTrue(rows.get(19).contains("57.0 ms"), "the last point: " + text);
        assertTrue(rows.get(19).startsWith(" 57  "), "numbered as in pareto.csv: " + text);
        assertTrue(text.contains("... 37 more"), text);
        assertTrue(text.contains("pareto.csv"), text);
    }

    @Test
    void knobsOfOneKindShareAColumnWhoseLabelsLineUp() {
        KnobColumns columns = new KnobColumns(new dev.ridgeline.search.space.DesignSpace(List.of(
                knob("width:a", "0.5", "0.75"), knob("width:b", "0.5", "0.75"), knob("width:c", "1.0", "0.25"),
                knob("separable:a", "standard", "separable"), knob("solo", "1", "2"))));
        assertEquals(List.of("width:a..c", "separable:a", "solo"),
                columns.columns().stream().map(KnobColumns.Column::header).toList());
        assertEquals("0.5  0.75 0.25", columns.cell(columns.columns().get(0), new int[] {0, 1, 1, 0, 0}));
        assertEquals("0.75 0.5  1.0 ", columns.cell(columns.columns().get(0), new int[] {1, 0, 0, 0, 0}));
        assertEquals("separable", columns.cell(columns.columns().get(1), new int[] {1, 0, 0, 1, 0}));
    }

    private static dev.ridgeline.search.space.Knob knob(String name, String... labels) {
        return new dev.ridgeline.search.space.Knob(name, List.of(labels),
                new dev.ridgeline.search.space.KnobTarget.Abstract());
    }

    @Test
    void spreadKeepsTheEndsAndIsEven() {
        assertEquals(List.of(0, 1, 2), SweepSummary.spread(3, 20));
        assertEquals(List.of(0, 3, 6, 9), SweepSummary.spread(10, 4));
        List<Integer> rows = SweepSummary.spread(1_000_000, 20);
        assertEquals(20, rows.size());
        assertEquals(999_999, rows.get(19));
    }

    @Test
    void withNoFeasiblePointItNamesTheBudgetsAndTheClosestPointsMisses() {
        double max = JOB.budgets().get(0).max();
        ParetoPoint closest = SweepResults.point(SweepResults.metrics(6e6, 1e9, 1e9, 0.004, 1e6, max * 1.25),
                new int[SPACE.space().knobCount()]);
        SweepResult r = SweepResults.result(JOB, SPACE, 1000, 0, List.of(), Optional.of(closest), Optional.empty());
        String text = SweepSummary.render(r);
        assertTrue(text.contains("No point met the budgets (weightBytes <= "), text);
        assertTrue(text.contains("Closest point"), text);
        assertTrue(text.contains("misses by 25.0%"), text);
        assertTrue(text.contains("width:layer3=0.5"), text);
        assertFalse(text.contains("Pareto front"), text);
    }

    @Test
    void anEmptyShardSaysSo() {
        SweepResult r = SweepResults.result(JOB, SPACE, 0, 0, List.of(), Optional.empty(), Optional.empty());
        assertTrue(SweepSummary.render(r).contains("no point evaluated"), SweepSummary.render(r));
    }

    private static SweepResult withFront(int n) {
        List<ParetoPoint> front = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            front.add(SweepResults.point(SweepResults.metrics(5e6, 1e9 * i, 1e9 * i, 0.001 * i, 1e6, 1e7),
                    new int[SPACE.space().knobCount()]));
        }
        return SweepResults.result(JOB, SPACE, 1000, 40, front, Optional.empty(), Optional.empty());
    }
}
