package dev.ridgeline.search.bench;

import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The compiled evaluator on the benchmark job's MobileNetV2 space (172 M points): a point evaluated
 * afresh, and the next point of an odometer walk evaluated sequentially (what exhaustive sweeps do), with
 * and without peak memory.
 * Run from the project root: ./bench.sh search EvaluatorBenchmark (the job file is read relative to it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvaluatorBenchmark {
    private CompiledEvaluator evaluator;
    private PointEvaluator.Sequential sequential;
    private PointEvaluator.Sequential lean;
    private DesignSpace space;
    private final double[] metrics = new double[Metric.COUNT];
    private int[] choices;
    private int changed;

    @Setup
    public void setUp() {
        Job job = JobReader.read(Path.of("configs/bench/mobilenet_v2_full.yaml"));
        ResolvedSpace resolved = SpaceBuilder.build(job.model(), job.space());
        evaluator = EvaluatorCompiler.compile(resolved, job.setup());
        sequential = evaluator.sequential();
        lean = evaluator.withoutPeakMemory().sequential();
        space = resolved.space();
        choices = new int[space.knobCount()];
    }

    @Benchmark
    public double fresh() {
        evaluator.evaluate(choices, metrics);
        step();
        return metrics[Metric.LATENCY_SECONDS.ordinal()];
    }

    @Benchmark
    public double sequentialWalk() {
        sequential.evaluate(choices, changed, metrics);
        step();
        return metrics[Metric.LATENCY_SECONDS.ordinal()];
    }

    /** The walk the benchmark job's sweep runs: no objective or budget uses peak memory, so it is skipped. */
    @Benchmark
    public double sequentialWalkWithoutPeakMemory() {
        lean.evaluate(choices, changed, metrics);
        step();
        return metrics[Metric.LATENCY_SECONDS.ordinal()];
    }

    private void step() {
        changed = space.next(choices);
        if (changed < 0) {
            changed = 0;
        }
    }
}
