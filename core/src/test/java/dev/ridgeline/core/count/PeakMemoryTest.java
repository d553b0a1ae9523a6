package dev.ridgeline.core.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Node;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.op.Activation;
import dev.ridgeline.core.op.ActivationKind;
import dev.ridgeline.core.op.BatchNorm;
import dev.ridgeline.core.op.Concat;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.op.Flatten;
import dev.ridgeline.core.op.Linear;
import dev.ridgeline.core.op.Pool2d;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.shape.ShapedModel;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Peak live activation memory ({@link Liveness} through {@link Counter}) and what batch does to a report. */
class PeakMemoryTest {

    private static CostReport count(Model model, int batch, Convention convention) {
        return Counter.count(ShapeInference.infer(model, batch), convention, 4);
    }

    private static long peak(Model model) {
        return count(model, 1, Convention.MACS).peakActivationBytes();
    }

    /** input 1x3x32x32 -> conv 3->16 (32x32) -> conv 16->32 s2 (16x16) -> conv 32->64 s2 (8x8), optional ReLUs. */
    private static Model chain(Activation afterFirst, Activation afterSecond) {
        Model.Builder b = Model.builder("chain").input("input", Shape.of(1, 3, 32, 32));
        String prev = "input";
        b.add(new Node("c1", Conv2d.of(3, 16, 3, 1, 1), List.of(prev)));
        prev = "c1";
        if (afterFirst != null) {
            b.add(new Node("r1", afterFirst, List.of(prev)));
            prev = "r1";
        }
        b.add(new Node("c2", Conv2d.of(16, 32, 3, 2, 1), List.of(prev)));
        prev = "c2";
        if (afterSecond != null) {
            b.add(new Node("r2", afterSecond, List.of(prev)));
            prev = "r2";
        }
        b.add(new Node("c3", Conv2d.of(32, 64, 3, 2, 1), List.of(prev)));
        return b.build();
    }

    @Example
    void plainChainPeaksAtTheLargestInputPlusOutputPair() {
        long inputPlusC1 = 3 * 32 * 32 + 16 * 32 * 32;   // 3,072 + 16,384
        long c1PlusC2 = 16 * 32 * 32 + 32 * 16 * 16;     // 16,384 + 8,192 = 24,576
        long c2PlusC3 = 32 * 16 * 16 + 64 * 8 * 8;       // 8,192 + 4,096
        long expected = 4 * Math.max(inputPlusC1, Math.max(c1PlusC2, c2PlusC3));
        assertEquals(98_304, expected);
        assertEquals(expected, peak(chain(null, null)));
    }

    @Example
    void inPlaceReluAddsNothingButAnOutOfPlaceReluHoldsACopy() {
        Activation inPlace = new Activation(ActivationKind.RELU, true);
        assertEquals(peak(chain(null, null)), peak(chain(inPlace, inPlace)));
        // out of place, r1 and c1 (16,384 elements each) are live together
        assertEquals(4L * (16_384 + 16_384), peak(chain(Activation.relu(), Activation.relu())));
    }

    @Example
    void inPlaceLayersAddNoFeatureMapToTheSeedsSum() {
        Activation inPlace = new Activation(ActivationKind.RELU, true);
        long plain = count(chain(null, null), 1, Convention.MACS).featureMapElements();
        assertEquals(16_384 + 8_192 + 4_096, plain);
        assertEquals(plain, count(chain(inPlace, inPlace), 1, Convention.MACS).featureMapElements());
        assertEquals(plain + 16_384 + 8_192, count(chain(Activation.relu(), Activation.relu()), 1, Convention.MACS)
                .featureMapElements());
    }

    @Property(tries = 300)
    void anyPlainChainOfConvsPeaksAtItsLargestAdjacentPair(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 48) Integer> channels,
            @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 1, max = 2) Integer> strides,
            @ForAll @IntRange(min = 1, max = 3) int inChannels, @ForAll @IntRange(min = 8, max = 40) int size) {
        Model.Builder b = Model.builder("chain").input("input", Shape.of(1, inChannels, size, size));
        String prev = "input";
        int c = inChannels;
        for (int i = 0; i < channels.size(); i++) {
            b.add(new Node("c" + i, Conv2d.of(c, channels.get(i), 3, strides.get(i), 1), List.of(prev)));
            prev = "c" + i;
            c = channels.get(i);
        }
        Model model = b.build();
        ShapedModel shaped = ShapeInference.infer(model, 1);
        long expected = 0;
        long previous = shaped.shapeOf("input").numel();
        for (int i = 0; i < channels.size(); i++) {
            long out = shaped.outputShape(i).numel();
            expected = Math.max(expected, previous + out);
            previous = out;
        }
        assertEquals(4 * expected, Counter.count(shaped, Convention.MACS, 4).peakActivationBytes());
    }

    /** Three layers of growth 4 over a 1x4x8x8 input; DenseNet-style, each reads the concatenation of all before it. */
    private static Model denseBlock() {
        Model.Builder b = Model.builder("dense").input("input", Shape.of(1, 4, 8, 8));
        List<String> features = new ArrayList<>(List.of("input"));
        String in = "input";
        for (int i = 1; i <= 3; i++) {
            b.add(new Node("l" + i, Conv2d.of(4 * i, 4, 3, 1, 1), List.of(in)));
            features.add("l" + i);
            b.add(new Node("cat" + i, new Concat(1), List.copyOf(features)));
            in = "cat" + i;
        }
        return b.build();
    }

    /** The same per-layer outputs (4 channels of 8x8) without reuse. */
    private static Model plainBlock() {
        return Model.builder("plain").input("input", Shape.of(1, 4, 8, 8))
                .add(new Node("l1", Conv2d.of(4, 4, 3, 1, 1), List.of("input")))
                .add(new Node("l2", Conv2d.of(4, 4, 3, 1, 1), List.of("l1")))
                .add(new Node("l3", Conv2d.of(4, 4, 3, 1, 1), List.of("l2")))
                .build();
    }

    @Example
    void denseFeatureReuseCostsMorePeakMemoryThanAPlainChain() {
        // each map is 256 elements; the plain chain holds two at once
        assertEquals(4L * (256 + 256), peak(plainBlock()));
        // dense: input, l1, l2, l3 (256 each) stay live to the last concat, cat2 (768) is live while l3 runs,
        // and at the end cat3 (1,024) is written while input, l1, l2, l3 are still live
        long atLastConcat = 4 * 256 + 1_024;
        assertEquals(4 * atLastConcat, peak(denseBlock()));
        assertTrue(peak(denseBlock()) > peak(plainBlock()));
    }

    /** conv+bn+relu+maxpool+linear, with biases. */
    private static Model smallCnn() {
        return Model.builder("cnn").input("input", Shape.of(1, 3, 28, 28))
                .add(new Node("conv", new Conv2d(3, 16, dev.ridgeline.core.op.Window.square(5, 1, 2), 1, true),
                        List.of("input")))
                .add(new Node("bn", new BatchNorm(16, true), List.of("conv")))
                .add(new Node("relu", Activation.relu(), List.of("bn")))
                .add(new Node("pool", Pool2d.max(2, 2, 0), List.of("relu")))
                .add(new Node("flatten", new Flatten(1), List.of("pool")))
                .add(new Node("fc", new Linear(16 * 14 * 14, 10, true), List.of("flatten")))
                .build();
    }

    @Property(tries = 20)
    void batchMultipliesActivationsMacsFlopsAndPeakMemoryButNeverParams(@ForAll @IntRange(min = 2, max = 64) int batch) {
        for (Convention convention : Convention.values()) {
            CostReport one = count(smallCnn(), 1, convention);
            CostReport many = count(smallCnn(), batch, convention);
            assertEquals(batch, many.batch());
            assertEquals(one.totals().params(), many.totals().params(), convention.id());
            assertEquals(one.weightBytes(), many.weightBytes(), convention.id());
            assertEquals(batch * one.totals().macs(), many.totals().macs(), convention.id());
            assertEquals(batch * one.totals().activations(), many.totals().activations(), convention.id());
            assertEquals(batch * one.featureMapElements(), many.featureMapElements(), convention.id());
            assertEquals(batch * one.peakActivationBytes(), many.peakActivationBytes(), convention.id());
            assertEquals(batch * one.totals().flops(), many.totals().flops(), convention.id());
        }
    }

    @Example
    void batchOfFourQuadruplesTheSmallCnnsMacs() {
        assertEquals(4L * (940_800 + 31_360), count(smallCnn(), 4, Convention.MACS).totals().macs());
        assertEquals(940_800 + 31_360, count(smallCnn(), 1, Convention.MACS).totals().macs());
    }
}
