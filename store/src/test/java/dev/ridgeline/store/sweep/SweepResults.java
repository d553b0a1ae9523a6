package dev.ridgeline.store.sweep;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.pareto.ParetoPoint;
import dev.ridgeline.search.run.RecordedPoints;
import dev.ridgeline.search.run.SweepResult;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.strategy.Shard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sweep results built by hand, for testing the writers without running a sweep. */
public final class SweepResults {
    public static final Path RESNET18_T4 = Path.of("configs/jobs/resnet18_t4.yaml");

    private SweepResults() {
    }

    public static Job resnet18() {
        return JobReader.read(RESNET18_T4);
    }

    /** A job file written to {@code dir}; returns the job read from it. */
    public static Job job(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, yaml);
        return JobReader.read(file);
    }

    public static ResolvedSpace space(Job job) {
        return SpaceBuilder.build(job.model(), job.space());
    }

    /** A space of abstract knobs named k0, k1, ... with these labels each. */
    public static ResolvedSpace abstractSpace(Job job, int knobs, List<String> labels) {
        List<Knob> list = new ArrayList<>();
        for (int k = 0; k < knobs; k++) {
            list.add(new Knob("k" + k, labels, new KnobTarget.Abstract()));
        }
        return new ResolvedSpace(job.model(), new DesignSpace(list), null, Map.of());
    }

    /** Metrics in {@link Metric} order: params, macs, flops, latencySeconds, peakActivationBytes, weightBytes. */
    public static double[] metrics(double params, double macs, double flops, double latency, double peak, double weights) {
        return new double[] {params, macs, flops, latency, peak, weights};
    }

    public static ParetoPoint point(double[] metrics, int... choices) {
        return new ParetoPoint(metrics, choices);
    }

    public static SweepResult result(Job job, ResolvedSpace space, long evaluated, long feasible, List<ParetoPoint> front,
                              Optional<ParetoPoint> closest, Optional<RecordedPoints> points) {
        double[] base = metrics(11_689_512, 1_814_083_944, 1_814_083_944, Double.NaN, 3_211_264, 23_379_024);
        return new SweepResult(job, space, Shard.ALL, evaluated, feasible, front, 2.5, closest, points,
                "exhaustive", base);
    }
}
