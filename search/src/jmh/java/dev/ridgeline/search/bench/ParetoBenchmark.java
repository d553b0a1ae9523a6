package dev.ridgeline.search.bench;

import dev.ridgeline.search.eval.Goal;
import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.Objective;
import dev.ridgeline.search.pareto.ParetoArchive;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Offers per second into a {@link ParetoArchive} on the points of an exhaustive sweep, in the sweep's
 * mixed-radix order or shuffled: a 6-knob space (width, blocks, resolution, kernel, expansion, precision; 13,824 points)
 * with roofline-shaped metrics and 10% latency noise. Objectives: latency min and MACs max (2-D), plus peak
 * activation bytes min (3-D). {@code sweep} builds the front from empty (entries and evictions included);
 * {@code offerDominated} offers each point 1% slower to the finished front, the common case of a sweep,
 * which should allocate nothing (check with {@code -prof gc}: gc.alloc.rate.norm near 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParetoBenchmark {
    private static final int[] RADIX = {8, 6, 8, 3, 4, 3};
    private static final int POINTS = 8 * 6 * 8 * 3 * 4 * 3;

    @Param({"2", "3"})
    public int objectives;

    /** The sweep's mixed-radix order, or a random permutation of it (as a sampling strategy would offer). */
    @Param({"sweep", "shuffled"})
    public String order;

    private List<Objective> goals;
    private double[][] metrics;
    private double[][] slower;
    private int[][] choices;
    private ParetoArchive finished;

    @Setup
    public void setUp() {
        goals = List.of(new Objective(Metric.LATENCY_SECONDS, Goal.MIN), new Objective(Metric.MACS, Goal.MAX),
                new Objective(Metric.PEAK_ACTIVATION_BYTES, Goal.MIN)).subList(0, objectives);
        metrics = new double[POINTS][];
        slower = new double[POINTS][];
        choices = new int[POINTS][];
        SplittableRandom random = new SplittableRandom(42);
        int[] c = new int[RADIX.length];
        for (int i = 0; i < POINTS; i++) {
            choices[i] = c.clone();
            metrics[i] = evaluate(c, random);
            slower[i] = metrics[i].clone();
            slower[i][Metric.LATENCY_SECONDS.ordinal()] *= 1.01;
            for (int k = RADIX.length - 1; k >= 0 && ++c[k] == RADIX[k]; k--) {
                c[k] = 0;
            }
        }
        if (order.equals("shuffled")) {
            for (int i = POINTS - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                swap(metrics, i, j);
                swap(slower, i, j);
                swap(choices, i, j);
            }
        }
        finished = new ParetoArchive(goals);
        for (int i = 0; i < POINTS; i++) {
            finished.offer(metrics[i], choices[i]);
        }
        System.out.println("front of " + finished.size() + " points out of " + POINTS + " for " + goals);
    }

    private static <T> void swap(T[] array, int i, int j) {
        T t = array[i];
        array[i] = array[j];
        array[j] = t;
    }

    /** A MobileNet-like stack: width multiplier, blocks per stage, resolution, kernel, expansion, precision. */
    private static double[] evaluate(int[] c, SplittableRandom random) {
        double width = 0.25 * (c[0] + 1);
        int blocks = c[1] + 1;
        int resolution = 96 + 32 * c[2];
        int kernel = 3 + 2 * c[3];
        int expansion = new int[] {1, 2, 4, 6}[c[4]];
        int bytesPerValue = new int[] {1, 2, 4}[c[5]];
        double channels = 32 * width;
        double params = 4 * blocks * channels * channels * expansion * (2 + kernel * kernel / channels);
        double pixels = (double) resolution * resolution / 16;
        double macs = params * pixels;
        double peakActivation = channels * expansion * pixels * 4 * bytesPerValue;
        double weightBytes = params * bytesPerValue;
        double opsPerSecond = 4e12 / bytesPerValue;
        double bytesMoved = weightBytes + 2 * blocks * peakActivation;
        double latency = Math.max(2 * macs / opsPerSecond, bytesMoved / 50e9) * (1 + 0.1 * random.nextDouble());
        double[] m = new double[Metric.COUNT];
        m[Metric.PARAMS.ordinal()] = params;
        m[Metric.MACS.ordinal()] = macs;
        m[Metric.FLOPS.ordinal()] = 2 * macs;
        m[Metric.LATENCY_SECONDS.ordinal()] = latency;
        m[Metric.PEAK_ACTIVATION_BYTES.ordinal()] = peakActivation;
        m[Metric.WEIGHT_BYTES.ordinal()] = weightBytes;
        return m;
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public int sweep() {
        ParetoArchive archive = new ParetoArchive(goals);
        int entered = 0;
        for (int i = 0; i < POINTS; i++) {
            entered += archive.offer(metrics[i], choices[i]) ? 1 : 0;
        }
        return entered + archive.size();
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public int offerDominated() {
        int entered = 0;
        for (int i = 0; i < POINTS; i++) {
            entered += finished.offer(slower[i], choices[i]) ? 1 : 0;
        }
        return entered;
    }
}
