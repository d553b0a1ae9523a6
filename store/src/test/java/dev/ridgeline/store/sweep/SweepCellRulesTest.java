package dev.ridgeline.store.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of a sweep's cells and columns (docs/sweep-format.md: counts as integers, {@code latencySeconds} with
 * six significant digits, NaN as an empty cell, knob cells as labels, {@code channels:} columns), of the terminal
 * table's knob columns, and of reading a front row back ({@code --row N} of export and measure), on spaces built by
 * hand.
 */
class SweepCellRulesTest {
    private static Knob knob(String name, String... labels) {
        return new Knob(name, List.of(labels), new KnobTarget.Abstract());
    }

    /** A width knob moving two groups: 0.5 gives 16 and 32 channels, 1.0 gives 32 and 64. */
    private static final Knob WIDTH = new Knob("width:stage5", List.of("0.5", "1.0"),
            new KnobTarget.Width(List.of(0, 1), new int[][] {{16, 32}, {32, 64}}));

    @Test
    void countsAreIntegersUpToWhatALongHoldsOtherValuesPlainDecimals() {
        assertEquals("4089184256", SweepCells.cell(Metric.MACS, 4_089_184_256.0));
        assertEquals("0", SweepCells.cell(Metric.PARAMS, 0.0));
        assertEquals("-3", SweepCells.cell(Metric.WEIGHT_BYTES, -3.0));
        assertEquals("20.5", SweepCells.cell(Metric.FLOPS, 20.5));
        // 2^63 is one past Long.MAX_VALUE (a cast would print 9223372036854775807): the shortest decimal that reads
        // back as the same double, 9.223372036854776e18, written plain
        assertEquals("9223372036854776000", SweepCells.cell(Metric.PEAK_ACTIVATION_BYTES, 0x1p63));
        assertEquals("9223372036854774784", SweepCells.cell(Metric.PARAMS, Math.nextDown(0x1p63)));
        assertFalse(SweepCells.isWhole(0x1p63));
        assertFalse(SweepCells.isWhole(-0x1p63));
        assertTrue(SweepCells.isWhole(Math.nextDown(0x1p63)));
        assertFalse(SweepCells.isWhole(0.5));
        // a time is never a count, even a whole one: six significant digits
        assertEquals("2.00000", SweepCells.cell(Metric.LATENCY_SECONDS, 2.0));
        assertEquals("0.750000", SweepCells.cell(Metric.ACCURACY, 0.75));
        assertEquals("", SweepCells.cell(Metric.MACS, Double.NaN));
        assertEquals("", SweepCells.cell(Metric.LATENCY_SECONDS, Double.NaN));
        assertTrue(SweepCells.isCount(Metric.PARAMS));
        assertTrue(SweepCells.isCount(Metric.WEIGHT_BYTES));
        assertFalse(SweepCells.isCount(Metric.LATENCY_SECONDS));
        assertFalse(SweepCells.isCount(Metric.ACCURACY));
    }

    @Test
    void accuracyIsAColumnOnlyOfASweepThatPredictsIt() {
        assertEquals(List.of("params", "macs", "flops", "latencySeconds", "peakActivationBytes", "weightBytes"),
                SweepCells.METRIC_COLUMNS);
        assertEquals(SweepCells.METRIC_COLUMNS, SweepCells.metricColumns(false));
        assertEquals(List.of("params", "macs", "flops", "latencySeconds", "peakActivationBytes", "weightBytes",
                "accuracy"), SweepCells.metricColumns(true));
        double[] none = {1, 2, 3, Double.NaN, 5, 6, Double.NaN};
        double[] some = {1, 2, 3, 0.001, 5, 6, 0.71};
        assertFalse(SweepCells.predicted(Stream.of(none, none)));
        assertTrue(SweepCells.predicted(Stream.of(none, some)));
        assertEquals(List.of("1", "2", "3", "", "5", "6"), SweepCells.metricCells(none));
        assertEquals(List.of("1", "2", "3", "0.00100000", "5", "6", "0.710000"), SweepCells.metricCells(some, true));
    }

    @Test
    void aWidthKnobHasAChannelsColumnHoldingTheChannelsOfEachGroup() {
        DesignSpace space = new DesignSpace(List.of(knob("kernel:stage5", "3", "5"), WIDTH));
        assertEquals(List.of("kernel:stage5", "width:stage5"), SweepCells.knobColumns(space));
        assertEquals(List.of("channels:stage5"), SweepCells.channelColumns(space));
        assertEquals("32/64", SweepCells.channels(WIDTH, 1));
        assertEquals(List.of("16/32"), SweepCells.channelCells(space, new int[] {1, 0}));
        assertEquals(List.of("5", "0.5"), SweepCells.labels(space, new int[] {1, 0}));
    }

    @Test
    void aChoiceOutsideItsKnobOrAWrongNumberOfChoicesIsRefused() {
        DesignSpace space = new DesignSpace(List.of(knob("k", "a", "b"), knob("j", "x")));
        assertEquals("b", SweepCells.label(space, 0, 1));
        assertEquals("choice 2 of knob k, which has 2 choices",
                assertThrows(IllegalArgumentException.class, () -> SweepCells.label(space, 0, 2)).getMessage());
        assertEquals("choice -1 of knob j, which has 1 choices",
                assertThrows(IllegalArgumentException.class, () -> SweepCells.label(space, 1, -1)).getMessage());
        assertEquals("3 choices for a space of 2 knobs", assertThrows(IllegalArgumentException.class,
                () -> SweepCells.labels(space, new int[] {0, 0, 0})).getMessage());
    }

    @Test
    void knobsOfOneKindShareAColumnWhenThereAreMoreThanTwoWithLabelsPaddedToLineUp() {
        DesignSpace space = new DesignSpace(List.of(knob("kernel:s1", "3", "5"), knob("kernel:s2", "3", "5", "7"),
                knob("kernel:s3", "3", "15"), knob("width:s1", "0.5", "1.0"), knob("width:s2", "0.75", "1.0"),
                knob("a", "x"), knob("b", "y"), knob("c", "z", "zz")));
        KnobColumns table = new KnobColumns(space);
        assertEquals(List.of(new KnobColumns.Column("kernel:s1..s3", List.of(0, 1, 2)),
                new KnobColumns.Column("width:s1", List.of(3)), new KnobColumns.Column("width:s2", List.of(4)),
                new KnobColumns.Column("a", List.of(5)), new KnobColumns.Column("b", List.of(6)),
                new KnobColumns.Column("c", List.of(7))), table.columns());
        int[] choices = {1, 2, 1, 0, 1, 0, 0, 1};
        assertEquals("5 7 15", table.cell(table.columns().get(0), choices));
        assertEquals("3 3 3 ", table.cell(table.columns().get(0), new int[] {0, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals("1.0", table.cell(table.columns().get(2), choices));
        assertEquals("zz", table.cell(table.columns().get(5), choices));
    }

    private static final String HEADER = "params,macs,latencySeconds,k,width:stage5,channels:stage5";

    private static DesignSpace space() {
        // b and c tied and were merged into one choice, "b|c"
        return new DesignSpace(List.of(new Knob("k", List.of("a", "b|c"), new KnobTarget.Abstract(),
                List.of(List.of("a"), List.of("b", "c"))), WIDTH));
    }

    private static Path file(Path dir, String text) throws IOException {
        Path csv = dir.resolve("pareto.csv");
        Files.writeString(csv, text);
        return csv;
    }

    @Test
    void aFrontRowReadsBackItsChoicesByLabelAndItsMetrics(@TempDir Path dir) throws IOException {
        Path csv = file(dir, HEADER + "\n10,20,,a,1.0,32/64\n11,21.5,0.00125,c,0.5,16/32\n");
        FrontRows.Row row = FrontRows.read(csv, 2, space());
        assertEquals(2, row.number());
        // "c" is a choice written in the job and merged into "b|c"
        assertArrayEquals(new int[] {1, 0}, row.choices());
        double[] expected = {11, 21.5, Double.NaN, 0.00125, Double.NaN, Double.NaN, Double.NaN};
        assertArrayEquals(expected, row.metrics());
        // the knob's column may come first
        Path knobFirst = dir.resolve("first.csv");
        Files.writeString(knobFirst, "k,params\nb|c,7\n");
        assertArrayEquals(new int[] {1}, FrontRows.read(knobFirst, 1, new DesignSpace(List.of(space().knobs().get(0))))
                .choices());
        FrontRows.Row first = FrontRows.read(csv, 1, space());
        assertArrayEquals(new int[] {0, 1}, first.choices());
        assertTrue(Double.isNaN(first.metrics()[Metric.LATENCY_SECONDS.ordinal()]), "an empty cell is NaN");
    }

    @Test
    void aRowOutsideTheFileOrAFileOfAnotherJobIsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        DesignSpace space = space();
        String rows = HEADER + "\n10,20,,a,1.0,32/64\n11,21,,b|c,0.5,16/32\n";
        Path csv = file(dir, rows);
        assertEquals("--row 3: " + csv + " has rows 1 to 2", message(() -> FrontRows.read(csv, 3, space)));
        assertEquals("--row 0: " + csv + " has rows 1 to 2", message(() -> FrontRows.read(csv, 0, space)));
        file(dir, HEADER + "\n");
        assertEquals("--row 1: " + csv + " has no rows (the front is empty)",
                message(() -> FrontRows.read(csv, 1, space)));
        file(dir, "");
        assertEquals(csv + " is empty: not a sweep's pareto.csv", message(() -> FrontRows.read(csv, 1, space)));
        file(dir, HEADER + "\n10,20,,a,1.0\n");
        assertEquals(csv + ":2: 5 cells under a header of 6 columns", message(() -> FrontRows.read(csv, 1, space)));
        file(dir, HEADER.replace(",k,", ",knob,") + "\n10,20,,a,1.0,32/64\n");
        assertTrue(message(() -> FrontRows.read(csv, 1, space)).startsWith(csv + ":1: no column k: this file is not "
                + "from a sweep of this job (its columns: params, macs, latencySeconds, knob, width:stage5"));
        file(dir, rows.replace(",b|c,", ",d,"));
        assertEquals(csv + ":3: column k holds 'd', not a choice of this job's knob (a, b|c): was the file written by"
                + " a sweep of another job?", message(() -> FrontRows.read(csv, 2, space)));
        file(dir, rows.replace("11,21,", "11,lots,"));
        assertEquals(csv + ":3: column macs holds 'lots', not a number", message(() -> FrontRows.read(csv, 2, space)));
        file(dir, rows.replace("11,21,", "\"11,21,"));
        assertEquals(csv + ":3: a quoted cell is not closed", message(() -> FrontRows.read(csv, 2, space)));
        Files.write(csv, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(csv + " is not text (UTF-8): not a sweep's CSV", message(() -> FrontRows.read(csv, 1, space)));
        assertEquals(dir + " is a directory, not a CSV file", message(() -> FrontRows.read(dir, 1, space)));
        Path none = dir.resolve("none.csv");
        assertEquals(none + ": no such file", message(() -> FrontRows.read(none, 1, space)));
    }

    private static String message(org.junit.jupiter.api.function.Executable read) {
        return assertThrows(BadInputException.class, read).getMessage();
    }

    @Test
    void theJobHashOfASummaryIsReadOnlyFromASummaryThatHasOne(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("summary.json");
        Files.writeString(summary, "{\"spaceSize\": 3, \"jobHash\": \"abc123\"}");
        assertEquals(Optional.of("abc123"), SummaryJobHash.read(summary));
        Files.writeString(summary, "{\"jobHash\": 5}");
        assertEquals(Optional.empty(), SummaryJobHash.read(summary));
        Files.writeString(summary, "{\"job\": \"abc\"}");
        assertEquals(Optional.empty(), SummaryJobHash.read(summary));
        Files.writeString(summary, "not json {");
        assertEquals(Optional.empty(), SummaryJobHash.read(summary));
    }

    /** What a writer that holds its text until flushed, as a file's buffered writer does, shows unclosed. */
    private static String flushed(java.util.function.Consumer<java.io.Writer> write) {
        java.io.StringWriter text = new java.io.StringWriter();
        write.accept(new java.io.BufferedWriter(text, 1 << 16));
        return text.toString();
    }

    @Test
    void aSweepFolderHoldsItsThreeFilesEachFlushedWhole(@TempDir Path dir) throws IOException {
        dev.ridgeline.search.job.Job job = SweepResults.resnet18();
        dev.ridgeline.search.space.ResolvedSpace space = SweepResults.abstractSpace(job, 2, List.of("3", "5"));
        dev.ridgeline.search.run.RecordedPoints points = new dev.ridgeline.search.run.RecordedPoints(2,
                new long[] {0, 3}, new int[] {0, 0, 1, 1},
                new double[] {100, 1000, 2000, 0.5, 7, 8, Double.NaN, 102, 1002, 2002, Double.NaN, 7, 8, Double.NaN},
                new boolean[] {true, false});
        dev.ridgeline.search.pareto.ParetoPoint p = SweepResults.point(
                SweepResults.metrics(100, 1000, 2000, 0.5, 7, 8), 0, 0);
        dev.ridgeline.search.run.SweepResult result = SweepResults.result(job, space, 2, 1, List.of(p),
                Optional.empty(), Optional.of(points));
        String pareto = "params,macs,flops,latencySeconds,peakActivationBytes,weightBytes,k0,k1\n"
                + "100,1000,2000,0.500000,7,8,3,3\n";
        String all = "index,params,macs,flops,latencySeconds,peakActivationBytes,weightBytes,k0,k1,feasible\n"
                + "0,100,1000,2000,0.500000,7,8,3,3,true\n3,102,1002,2002,,7,8,5,5,false\n";
        // a buffered writer that is never closed shows only what the writer flushed
        assertEquals(pareto, flushed(w -> ParetoCsv.write(result, w)));
        assertEquals(all, flushed(w -> PointsCsv.write(result, w)));
        assertEquals(List.of("index", "params", "macs", "flops", "latencySeconds", "peakActivationBytes",
                "weightBytes", "k0", "k1", "feasible"), PointsCsv.header(space.space()));

        dev.ridgeline.store.folder.Staging staging = new dev.ridgeline.store.folder.Staging(dir, Path.of("out"), "");
        assertEquals(List.of(Path.of("out/points.csv"), Path.of("out/pareto.csv"), Path.of("out/summary.json")),
                SweepWriter.write(result, true, "1.2.3", staging));
        assertEquals(all, Files.readString(dir.resolve("points.csv")));
        assertEquals(pareto, Files.readString(dir.resolve("pareto.csv")));
        assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"version\": \"1.2.3\""));
        Files.delete(dir.resolve("points.csv"));
        assertEquals(List.of(Path.of("out/pareto.csv"), Path.of("out/summary.json")),
                SweepWriter.write(result, false, "1.2.3", staging));
        assertFalse(Files.exists(dir.resolve("points.csv")), "no points.csv without --all-points");
    }
}
