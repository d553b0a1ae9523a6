package dev.ridgeline.core.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.GlobalAvgPool;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.shape.ShapeInference;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Params and MACs grow with channel counts; depthwise-separable convs keep their exact cost ratio. */
class ChannelGrowthPropertiesTest {

    private static CostReport count(Model model, Convention convention) {
        return Counter.count(ShapeInference.infer(model, 1), convention, 4);
    }

    private static Model single(Shape input, Op op) {
        return Model.builder("m").input("input", input).add(new Node("layer", op, List.of("input"))).build();
    }

    private static Conv2d conv(int in, int out, int k, int stride, int groups, boolean bias) {
        return new Conv2d(in, out, Window.square(k, stride, Padding.SAME), groups, bias);
    }

    @Property(tries = 500)
    void convParamsAndMacsGrowWithEitherChannelCount(@ForAll @IntRange(min = 1, max = 256) int cin,
                                                     @ForAll @IntRange(min = 1, max = 256) int cout,
                                                     @ForAll @IntRange(min = 1, max = 64) int more,
                                                     @ForAll @IntRange(min = 1, max = 7) int k,
                                                     @ForAll @IntRange(min = 1, max = 3) int stride,
                                                     @ForAll @IntRange(min = 1, max = 32) int size,
                                                     @ForAll boolean bias) {
        Cost base = count(single(Shape.of(1, cin, size, size), conv(cin, cout, k, stride, 1, bias)), Convention.MACS)
                .totals();
        Cost wider = count(single(Shape.of(1, cin, size, size), conv(cin, cout + more, k, stride, 1, bias)),
                Convention.MACS).totals();
        Cost deeperInput = count(single(Shape.of(1, cin + more, size, size), conv(cin + more, cout, k, stride, 1, bias)),
                Convention.MACS).totals();
        assertTrue(wider.params() > base.params() && wider.macs() > base.macs(), "more output channels");
        assertTrue(deeperInput.params() > base.params() && deeperInput.macs() > base.macs(), "more input channels");
    }

    @Property(tries = 500)
    void linearParamsAndMacsGrowWithEitherFeatureCount(@ForAll @IntRange(min = 1, max = 4096) int in,
                                                       @ForAll @IntRange(min = 1, max = 4096) int out,
                                                       @ForAll @IntRange(min = 1, max = 512) int more,
                                                       @ForAll @IntRange(min = 1, max = 8) int batch,
                                                       @ForAll boolean bias) {
        Cost base = Counter.count(ShapeInference.infer(single(Shape.of(1, in), new Linear(in, out, bias)), batch),
                Convention.MACS, 4).totals();
        Cost wider = Counter.count(ShapeInference.infer(single(Shape.of(1, in), new Linear(in, out + more, bias)), batch),
                Convention.MACS, 4).totals();
        Cost longer = Counter.count(ShapeInference.infer(
                single(Shape.of(1, in + more), new Linear(in + more, out, bias)), batch), Convention.MACS, 4).totals();
        assertTrue(wider.params() > base.params() && wider.macs() > base.macs());
        assertTrue(longer.params() > base.params() && longer.macs() > base.macs());
    }

    /** conv 3 -> c1, BN, ReLU, conv c1 -> c2 (stride 2), global pool, flatten, linear c2 -> 10. */
    private static Model smallNetwork(int c1, int c2, int size) {
        return Model.builder("small").input("input", Shape.of(1, 3, size, size))
                .add(new Node("conv1", conv(3, c1, 3, 1, 1, false), List.of("input")))
                .add(new Node("bn1", new BatchNorm(c1, true), List.of("conv1")))
                .add(new Node("relu1", Activation.relu(), List.of("bn1")))
                .add(new Node("conv2", conv(c1, c2, 3, 2, 1, true), List.of("relu1")))
                .add(new Node("gap", new GlobalAvgPool(), List.of("conv2")))
                .add(new Node("flatten", new Flatten(1), List.of("gap")))
                .add(new Node("fc", new Linear(c2, 10, true), List.of("flatten")))
                .build();
    }

    @Property(tries = 200)
    void wholeNetworkParamsMacsAndFlopsNeverDecreaseWhenAChannelCountGrows(
            @ForAll @IntRange(min = 1, max = 128) int c1, @ForAll @IntRange(min = 1, max = 128) int c2,
            @ForAll @IntRange(min = 1, max = 32) int more, @ForAll @IntRange(min = 4, max = 32) int size,
            @ForAll boolean growFirst) {
        Model base = smallNetwork(c1, c2, size);
        Model grown = growFirst ? smallNetwork(c1 + more, c2, size) : smallNetwork(c1, c2 + more, size);
        for (Convention convention : Convention.values()) {
            Cost a = count(base, convention).totals();
            Cost b = count(grown, convention).totals();
            assertTrue(b.params() > a.params(), convention + " params");
            assertTrue(b.macs() > a.macs(), convention + " macs");
            assertTrue(b.flops() >= a.flops(), convention + " flops");
            assertTrue(b.activations() >= a.activations(), convention + " activations");
        }
    }

    @Provide
    Arbitrary<Integer> oddKernels() {
        return Arbitraries.integers().between(0, 5).map(i -> 2 * i + 1);
    }

    @Property(tries = 300)
    void depthwiseSeparableCostsOneOverNPlusOneOverKSquaredOfAStandardConv(
            @ForAll @IntRange(min = 1, max = 512) int n, @ForAll("oddKernels") int k,
            @ForAll @IntRange(min = 1, max = 12) int size) {
        // M = N: depthwise K x K on N channels, then pointwise N -> N, against a standard K x K conv N -> N
        Model separable = Model.builder("sep").input("input", Shape.of(1, n, size, size))
                .add(new Node("dw", conv(n, n, k, 1, n, false), List.of("input")))
                .add(new Node("pw", conv(n, n, 1, 1, 1, false), List.of("dw")))
                .build();
        Model standard = single(Shape.of(1, n, size, size), conv(n, n, k, 1, 1, false));
        Cost sep = count(separable, Convention.MACS).totals();
        Cost std = count(standard, Convention.MACS).totals();
        long k2 = (long) k * k;
        // sep / std == 1/N + 1/K^2 as rationals: sep * N * K^2 == std * (K^2 + N)
        assertEquals(std.params() * (k2 + n), sep.params() * n * k2);
        // with "same" padding every layer has size x size outputs, so the MACs keep the same ratio
        assertEquals(std.macs() * (k2 + n), sep.macs() * n * k2);
        assertEquals(k2 * n + (long) n * n, sep.params());
    }
}
