package dev.ridgeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every example job, pareto.csv is exactly the non-dominated set of the feasible rows of points.csv
 * under the job's objectives, computed here from the CSVs alone; among points with equal objective values
 * the front keeps the one with the lexicographically smallest choices. The CSVs give latency to six
 * significant digits while the front is chosen on the full values, so dominance is judged on each row's
 * metrics evaluated again at full precision (and checked to round to what the CSV says).
 */
class SweepFrontTest {

    static Stream<Path> jobs() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("configs/jobs"))) {
            List<Path> jobs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertFalse(jobs.isEmpty(), "no example jobs in configs/jobs");
            return jobs.stream();
        }
    }

    /** One CSV row: its metrics by column name, its choice indices and whether it met the budgets. */
    record Row(Map<String, Double> metrics, int[] choices, boolean feasible) {
        double[] oriented(List<String> metrics, List<Boolean> maximize) {
            double[] v = new double[metrics.size()];
            for (int i = 0; i < v.length; i++) {
                double x = this.metrics.get(metrics.get(i));
                v[i] = maximize.get(i) ? -x : x;
            }
            return v;
        }
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void theFrontIsTheNonDominatedSetOfTheFeasiblePoints(Path job, @TempDir Path dir) throws Exception {
        Run run = Run.of("sweep", job.toString(), "--out", dir.toString(), "--all-points");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode summary = SweepCommandTest.summary(dir);
        List<String> objectives = new ArrayList<>();
        List<Boolean> maximize = new ArrayList<>();
        summary.get("objectives").forEach(o -> {
            objectives.add(o.get("metric").asText());
            maximize.add(o.get("goal").asText().equals("max"));
        });
        List<List<String>> labels = new ArrayList<>();
        List<String> knobs = new ArrayList<>();
        summary.get("space").fields().forEachRemaining(e -> {
            knobs.add(e.getKey());
            List<String> l = new ArrayList<>();
            e.getValue().forEach(v -> l.add(v.asText()));
            labels.add(l);
        });

        List<Row> points = read(dir.resolve("points.csv"), knobs, labels);
        List<Row> front = read(dir.resolve("pareto.csv"), knobs, labels);
        Job parsed = JobReader.read(job);
        var space = parsed.resolveSpace();
        CompiledEvaluator compiled = EvaluatorCompiler.compile(space, parsed.setup());
        // a job that measured designs predicts accuracy as the sweep did
        CompiledEvaluator evaluator = parsed.accuracy().map(a -> compiled.withAccuracy(a.fit(space.space())))
                .orElse(compiled);
        points = points.stream().map(r -> fullPrecision(r, evaluator, job)).toList();
        front = front.stream().map(r -> fullPrecision(r, evaluator, job)).toList();
        List<Row> feasible = points.stream().filter(Row::feasible).toList();
        assertEquals(summary.get("pointsEvaluated").longValue(), points.size());
        assertEquals(summary.get("feasiblePoints").longValue(), feasible.size());
        assertEquals(summary.get("frontSize").intValue(), front.size());

        // the expected front: per objective vector the smallest choices, then the non-dominated vectors
        Map<List<Double>, int[]> best = new HashMap<>();
        for (Row r : feasible) {
            best.merge(key(r.oriented(objectives, maximize)), r.choices(),
                    (a, b) -> Arrays.compare(a, b) <= 0 ? a : b);
        }
        Set<List<Double>> expected = nonDominated(best.keySet());
        Set<List<Double>> actual = new HashSet<>();
        for (Row r : front) {
            List<Double> v = key(r.oriented(objectives, maximize));
            assertTrue(actual.add(v), job + ": two front rows share objective values " + v);
            assertTrue(best.containsKey(v), job + ": front row " + v + " is no feasible point");
            assertTrue(Arrays.equals(best.get(v), r.choices()), job + ": front row " + v + " has choices "
                    + Arrays.toString(r.choices()) + ", not the smallest " + Arrays.toString(best.get(v)));
            assertTrue(feasible.stream().anyMatch(p -> Arrays.equals(p.choices(), r.choices())
                    && p.metrics().equals(r.metrics())), job + ": front row is not a feasible row of points.csv");
        }
        assertEquals(expected, actual, job + ": the front differs from the feasible points' non-dominated set");
        assertFalse(feasible.isEmpty(), job + ": no feasible point, so this test would check nothing");
    }

    /** The row with its metrics evaluated again in full; the CSV's must be them, latency rounded to 6 digits. */
    private static Row fullPrecision(Row r, CompiledEvaluator evaluator, Path job) {
        double[] full = new double[Metric.COUNT];
        evaluator.evaluate(r.choices(), full);
        Map<String, Double> metrics = new HashMap<>();
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            double value = full[Metric.byId(e.getKey()).orElseThrow().ordinal()];
            double written = e.getValue();
            // latency and predicted accuracy are written to six significant digits, counts exactly
            boolean same = e.getKey().equals("latencySeconds") || e.getKey().equals("accuracy")
                    ? (Double.isNaN(value) && Double.isNaN(written)) || Math.abs(written - value) <= Math.abs(value) * 1e-5
                    : Double.compare(written, value) == 0;
            assertTrue(same, job + ": " + e.getKey() + " of " + Arrays.toString(r.choices()) + " is written " + written
                    + ", evaluated " + value);
            metrics.put(e.getKey(), value);
        }
        return new Row(metrics, r.choices(), r.feasible());
    }

    private static List<Double> key(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    /** The vectors no other vector dominates (all distinct, smaller is better), by a sort and a scan. */
    private static Set<List<Double>> nonDominated(Set<List<Double>> vectors) {
        List<List<Double>> sorted = new ArrayList<>(vectors);
        Comparator<List<Double>> lexicographic = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = Double.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        sorted.sort(lexicographic);
        List<List<Double>> kept = new ArrayList<>();
        for (List<Double> v : sorted) {
            // only a vector earlier in lexicographic order can dominate v
            if (kept.stream().noneMatch(k -> dominates(k, v))) {
                kept.add(v);
            }
        }
        return new HashSet<>(kept);
    }

    private static boolean dominates(List<Double> a, List<Double> b) {
        boolean strictly = false;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) > b.get(i)) {
                return false;
            }
            strictly |= a.get(i) < b.get(i);
        }
        return strictly;
    }

    private static List<Row> read(Path csv, List<String> knobs, List<List<String>> labels) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> metricColumns = new ArrayList<>(List.of("params", "macs", "flops", "latencySeconds",
                "peakActivationBytes", "weightBytes"));
        if (header.contains("accuracy")) {
            metricColumns.add("accuracy"); // a job that measured designs
        }
        int[] knobColumn = knobs.stream().mapToInt(header::indexOf).toArray();
        assertTrue(Arrays.stream(knobColumn).allMatch(c -> c >= 0), csv + ": knob columns " + header);
        int feasibleColumn = header.indexOf("feasible");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(header.size(), cells.length, csv + ": " + line);
            Map<String, Double> metrics = new HashMap<>();
            for (String m : metricColumns) {
                String cell = cells[header.indexOf(m)];
                metrics.put(m, cell.isEmpty() ? Double.NaN : Double.parseDouble(cell));
            }
            int[] choices = new int[knobs.size()];
            for (int k = 0; k < choices.length; k++) {
                choices[k] = labels.get(k).indexOf(cells[knobColumn[k]]);
                assertTrue(choices[k] >= 0, csv + ": unknown label " + cells[knobColumn[k]] + " of " + knobs.get(k));
            }
            rows.add(new Row(metrics, choices, feasibleColumn < 0 || Boolean.parseBoolean(cells[feasibleColumn])));
        }
        return rows;
    }
}
