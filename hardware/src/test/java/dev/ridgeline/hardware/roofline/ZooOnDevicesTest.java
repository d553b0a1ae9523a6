package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.Devices;
import dev.ridgeline.hardware.device.Precision;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Zoo networks on preset devices: which layers hit which roof. */
class ZooOnDevicesTest {

    static LatencyReport time(String model, String device, Precision precision, int batch) {
        CostReport counted = Counter.count(ShapeInference.infer(Zoo.load(model), batch), Convention.MACS,
                precision.bytes());
        return Roofline.time(counted, Devices.preset(device), RooflineOptions.of(precision));
    }

    static List<String> layers(String model, Predicate<Conv2d> which) {
        return Zoo.load(model).nodes().stream()
                .filter(n -> n.op() instanceof Conv2d c && which.test(c))
                .map(n -> n.name()).toList();
    }

    static Bound boundOf(LatencyReport r, String layer) {
        return r.layers().stream().filter(t -> t.name().equals(layer)).findFirst().orElseThrow().bound();
    }

    @ParameterizedTest(name = "{0} at fp16")
    @CsvSource({"jetson-orin-nano-8gb", "h100-sxm"})
    void everyDepthwise3x3OfMobilenetV2IsMemoryBound(String device) {
        List<String> depthwise = layers("mobilenet_v2", c -> c.groups() == c.inChannels() && c.groups() > 1
                && c.window().kernelH() == 3);
        assertEquals(17, depthwise.size(), "MobileNetV2 has 17 depthwise 3x3 convs");
        LatencyReport r = time("mobilenet_v2", device, Precision.FP16, 1);
        for (String layer : depthwise) {
            assertEquals(Bound.MEMORY, boundOf(r, layer), layer + " on " + device);
        }
    }

    @ParameterizedTest(name = "batch {0}")
    @CsvSource({"1", "8"})
    void everyVgg16ConvIsComputeBoundOnJetsonNanoAtFp32(int batch) {
        List<String> convs = layers("vgg16", c -> c.window().kernelH() == 3);
        assertEquals(13, convs.size());
        LatencyReport r = time("vgg16", "jetson-nano", Precision.FP32, batch);
        for (String layer : convs) {
            assertEquals(Bound.COMPUTE, boundOf(r, layer), layer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"resnet50", "mobilenet_v2"})
    void narrowerFormatsAreNeverSlowerOnH100(String model) {
        double previous = Double.MAX_VALUE;
        for (Precision p : new Precision[] {Precision.FP64, Precision.FP32, Precision.FP16, Precision.INT8}) {
            double seconds = time(model, "h100-sxm", p, 1).totalSeconds();
            assertTrue(seconds <= previous, p + ": " + seconds + " after " + previous);
            previous = seconds;
        }
    }

    @org.junit.jupiter.api.Test
    void resnet50sLast3x3ConvsCannotFillAnA100AtBatch1ButDoAtBatch256() {
        // layer4's 3x3 convs have a 7x7 map of 512 channels: at batch 1 that is 8 output tiles of 64 x 64 for 108
        // SMs, so most of the GPU idles; at batch 256 the 12,544 positions fill it
        List<String> last = layers("resnet50", c -> c.window().kernelH() == 3 && c.outChannels() == 512);
        assertEquals(3, last.size());
        LatencyReport one = time("resnet50", "a100-sxm-80gb", Precision.FP16, 1);
        LatencyReport many = time("resnet50", "a100-sxm-80gb", Precision.FP16, 256);
        for (String layer : last) {
            assertEquals(49.0 * 512 / (108 * 64 * 64), timing(one, layer).computeFill(), 1e-12, layer + " at batch 1");
            assertTrue(timing(many, layer).computeFill() > 0.9, layer + " at batch 256");
            assertEquals(Bound.COMPUTE, boundOf(many, layer), layer + " at batch 256");
        }
        assertTrue(many.throughputPerSecond() > 10 * one.throughputPerSecond(),
                many.throughputPerSecond() + " vs " + one.throughputPerSecond());
    }

    private static LayerTiming timing(LatencyReport r, String layer) {
        return r.layers().stream().filter(t -> t.name().equals(layer)).findFirst().orElseThrow();
    }
}
