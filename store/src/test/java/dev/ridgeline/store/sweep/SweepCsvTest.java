package dev.ridgeline.store.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.run.RecordedPoints;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.space.ResolvedSpace;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepCsvTest {
    private static final Job JOB = SweepResults.resnet18();
    private static final ResolvedSpace SPACE = SweepResults.space(JOB);

    @Test
    void paretoHeaderIsTheSixMetricsThenOneColumnPerKnobNamedAsTheKnobThenTheChannelsOfEachWidthKnob() {
        List<String> header = ParetoCsv.header(SPACE.space());
        assertEquals(List.of("params", "macs", "flops", "latencySeconds", "peakActivationBytes", "weightBytes"),
                header.subList(0, 6));
        long widths = SPACE.space().knobs().stream().filter(k -> k.name().startsWith("width:")).count();
        assertEquals(6 + SPACE.space().knobCount() + widths, header.size());
        assertEquals(List.of("channels:conv1", "channels:layer1", "channels:layer2", "channels:layer3",
                "channels:layer4"), header.subList(header.size() - 5, header.size()));
        assertTrue(header.contains("width:layer3"), header.toString());
        assertTrue(header.contains("kernel:layer3"), header.toString());
        assertTrue(header.contains("separable:layer4"), header.toString());
        String csv = pareto(result(List.of()));
        assertEquals(String.join(",", header) + "\n", csv);
    }

    @Test
    void countsAreIntegersLatencyHasSixSignificantDigitsAndKnobCellsAreLabels() {
        int knobs = SPACE.space().knobCount();
        int[] choices = new int[knobs];
        int width = ParetoCsv.header(SPACE.space()).indexOf("width:layer3") - 6;
        int separable = ParetoCsv.header(SPACE.space()).indexOf("separable:layer4") - 6;
        choices[width] = 1;
        choices[separable] = 1;
        ParetoPoint p = SweepResults.point(SweepResults.metrics(5_500_000, 1.8e9, 3.6e9, 0.0012345678901234567,
                2_408_448, 1.1e7), choices);
        String row = pareto(result(List.of(p))).lines().toList().get(1);
        String[] cells = row.split(",", -1);
        assertEquals("5500000", cells[0]);
        assertEquals("1800000000", cells[1]);
        assertEquals("3600000000", cells[2]);
        assertEquals("0.00123457", cells[3], "a plain decimal, six significant digits");
        assertEquals("2408448", cells[4]);
        assertEquals("11000000", cells[5]);
        assertEquals("0.75", cells[6 + width]);
        assertEquals("separable", cells[6 + separable]);
        assertEquals("192/192/192", cells[6 + knobs + 3], "layer3 at 0.75: its three groups of 256 channels");
        assertEquals("32", cells[6 + knobs], "conv1 (64 channels) at its first choice, 0.5");
        assertTrue(row.chars().filter(c -> c == ',').count() == 5 + knobs + 5, row);
    }

    @Test
    void anUnmeasuredMetricIsAnEmptyCellAndAFractionalCountKeepsItsFraction() {
        ParetoPoint p = SweepResults.point(SweepResults.metrics(10, 20.5, 30, Double.NaN, 40, 50),
                new int[SPACE.space().knobCount()]);
        String row = pareto(result(List.of(p))).lines().toList().get(1);
        assertTrue(row.startsWith("10,20.5,30,,40,50,"), row);
    }

    @Test
    void noCellIsWrittenInENotation() {
        ParetoPoint p = SweepResults.point(SweepResults.metrics(1e-7 + 3, 4.0e18, 1e20, 1.5e-9,
                9.5e15, 2e-3 + 7), new int[SPACE.space().knobCount()]);
        String row = pareto(result(List.of(p))).lines().toList().get(1);
        String metrics = String.join(",", List.of(row.split(",", -1)).subList(0, 6));
        assertFalse(metrics.contains("E") || metrics.contains("e"), metrics);
        assertTrue(row.startsWith("3.0000001,4000000000000000000,100000000000000000000,0.00000000150000,"
                + "9500000000000000,7.002,"), row);
    }

    @Test
    void rowsFollowTheFrontsOrder() {
        int[] c = new int[SPACE.space().knobCount()];
        List<ParetoPoint> front = List.of(
                SweepResults.point(SweepResults.metrics(3, 3, 3, 0.001, 3, 3), c),
                SweepResults.point(SweepResults.metrics(1, 1, 1, 0.003, 1, 1), c),
                SweepResults.point(SweepResults.metrics(2, 2, 2, 0.002, 2, 2), c));
        List<String> rows = pareto(result(front)).lines().skip(1).map(r -> r.substring(0, r.indexOf(','))).toList();
        assertEquals(List.of("3", "1", "2"), rows);
    }

    @Test
    void labelsWithCommasAreQuoted() {
        ResolvedSpace space = SweepResults.abstractSpace(JOB, 1, List.of("a,b", "say \"c\""));
        ParetoPoint p1 = SweepResults.point(SweepResults.metrics(1, 1, 1, 1, 1, 1), 0);
        ParetoPoint p2 = SweepResults.point(SweepResults.metrics(1, 1, 1, 1, 1, 1), 1);
        StringWriter out = new StringWriter();
        ParetoCsv.write(space.space(), List.of(p1, p2), out);
        assertEquals("""
                params,macs,flops,latencySeconds,peakActivationBytes,weightBytes,k0
                1,1,1,1.00000,1,1,"a,b"
                1,1,1,1.00000,1,1,"say ""c\"""
                """, out.toString());
    }

    @Test
    void pointsCsvAddsIndexFirstAndFeasibleLastInIndexOrder() {
        ResolvedSpace space = SweepResults.abstractSpace(JOB, 2, List.of("3", "5"));
        RecordedPoints points = new RecordedPoints(2, new long[] {0, 1, 3},
                new int[] {0, 0, 0, 1, 1, 1},
                new double[] {
                    100, 1000, 2000, 0.5, 7, 8,
                    101, 1001, 2001, 0.25, 7, 8,
                    102, 1002, 2002, Double.NaN, 7, 8},
                new boolean[] {true, false, true});
        StringWriter out = new StringWriter();
        PointsCsv.write(space.space(), points, out);
        assertEquals("""
                index,params,macs,flops,latencySeconds,peakActivationBytes,weightBytes,k0,k1,feasible
                0,100,1000,2000,0.500000,7,8,3,3,true
                1,101,1001,2001,0.250000,7,8,3,5,false
                3,102,1002,2002,,7,8,5,5,true
                """, out.toString());
    }

    @Test
    void pointsCsvNeedsRecordedPoints() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PointsCsv.write(result(List.of()), new StringWriter()));
        assertTrue(e.getMessage().contains("--all-points"), e.getMessage());
    }

    @Test
    void aChoiceOutsideTheKnobIsRefused() {
        ResolvedSpace space = SweepResults.abstractSpace(JOB, 1, List.of("3", "5"));
        ParetoPoint p = SweepResults.point(SweepResults.metrics(1, 1, 1, 1, 1, 1), 2);
        assertThrows(IllegalArgumentException.class, () -> ParetoCsv.write(space.space(), List.of(p),
                new StringWriter()));
    }

    private static SweepResult result(List<ParetoPoint> front) {
        return SweepResults.result(JOB, SPACE, 10, front.size(), front, Optional.empty(), Optional.empty());
    }

    private static String pareto(SweepResult result) {
        StringWriter out = new StringWriter();
        ParetoCsv.write(result, out);
        return out.toString();
    }
}
