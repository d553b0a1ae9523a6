package dev.ridgeline.measure.calibrate;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.search.apply.DesignApplier;
import dev.ridgeline.search.space.ResolvedSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The stratified calibration set: stacks of {@value #DEPTH} identical fused blocks (so that one inference call's
 * fixed cost is shared by several kernels) of dense convs of varied kernel, width and map size, depthwise convs,
 * pointwise convs, linear layers and pooling, then whole networks from the zoo at reduced resolutions (96 to
 * 192). None of them is a design of the validation spaces, whose designs run at 224.
 */
public final class Benchmarks {
    static final int DEPTH = 4;

    private Benchmarks() {
    }

    public static List<Benchmark> standard() {
        List<Benchmark> out = new ArrayList<>();
        int[][] dense = {{16, 112, 3}, {32, 56, 3}, {64, 56, 3}, {64, 28, 5}, {128, 28, 3}, {128, 14, 5},
            {256, 14, 3}, {32, 112, 5}, {96, 28, 7}, {192, 14, 3}, {64, 56, 5}, {256, 14, 5}, {48, 56, 3}};
        for (int[] d : dense) {
            out.add(convStack("conv", d[0], d[1], d[2], 1));
        }
        int[][] depthwise = {{32, 112, 3}, {96, 56, 3}, {144, 56, 5}, {192, 28, 3}, {384, 14, 3}, {576, 14, 7},
            {960, 7, 5}, {240, 28, 7}};
        for (int[] d : depthwise) {
            out.add(convStack("depthwise", d[0], d[1], d[2], d[0]));
        }
        int[][] pointwise = {{32, 112}, {64, 56}, {144, 28}, {320, 14}, {640, 7}, {96, 56}};
        for (int[] d : pointwise) {
            out.add(convStack("pointwise", d[0], d[1], 1, 1));
        }
        for (int features : new int[] {256, 1024, 2048}) {
            out.add(linearStack(features));
        }
        for (int[] d : new int[][] {{64, 56}, {32, 112}, {256, 14}}) {
            out.add(poolStack(d[0], d[1]));
        }
        for (int resolution : new int[] {128, 192}) {
            out.add(network("mobilenet_v1", resolution));
        }
        for (int resolution : new int[] {96, 128, 160, 192}) {
            out.add(network("mobilenet_v2", resolution));
            out.add(network("resnet18", resolution));
        }
        return out;
    }

    private static Benchmark convStack(String kind, int channels, int size, int kernel, int groups) {
        Model.Builder b = Model.builder(kind).input("input", Shape.of(1, channels, size, size));
        String previous = "input";
        for (int i = 0; i < DEPTH; i++) {
            String c = "block" + i + ".conv";
            b.add(new Node(c, new Conv2d(channels, channels, Window.square(kernel, 1, Padding.SAME), groups, false),
                    List.of(previous)));
            b.add(new Node("block" + i + ".bn", new BatchNorm(channels, true), List.of(c)));
            b.add(new Node("block" + i + ".relu", Activation.relu(), List.of("block" + i + ".bn")));
            previous = "block" + i + ".relu";
        }
        return new Benchmark(String.format("%s c%d %dx%d k%d", kind, channels, size, size, kernel), kind, b.build(),
                1);
    }

    private static Benchmark linearStack(int features) {
        Model.Builder b = Model.builder("linear").input("input", Shape.of(1, features));
        String previous = "input";
        for (int i = 0; i < DEPTH; i++) {
            b.add(new Node("fc" + i, new Linear(features, features, true), List.of(previous)));
            b.add(new Node("relu" + i, Activation.relu(), List.of("fc" + i)));
            previous = "relu" + i;
        }
        return new Benchmark("linear " + features, "linear", b.build(), 8);
    }

    private static Benchmark poolStack(int channels, int size) {
        Model.Builder b = Model.builder("pool").input("input", Shape.of(1, channels, size, size));
        String previous = "input";
        for (int i = 0; i < DEPTH; i++) {
            b.add(new Node("pool" + i, Pool2d.max(3, 1, 1), List.of(previous)));
            previous = "pool" + i;
        }
        return new Benchmark(String.format("maxpool c%d %dx%d", channels, size, size), "pooling", b.build(), 1);
    }

    /**
     * {@code count} random designs (seeded) of the given spaces, taken in turn, run at {@code resolution}: the
     * kinds of network the profile will predict, at a resolution the validation (224) never uses.
     */
    public static List<Benchmark> designs(List<ResolvedSpace> spaces, int count, long seed, int resolution) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Benchmark> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ResolvedSpace space = spaces.get(i % spaces.size());
            int[] choices = new int[space.space().knobCount()];
            for (int k = 0; k < choices.length; k++) {
                choices[k] = random.nextInt(space.space().choices(k));
            }
            Model design = new DesignApplier(space).apply(choices);
            out.add(new Benchmark(design.name() + " " + Arrays.toString(choices) + " at " + resolution, "network",
                    atResolution(design, resolution), 1));
        }
        return out;
    }

    private static Benchmark network(String zoo, int resolution) {
        return new Benchmark(zoo + " " + resolution, "network", atResolution(Zoo.load(zoo), resolution), 1);
    }

    private static Model atResolution(Model base, int resolution) {
        Shape in = base.inputs().get(0).shape();
        Model.Builder b = Model.builder(base.name()).description(base.description())
                .input(base.inputs().get(0).name(), Shape.of(1, in.channels(), resolution, resolution));
        base.nodes().forEach(b::add);
        base.outputs().forEach(b::output);
        return b.build();
    }
}
