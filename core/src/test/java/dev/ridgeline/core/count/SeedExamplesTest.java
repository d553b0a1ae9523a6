package dev.ridgeline.core.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Padding;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.op.Window;
import dev.ridgeline.core.shape.OutputSize;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.shape.ShapedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every single-layer and formula number of reference/seed-examples.md, reproduced through the
 * real path: build a model, infer its shapes, count it.
 */
class SeedExamplesTest {

    private static Model single(Shape input, Op op) {
        return Model.builder("seed").input("input", input).add(new Node("layer", op, List.of("input"))).build();
    }

    private static CostReport count(Model model, Convention convention) {
        return Counter.count(ShapeInference.infer(model, 1), convention, 4);
    }

    private static Shape outputOf(Model model, String node) {
        ShapedModel shaped = ShapeInference.infer(model, 1);
        return shaped.shapeOf(node);
    }

    private static Conv2d conv(int in, int out, int kernel, int stride, Padding padding, int groups, boolean bias) {
        return new Conv2d(in, out, Window.square(kernel, stride, padding), groups, bias);
    }

    // ---- output size (001) ----

    @Test
    void outputSizeFollowsXMinusKPlusTwoPOverSPlusOne() {
        assertEquals(112, OutputSize.sliding(224, 7, 2, 1, 3, 3, false));
        assertEquals(28, OutputSize.sliding(28, 5, 1, 1, 2, 2, false));
        assertEquals(3, OutputSize.sliding(8, 3, 2, 1, 0, 0, false));
    }

    @Test
    void convOutputSizesThroughShapeInferenceMatchTheSeeds() {
        assertEquals(Shape.of(1, 64, 112, 112), outputOf(single(Shape.of(1, 3, 224, 224), Conv2d.of(3, 64, 7, 2, 3)), "layer"));
        assertEquals(Shape.of(1, 16, 28, 28), outputOf(single(Shape.of(1, 3, 28, 28), Conv2d.of(3, 16, 5, 1, 2)), "layer"));
        // (8 - 3) / 2 + 1 = 3.5 floors to 3
        assertEquals(Shape.of(1, 4, 3, 3), outputOf(single(Shape.of(1, 1, 8, 8), Conv2d.of(1, 4, 3, 2, 0)), "layer"));
    }

    // ---- single conv layer (002, 003) ----

    @Test
    void fiveByFiveConvOn28x28x3With16FiltersHas1216ParamsAnd940800Macs() {
        Model m = single(Shape.of(1, 3, 28, 28), conv(3, 16, 5, 1, Padding.SAME, 1, true));
        CostReport r = count(m, Convention.MACS);
        assertEquals(Shape.of(1, 16, 28, 28), outputOf(m, "layer"));
        assertEquals(1_216, r.totals().params());
        assertEquals(940_800, r.totals().macs());
    }

    @Test
    void seedFlopsOfTheConvAre150PerOutputWithBiasAnd149Without() {
        Model withBias = single(Shape.of(1, 3, 28, 28), conv(3, 16, 5, 1, Padding.SAME, 1, true));
        Model noBias = single(Shape.of(1, 3, 28, 28), conv(3, 16, 5, 1, Padding.SAME, 1, false));
        assertEquals(1_881_600, count(withBias, Convention.SEED).totals().flops());
        assertEquals(1_869_056, count(noBias, Convention.SEED).totals().flops());
        assertEquals(149L * 12_544, count(noBias, Convention.SEED).totals().flops());
    }

    @Test
    void fiveByFiveConvOn96x96x3With16FiltersAlsoHas1216Params() {
        Model m = single(Shape.of(1, 3, 96, 96), conv(3, 16, 5, 1, Padding.of(0), 1, true));
        assertEquals(1_216, count(m, Convention.MACS).totals().params());
    }

    // ---- fully connected (002, 003) ----

    @Test
    void fullyConnected128To64Has8256ParamsAnd8192Macs() {
        CostReport r = count(single(Shape.of(1, 128), new Linear(128, 64, true)), Convention.MACS);
        assertEquals(8_256, r.totals().params());
        assertEquals(8_192, r.totals().macs());
    }

    @Test
    void seedFlopsOfFullyConnectedAre16320WithoutBiasAnd16384With() {
        assertEquals(16_320, count(single(Shape.of(1, 128), new Linear(128, 64, false)), Convention.SEED).totals().flops());
        assertEquals(16_384, count(single(Shape.of(1, 128), new Linear(128, 64, true)), Convention.SEED).totals().flops());
    }

    // ---- BN (003) ----

    @Test
    void batchNormHasTwoParamsPerChannelAndRunningStatisticsAreNotParams() {
        for (int c : new int[] {1, 16, 256}) {
            Model affine = single(Shape.of(1, c, 4, 4), new BatchNorm(c, true));
            assertEquals(2L * c, count(affine, Convention.MACS).totals().params());
        }
        assertEquals(0, count(single(Shape.of(1, 16, 4, 4), new BatchNorm(16, false)), Convention.MACS).totals().params());
    }

    // ---- group and depthwise-separable conv (004) ----

    @Test
    void oneByOneConvFrom3To2ChannelsHas6Params() {
        assertEquals(6, count(single(Shape.of(1, 3, 8, 8), conv(3, 2, 1, 1, Padding.NONE, 1, false)), Convention.MACS)
                .totals().params());
    }

    @Test
    void groupedOneByOneConvFrom64To2ChannelsInTwoGroupsHas64Params() {
        assertEquals(64, count(single(Shape.of(1, 64, 8, 8), conv(64, 2, 1, 1, Padding.NONE, 2, false)), Convention.MACS)
                .totals().params());
    }

    private static Model depthwiseSeparable(int size, int m, int n, int k) {
        return Model.builder("dws").input("input", Shape.of(1, m, size, size))
                .add(new Node("dw", conv(m, m, k, 1, Padding.SAME, m, false), List.of("input")))
                .add(new Node("pw", conv(m, n, 1, 1, Padding.NONE, 1, false), List.of("dw")))
                .build();
    }

    @Test
    void depthwiseSeparable3x3On256ChannelsHas67840ParamsAgainst589824() {
        CostReport sep = count(depthwiseSeparable(14, 256, 256, 3), Convention.MACS);
        CostReport std = count(single(Shape.of(1, 256, 14, 14), conv(256, 256, 3, 1, Padding.SAME, 1, false)),
                Convention.MACS);
        assertEquals(2_304, sep.layers().get(0).cost().params());
        assertEquals(65_536, sep.layers().get(1).cost().params());
        assertEquals(67_840, sep.totals().params());
        assertEquals(589_824, std.totals().params());
    }

    @Test
    void depthwiseSeparableCostsOneOverNPlusOneOverKSquared() {
        int n = 256;
        int k = 3;
        long sep = count(depthwiseSeparable(14, n, n, k), Convention.MACS).totals().params();
        long std = count(single(Shape.of(1, n, 14, 14), conv(n, n, k, 1, Padding.SAME, 1, false)), Convention.MACS)
                .totals().params();
        // sep / std == 1/N + 1/K^2  <=>  sep * N * K^2 == std * (K^2 + N)
        assertEquals(std * (k * k + n), sep * n * k * k);
        assertEquals(1.0 / n + 1.0 / (k * k), (double) sep / std, 1e-15);
    }

    @Test
    void depthwiseMacsAreMSquaredK2CinAndPointwiseMacsAreMSquaredCinCout() {
        int mOut = 14;
        int cin = 32;
        int cout = 64;
        int k = 3;
        CostReport r = count(depthwiseSeparable(mOut, cin, cout, k), Convention.MACS);
        long depthwise = (long) mOut * mOut * k * k * cin;
        long pointwise = (long) mOut * mOut * cin * cout;
        assertEquals(56_448, depthwise);
        assertEquals(401_408, pointwise);
        assertEquals(depthwise, r.layers().get(0).cost().macs());
        assertEquals(pointwise, r.layers().get(1).cost().macs());
        assertEquals(depthwise + pointwise, r.totals().macs());
    }

    // ---- Inception (3b), input 28x28x256, same padding, no bias (001) ----

    private static final Shape INCEPTION_IN = Shape.of(1, 256, 28, 28);

    private static Model.Builder inception() {
        return Model.builder("inception3b").input("input", INCEPTION_IN);
    }

    private static Node sameConv(String name, int in, int out, int k, String from) {
        return new Node(name, conv(in, out, k, 1, Padding.SAME, 1, false), List.of(from));
    }

    @Test
    void inceptionThreeByThreeBranchCosts346816512MacsBeforeAnd99549184AfterReduction() {
        Model before = inception().add(sameConv("b3", 256, 192, 3, "input")).build();
        Model after = inception().add(sameConv("reduce", 256, 64, 1, "input"))
                .add(sameConv("b3", 64, 192, 3, "reduce")).build();
        assertEquals(346_816_512, count(before, Convention.MACS).totals().macs());
        CostReport r = count(after, Convention.MACS);
        assertEquals(12_845_056, r.layers().get(0).cost().macs());
        assertEquals(86_704_128, r.layers().get(1).cost().macs());
        assertEquals(99_549_184, r.totals().macs());
    }

    @Test
    void inceptionFiveByFiveBranchCosts481689600MacsBeforeAnd133267456AfterReduction() {
        Model before = inception().add(sameConv("b5", 256, 96, 5, "input")).build();
        Model after = inception().add(sameConv("reduce", 256, 64, 1, "input"))
                .add(sameConv("b5", 64, 96, 5, "reduce")).build();
        assertEquals(481_689_600, count(before, Convention.MACS).totals().macs());
        CostReport r = count(after, Convention.MACS);
        assertEquals(120_422_400, r.layers().get(1).cost().macs());
        assertEquals(133_267_456, r.totals().macs());
    }

    @Test
    void twoThreeByThreeConvsInsteadOfFiveByFiveCost99549184AsTheSeedsCountThem() {
        // the seeds' arithmetic is 12,845,056 + 2 * 28^2 * 9 * 64 * 96: each 3x3 counted as 64 -> 96
        Model m = inception().add(sameConv("reduce", 256, 64, 1, "input"))
                .add(sameConv("a", 64, 96, 3, "reduce"))
                .add(sameConv("b", 64, 96, 3, "reduce"))
                .build();
        CostReport r = count(m, Convention.MACS);
        assertEquals(43_352_064, r.layers().get(1).cost().macs());
        assertEquals(12_845_056 + 2 * 43_352_064L, r.totals().macs());
        assertEquals(99_549_184, r.totals().macs());
    }

    @Test
    void inceptionParamsDropFrom1089536To346112WithOneByOneReductions() {
        Model before = inception()
                .add(sameConv("b1", 256, 128, 1, "input"))
                .add(sameConv("b3", 256, 192, 3, "input"))
                .add(sameConv("b5", 256, 96, 5, "input"))
                .add(new Node("cat", new Concat(1), List.of("b1", "b3", "b5")))
                .build();
        Model after = inception()
                .add(sameConv("b1", 256, 128, 1, "input"))
                .add(sameConv("r3", 256, 64, 1, "input"))
                .add(sameConv("b3", 64, 192, 3, "r3"))
                .add(sameConv("r5", 256, 64, 1, "input"))
                .add(sameConv("b5", 64, 96, 5, "r5"))
                .add(new Node("pool", new Pool2d(true, Window.square(3, 1, 1), false, true), List.of("input")))
                .add(sameConv("proj", 256, 64, 1, "pool"))
                .add(new Node("cat", new Concat(1), List.of("b1", "b3", "b5", "proj")))
                .build();
        assertEquals(1_089_536, count(before, Convention.MACS).totals().params());
        assertEquals(32_768 + 16_384 + 110_592 + 16_384 + 153_600 + 16_384, count(after, Convention.MACS).totals().params());
        assertEquals(346_112, count(after, Convention.MACS).totals().params());
        // GoogLeNet's 3b: 128 + 192 + 96 + 64 = 480 channels out
        assertEquals(Shape.of(1, 480, 28, 28), outputOf(after, "cat"));
    }

    // ---- FC vs global average pooling (001) ----

    @Test
    void vgg16FirstFullyConnectedLayerHolds102764544Params() {
        Model m = Model.builder("vgg-fc6").input("input", Shape.of(1, 512, 7, 7))
                .add(new Node("flatten", new Flatten(1), List.of("input")))
                .add(new Node("fc6", new Linear(7 * 7 * 512, 4096, true), List.of("flatten")))
                .build();
        assertEquals(102_764_544, count(m, Convention.MACS).totals().params());
    }

    // ---- hardware (003) ----

    @Test
    void macsAreHalfOfPytorchFlops() {
        Model m = depthwiseSeparable(14, 32, 64, 3);
        CostReport pytorch = count(m, Convention.PYTORCH);
        assertEquals(2 * pytorch.totals().macs(), pytorch.totals().flops());
        assertEquals(2 * (56_448 + 401_408), pytorch.totals().flops());
    }

    @Test
    void modelSizeIsParamsTimesFourBytesAtFp32() {
        Model m = single(Shape.of(1, 128), new Linear(128, 64, true));
        CostReport fp32 = Counter.count(ShapeInference.infer(m, 1), Convention.MACS, 4);
        CostReport int8 = Counter.count(ShapeInference.infer(m, 1), Convention.MACS, 1);
        assertEquals(8_256L * 4, fp32.weightBytes());
        assertEquals(8_256L, int8.weightBytes());
    }
}
