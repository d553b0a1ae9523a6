package dev.ridgeline.search.bench;

import dev.ridgeline.search.eval.CompiledEvaluator;
import dev.ridgeline.search.eval.EvaluatorCompiler;
import dev.ridgeline.search.exact.ExactSolver;
import dev.ridgeline.search.exact.Ordering;
import dev.ridgeline.search.job.Job;
import dev.ridgeline.search.job.JobReader;
import dev.ridgeline.search.space.SpaceBuilder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact solver, tables already compiled: the 172 M-point benchmark space that exhaustive sweeps in
 * seconds (mid-size), the per-layer ResNet-50 space of 1.9e22 points and the per-layer EfficientNet-B0
 * space of 3.0e30 networks (two objectives), each with two elimination orders. Run from the project root:
 * ./bench.sh search ExactSolverBenchmark (the job files are read relative to it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class ExactSolverBenchmark {
    @Param({"configs/bench/mobilenet_v2_full.yaml", "configs/bench/resnet50_per_layer_exact.yaml",
        "configs/bench/efficientnet_b0_per_layer_exact.yaml"})
    public String job;

    /** How the next knob to eliminate is chosen (issue 23 measures min-fill against today's min-weight). */
    @Param({"MIN_WEIGHT", "MIN_FILL"})
    public String ordering;

    private Job parsed;
    private CompiledEvaluator evaluator;

    @Setup
    public void setUp() {
        parsed = JobReader.read(Path.of(job));
        evaluator = EvaluatorCompiler.compile(
                SpaceBuilder.build(parsed.model(), parsed.space()), parsed.setup());
    }

    @Benchmark
    public int solve() {
        return ExactSolver.withDefaults().withOrdering(Ordering.valueOf(ordering))
                .solve(evaluator, parsed.objectives(), parsed.budgets()).front().size();
    }
}
