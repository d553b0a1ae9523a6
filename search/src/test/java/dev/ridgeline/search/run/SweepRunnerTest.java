package dev.ridgeline.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Budget;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.strategy.Shard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {

    @Test
    void theFrontIsExactlyTheNonDominatedSetOfTheFeasiblePoints() {
        Job job = JobReader.read(Path.of("configs/jobs/resnet18_t4.yaml"));
        SweepResult r = SweepRunner.run(job, Shard.ALL, true, 2, p -> { });
        RecordedPoints points = r.points().orElseThrow();
        assertEquals(15_552, points.size());
        assertEquals(r.evaluated(), points.size());
        List<double[]> feasible = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (points.feasible()[i]) {
                double[] v = new double[job.objectives().size()];
                for (int o = 0; o < v.length; o++) {
                    v[o] = job.objectives().get(o).minimized(java.util.Arrays.copyOfRange(points.metrics(),
                            i * Metric.COUNT, (i + 1) * Metric.COUNT));
                }
                feasible.add(v);
            }
        }
        assertEquals(r.feasible(), feasible.size());
        Set<List<Double>> expected = new HashSet<>();
        for (double[] a : feasible) {
            boolean dominated = feasible.stream().anyMatch(b -> dominates(b, a));
            if (!dominated) {
                expected.add(box(a));
            }
        }
        Set<List<Double>> actual = new HashSet<>();
        for (ParetoPoint p : r.front()) {
            double[] v = new double[job.objectives().size()];
            for (int o = 0; o < v.length; o++) {
                v[o] = job.objectives().get(o).minimized(p.metrics());
            }
            actual.add(box(v));
        }
        assertEquals(expected, actual);
        assertEquals(expected.size(), r.front().size(), "one point per objective vector");
        assertTrue(r.front().size() > 3, "a real trade-off: " + r.front().size());
    }

    @Test
    void aBudgetNothingMeetsIsNoErrorAndNamesTheClosestPoint() {
        Job base = JobReader.read(Path.of("configs/jobs/resnet18_t4.yaml"));
        Job impossible = base.withBudgets(List.of(new Budget(Metric.PARAMS, 1000, Double.NaN)));
        SweepResult r = SweepRunner.run(impossible, Shard.ALL, false, 2, p -> { });
        assertEquals(0, r.feasible());
        assertTrue(r.front().isEmpty());
        ParetoPoint closest = r.closest().orElseThrow();
        // the thinnest, smallest-kernel, separable design has the fewest parameters
        double fewest = closest.metrics()[Metric.PARAMS.ordinal()];
        assertTrue(fewest < 0.2 * r.baseMetrics()[Metric.PARAMS.ordinal()], "closest has " + fewest);
    }

    @Test
    void shardsSplitAnExhaustiveSweepIntoContiguousHalves() {
        Job job = JobReader.read(Path.of("configs/jobs/resnet18_t4.yaml"));
        SweepResult first = SweepRunner.run(job, Shard.parse("1/2"), false, 2, p -> { });
        SweepResult second = SweepRunner.run(job, Shard.parse("2/2"), false, 2, p -> { });
        assertEquals(7_776, first.evaluated());
        assertEquals(7_776, second.evaluated());
        SweepResult all = SweepRunner.run(job, Shard.ALL, false, 2, p -> { });
        var merged = new dev.ridgeline.search.pareto.ParetoArchive(job.objectives());
        first.front().forEach(p -> merged.offer(p.metrics(), p.choices()));
        second.front().forEach(p -> merged.offer(p.metrics(), p.choices()));
        assertEquals(all.front(), merged.front(), "merging shard fronts gives the one-pass front");
    }

    private static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            better |= a[i] < b[i];
        }
        return better;
    }

    private static List<Double> box(double[] v) {
        List<Double> l = new ArrayList<>();
        for (double d : v) {
            l.add(d);
        }
        return l;
    }
}
