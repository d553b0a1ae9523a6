package dev.ridgeline.core.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@link OutputSize} against a brute-force count of window positions. */
class OutputSizePropertiesTest {

    /**
     * Counts windows one by one in padded coordinates [0, X + pb + pe). Floor mode: window i (start i*S) fits
     * when i*S + D*(K-1) <= X + pb + pe - 1. Ceil mode adds windows while the previous window stopped short of
     * the last padded element, but (PyTorch's rule) an added window must start before X + pb.
     */
    static int bruteForce(int x, int k, int s, int d, int pb, int pe, boolean ceil) {
        int last = x + pb + pe - 1;
        int reach = d * (k - 1);
        int n = 0;
        while ((long) n * s + reach <= last) {
            n++;
        }
        if (ceil) {
            while ((long) (n - 1) * s + reach < last && (long) n * s < x + pb) {
                n++;
            }
        }
        return n;
    }

    @Property(tries = 3000)
    void slidingMatchesBruteForceWindowCount(@ForAll @IntRange(min = 1, max = 80) int x,
                                             @ForAll @IntRange(min = 1, max = 11) int k,
                                             @ForAll @IntRange(min = 1, max = 9) int s,
                                             @ForAll @IntRange(min = 1, max = 4) int d,
                                             @ForAll @IntRange(min = 0, max = 12) int pb,
                                             @ForAll @IntRange(min = 0, max = 12) int pe,
                                             @ForAll boolean ceil) {
        Assume.that(d * (k - 1) + 1 <= x + pb + pe);
        assertEquals(bruteForce(x, k, s, d, pb, pe, ceil), OutputSize.sliding(x, k, s, d, pb, pe, ceil),
                () -> "x=" + x + " k=" + k + " s=" + s + " d=" + d + " pads=" + pb + "," + pe + " ceil=" + ceil);
    }

    @Property(tries = 2000)
    void ceilModeNeverGivesFewerWindowsThanFloorMode(@ForAll @IntRange(min = 1, max = 80) int x,
                                                     @ForAll @IntRange(min = 1, max = 11) int k,
                                                     @ForAll @IntRange(min = 1, max = 9) int s,
                                                     @ForAll @IntRange(min = 1, max = 4) int d,
                                                     @ForAll @IntRange(min = 0, max = 12) int pb,
                                                     @ForAll @IntRange(min = 0, max = 12) int pe) {
        Assume.that(d * (k - 1) + 1 <= x + pb + pe);
        int floor = OutputSize.sliding(x, k, s, d, pb, pe, false);
        int ceil = OutputSize.sliding(x, k, s, d, pb, pe, true);
        assertTrue(ceil >= floor && ceil <= floor + 1, () -> "floor " + floor + ", ceil " + ceil);
    }

    @Property(tries = 2000)
    void samePaddingGivesCeilOfInputOverStride(@ForAll @IntRange(min = 1, max = 300) int x,
                                               @ForAll @IntRange(min = 1, max = 11) int k,
                                               @ForAll @IntRange(min = 1, max = 8) int s,
                                               @ForAll @IntRange(min = 1, max = 4) int d) {
        int[] pads = OutputSize.samePadding(x, k, s, d);
        assertTrue(pads[1] - pads[0] == 0 || pads[1] - pads[0] == 1, "an odd remainder goes to the end");
        assertEquals((x + s - 1) / s, OutputSize.sliding(x, k, s, d, pads[0], pads[1], false));
    }

    @Example
    void ceilModeDropsAWindowThatWouldStartInTheEndPadding() {
        // PyTorch: MaxPool2d(2, 2, padding=1, ceil_mode=True) on 5 gives 3, not ceil(5/2) + 1 = 4
        assertEquals(3, OutputSize.sliding(5, 2, 2, 1, 1, 1, true));
        assertEquals(3, OutputSize.sliding(5, 2, 2, 1, 1, 1, false));
    }

    @Example
    void ceilModeAddsThePartialWindowOfGoogLeNetPools() {
        assertEquals(56, OutputSize.sliding(112, 3, 2, 1, 0, 0, true));
        assertEquals(55, OutputSize.sliding(112, 3, 2, 1, 0, 0, false));
        assertEquals(14, OutputSize.sliding(28, 3, 2, 1, 0, 0, true));
        assertEquals(13, OutputSize.sliding(28, 3, 2, 1, 0, 0, false));
    }

    @Example
    void transposedOutputIsInputMinusOneTimesStrideMinusPaddingPlusSpanPlusOutputPadding() {
        assertEquals(14, OutputSize.transposed(7, 3, 2, 1, 1, 1, 1));
        assertEquals(13, OutputSize.transposed(7, 3, 2, 1, 1, 1, 0));
        assertEquals(16, OutputSize.transposed(8, 4, 2, 1, 1, 1, 0));
    }
}
