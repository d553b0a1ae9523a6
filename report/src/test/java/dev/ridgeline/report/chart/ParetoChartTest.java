package dev.ridgeline.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.store.read.MetricTable;
import dev.ridgeline.store.read.SweepRun;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Pareto chart: its front, its log axes, its caption, and SVG that is the same bytes every time. */
class ParetoChartTest {
    static final Path GOLDEN = Path.of("report/src/test/resources/dev/ridgeline/report/chart/pareto-small.svg");

    /** Six designs of a made-up sweep: latency to minimise, MACs to maximise, one budget on latency. */
    static SweepRun small() {
        List<String> header = List.of("params", "macs", "latencySeconds", "width");
        List<List<String>> rows = List.of(
                List.of("1000", "2000000", "0.0010", "0.25"),
                List.of("2000", "9000000", "0.0015", "0.5"),
                List.of("3000", "30000000", "0.0022", "0.75"),
                List.of("4000", "60000000", "0.0030", "1.0"),
                List.of("5000", "55000000", "0.0040", "1.25"),
                List.of("6000", "90000000", "0.0050", "1.5"));
        return new SweepRun(Path.of("small"), "tiny", "t4", "test", "fp16", "macs", 1,
                List.of(new SweepRun.Objective("latencySeconds", true), new SweepRun.Objective("macs", false)),
                List.of(new SweepRun.BudgetBound("latencySeconds", 0.0045, Double.NaN)),
                Map.of("latencySeconds", 0.0035, "macs", 40_000_000.0, "params", 4500.0), "6", 6, 6, 6, 0.01,
                "exhaustive", "job.yaml", "abc", "def", "test", new MetricTable(Path.of("pareto.csv"), header, rows),
                Optional.empty(), Optional.empty(), Optional.empty(), "");
    }

    @Test
    void theFrontOfAPairKeepsExactlyTheNonDominatedPoints() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(40);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(10);
                y[i] = random.nextInt(10);
            }
            boolean minX = random.nextBoolean();
            boolean minY = random.nextBoolean();
            double[][] front = ParetoChart.front2d(x, y, minX, minY);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean dominated = false;
                for (int j = 0; j < n && !dominated; j++) {
                    double dx = minX ? x[i] - x[j] : x[j] - x[i];
                    double dy = minY ? y[i] - y[j] : y[j] - y[i];
                    dominated = dx >= 0 && dy >= 0 && (dx > 0 || dy > 0);
                }
                String key = x[i] + "," + y[i];
                if (!dominated && !expected.contains(key)) {
                    expected.add(key);
                }
            }
            List<String> got = new ArrayList<>();
            for (int i = 0; i < front[0].length; i++) {
                got.add(front[0][i] + "," + front[1][i]);
                if (i > 0) {
                    assertTrue(front[0][i] > front[0][i - 1], "sorted by x");
                }
            }
            assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList());
        }
    }

    @Test
    void theFrontIsDrawnAsTheBoundaryOfWhatItDominates() {
        double[][] front = {{1, 2, 4}, {10, 20, 40}};
        // latency down, MACs up: along the slower design's MACs until the next design's latency
        assertArrayEquals(new double[] {1, 2, 2, 4, 4}, ParetoChart.staircase(front, true)[0]);
        assertArrayEquals(new double[] {10, 10, 20, 20, 40}, ParetoChart.staircase(front, true)[1]);
        // x maximised: down (or up) first, then across
        assertArrayEquals(new double[] {1, 1, 2, 2, 4}, ParetoChart.staircase(front, false)[0]);
        assertArrayEquals(new double[] {10, 20, 20, 40, 40}, ParetoChart.staircase(front, false)[1]);
    }

    @Test
    void anAxisIsLogarithmicOnlyWhenItsRangeSpansMoreThanTenTimes() {
        assertTrue(Axis.of(new double[] {2e6, 9e7}).log());
        assertFalse(Axis.of(new double[] {0.001, 0.005}).log());
        assertFalse(Axis.of(new double[] {0, 100}).log(), "zero cannot be on a log axis");
    }

    @Test
    void theCaptionStatesTheFrontTheBaseAndTheBestDesign() {
        ChartSpec spec = ParetoChart.all(small()).get(0);
        assertEquals("pareto-latencySeconds-macs", spec.id());
        // (0.004, 55M) is dominated by (0.003, 60M)
        assertEquals("5 of the sweep's 6 front designs are non-dominated in latency and macs: latency from 1.00 ms"
                + " to 5.00 ms, macs from 2 M to 90 M. The base model is at (3.50 ms, 40 M); 1 front design is"
                + " at least as good on both; the lowest latency within budget is (1.00 ms, 2 M).", spec.caption());
    }

    @Test
    void theSameChartGivesTheSameSvgBytes() {
        byte[] first = ChartRenderer.render(ParetoChart.all(small()).get(0)).svg();
        byte[] second = ChartRenderer.render(ParetoChart.all(small()).get(0)).svg();
        assertArrayEquals(first, second);
        String svg = new String(first, StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg"), "no XML prolog: the page embeds it");
        assertTrue(svg.contains("clip1"), "clip ids renumbered");
        assertFalse(svg.matches("(?s).*clip-?\\d{4,}.*"), "no hash-code ids left");
    }

    /** Regenerate with -Dridgeline.golden.update=true after a deliberate change to the chart's look. */
    @Test
    void theSmallParetoChartMatchesItsGoldenSvg() throws Exception {
        String svg = new String(ChartRenderer.render(ParetoChart.all(small()).get(0)).svg(), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("ridgeline.golden.update")) {
            Files.writeString(GOLDEN, svg);
        }
        String golden;
        try (InputStream in = getClass().getResourceAsStream("pareto-small.svg")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(golden, svg);
    }

    @Test
    void aSweepWhereNoPointMetTheBudgetsStillDrawsItsBaseAndBudgets() {
        SweepRun full = small();
        SweepRun none = new SweepRun(full.source(), full.model(), full.hardware(), full.hardwareSource(),
                full.precision(), full.convention(), full.batch(), full.objectives(), full.budgets(), full.base(), "6",
                6, 0, 0, 0.01, "exhaustive", "job.yaml", "abc", "def", "test",
                new MetricTable(Path.of("pareto.csv"), full.pareto().header(), List.of()), Optional.empty(),
                Optional.empty(), Optional.empty(), "");
        ChartSpec spec = ParetoChart.all(none).get(0);
        assertEquals("No point of the 6 evaluated met the budgets, so there is no front; the base model is at"
                + " (3.50 ms, 40 M).", spec.caption());
        assertTrue(ChartRenderer.render(spec).svg().length > 0);
    }

    @Test
    void thePngIsDrawnAtTwiceTheChartSize() throws Exception {
        RenderedChart chart = ChartRenderer.render(ParetoChart.all(small()).get(0));
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(chart.png()));
        assertEquals(2 * chart.width(), image.getWidth());
        assertEquals(2 * chart.height(), image.getHeight());
    }
}
