package dev.ridgeline.core.bench;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.shape.ShapedModel;
import dev.ridgeline.core.zoo.Zoo;
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
 * Steady-state cost of counting a zoo model that is already built: shape inference plus counting
 * (the whole `analyze` path after parsing), and counting alone on inferred shapes.
 * Run: see README ("Benchmarks").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CountBenchmark {
    @Param({"resnet50", "mobilenet_v2"})
    public String model;

    @Param({"macs", "ptflops"})
    public String convention;

    private Model built;
    private ShapedModel shaped;
    private Convention rule;

    @Setup
    public void setUp() {
        built = Zoo.load(model);
        shaped = ShapeInference.infer(built, 1);
        rule = Convention.byId(convention).orElseThrow();
    }

    @Benchmark
    public CostReport inferAndCount() {
        return Counter.count(ShapeInference.infer(built, 1), rule, 4);
    }

    @Benchmark
    public CostReport countOnly() {
        return Counter.count(shaped, rule, 4);
    }
}
