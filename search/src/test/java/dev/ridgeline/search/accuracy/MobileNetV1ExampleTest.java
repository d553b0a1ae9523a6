package dev.ridgeline.search.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.job.StrategySpec;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.run.SweepRunner;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.strategy.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/accuracy.md: TF-slim's MobileNetV1 checkpoints (4 widths x 4 resolutions), a
 * predictor fitted on 6 of them, checked on the other 10 against the published top-1.
 */
class MobileNetV1ExampleTest {
    static final Path JOB = Path.of("configs/jobs/mobilenet_v1_accuracy.yaml");
    static final Path TABLE = Path.of("configs/jobs/mobilenet_v1_tfslim_top1.csv");

    @Test
    void sixMeasuredDesignsPredictTheOtherTenWithinAPointAndInOrder() throws IOException {
        Job job = JobReader.read(JOB);
        ResolvedSpace space = job.resolveSpace();
        AccuracyPredictor predictor = job.accuracy().orElseThrow().fit(space.space());
        assertEquals(6, predictor.designs());
        List<MeasuredDesign> table = MeasuredDesigns.parse(TABLE.toString(), Files.readString(TABLE), space.space());
        assertEquals(16, table.size());
        List<MeasuredDesign> fitted = MeasuredDesigns.parse("measured", job.accuracy().get().text(), space.space());
        List<double[]> heldOut = new ArrayList<>();
        for (MeasuredDesign d : table) {
            if (fitted.stream().noneMatch(f -> Arrays.equals(f.choices(), d.choices()))) {
                heldOut.add(new double[] {predictor.predict(d.choices()), d.accuracy()});
                assertTrue(!predictor.extrapolated(d.choices()), "the six span the grid: nothing is extrapolated");
            }
        }
        assertEquals(10, heldOut.size());
        double[] errors = heldOut.stream().mapToDouble(p -> Math.abs(p[0] - p[1])).sorted().toArray();
        double median = (errors[4] + errors[5]) / 2;
        double spearman = spearman(heldOut.stream().mapToDouble(p -> p[0]).toArray(),
                heldOut.stream().mapToDouble(p -> p[1]).toArray());
        assertTrue(median <= 1.0, "median absolute error " + median + " of " + Arrays.toString(errors));
        assertTrue(spearman >= 0.95, "Spearman " + spearman);
        assertTrue(predictor.looRmse() > 0 && Double.isFinite(predictor.looRmse()), "a leave-one-out error is stated");
    }

    @Test
    void aSweepWithAnAccuracyBudgetKeepsOnlyDesignsPredictedAboveIt() {
        Job job = JobReader.read(JOB);
        SweepResult r = SweepRunner.run(job, Shard.ALL, true, 1, p -> { });
        assertEquals(16, r.evaluated());
        assertTrue(r.accuracy().isPresent());
        assertTrue(!r.front().isEmpty());
        for (ParetoPoint p : r.front()) {
            assertTrue(p.metrics()[Metric.ACCURACY.ordinal()] >= 60, "budget min 60");
            assertEquals(r.accuracy().get().predict(p.choices()), p.metrics()[Metric.ACCURACY.ordinal()]);
        }
        // the exact strategy, on the additive predictor's terms, finds the same front
        SweepResult exact = SweepRunner.run(job.withStrategy(new StrategySpec.Exact(0, 0)), Shard.ALL, false, 1,
                p -> { });
        assertEquals(r.front().size(), exact.front().size());
        for (int i = 0; i < r.front().size(); i++) {
            assertArrayEquals(r.front().get(i).choices(), exact.front().get(i).choices());
            assertEquals(r.front().get(i).metrics()[Metric.ACCURACY.ordinal()],
                    exact.front().get(i).metrics()[Metric.ACCURACY.ordinal()]);
        }
    }

    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }

    /** Ranks from 1, ties sharing their mean rank. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length;) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }
}
