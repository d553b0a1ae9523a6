package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Precision;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the roofline model over generated layers and devices. */
class RooflinePropertiesTest {

    @Property(tries = 300)
    void aComputeBoundLayersTimeHalvesWhenItsPeakDoubles(@ForAll @IntRange(min = 8, max = 256) int in,
                                                         @ForAll @IntRange(min = 8, max = 256) int out,
                                                         @ForAll @IntRange(min = 4, max = 64) int size,
                                                         @ForAll @IntRange(min = 1, max = 500) int teraOps) {
        Model model = Layers.single(Shape.of(1, in, size, size), Layers.conv3x3(in, out, 1));
        double peak = teraOps * 1e11;
        DeviceProfile slow = Layers.device(peak, 1e12);
        DeviceProfile fast = Layers.device(2 * peak, 1e12);
        LayerTiming before = Layers.timeOne(model, 1, slow, Precision.FP32);
        LayerTiming after = Layers.timeOne(model, 1, fast, Precision.FP32);
        Assume.that(after.bound() == Bound.COMPUTE);
        assertEquals(Bound.COMPUTE, before.bound());
        assertEquals(before.seconds() / 2, after.seconds(), before.seconds() * 1e-12);
    }

    @Property(tries = 200)
    void bytesStrictlyFallFromFp64ToFp32ToFp16ToInt8(@ForAll @IntRange(min = 1, max = 128) int in,
                                                       @ForAll @IntRange(min = 1, max = 128) int out,
                                                       @ForAll @IntRange(min = 1, max = 32) int size,
                                                       @ForAll @IntRange(min = 1, max = 8) int batch) {
        Model model = Layers.single(Shape.of(batch, in, size, size), Layers.conv3x3(in, out, 1));
        DeviceProfile device = Layers.device(1e12, 1e11);
        long previous = Long.MAX_VALUE;
        for (Precision p : new Precision[] {Precision.FP64, Precision.FP32, Precision.FP16, Precision.INT8}) {
            long bytes = Layers.timeOne(model, batch, device, p).bytes();
            assertTrue(bytes < previous, p + " moves " + bytes + ", the wider format " + previous);
            previous = bytes;
        }
    }

    @Property(tries = 300)
    void aLayersTimeNeverFallsWhenItsChannelsGrow(@ForAll @IntRange(min = 1, max = 128) int in,
                                                   @ForAll @IntRange(min = 1, max = 128) int out,
                                                   @ForAll @IntRange(min = 1, max = 64) int extraIn,
                                                   @ForAll @IntRange(min = 0, max = 64) int extraOut,
                                                   @ForAll @IntRange(min = 1, max = 40) int size,
                                                   @ForAll @IntRange(min = 1, max = 1000) int gigaOps,
                                                   @ForAll @IntRange(min = 1, max = 1000) int gigaBytes) {
        DeviceProfile device = Layers.device(gigaOps * 1e9, gigaBytes * 1e9);
        LayerTiming narrow = Layers.timeOne(Layers.single(Shape.of(1, in, size, size), Layers.conv3x3(in, out, 1)), 1,
                device, Precision.FP16);
        LayerTiming wide = Layers.timeOne(Layers.single(Shape.of(1, in + extraIn, size, size),
                Layers.conv3x3(in + extraIn, out + extraOut, 1)), 1, device, Precision.FP16);
        assertTrue(wide.seconds() >= narrow.seconds(), wide + " vs " + narrow);
    }
}
