package dev.ridgeline.hardware.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.DeviceYamlReader;
import dev.ridgeline.hardware.device.KernelClass;
import dev.ridgeline.hardware.device.Precision;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** A device's compute efficiency per kernel kind, read from its file and used by the roofline. */
class KernelKindEfficiencyTest {
    private static final String DEVICE = """
            id: kinds
            source: test
            memory: {bandwidthBytesPerSecond: 1.0e15}
            efficiency: {compute: 0.8, memory: 1.0, computeByKind: {depthwise: 0.2}}
            precisions:
              fp32: {vectorOpsPerSecond: 1.0e12}
            """;

    @Test
    void aDepthwiseConvRunsAtItsKindsEfficiencyAndADenseOneAtTheCommonOne() {
        DeviceProfile device = DeviceYamlReader.read("kinds.yaml", new StringReader(DEVICE));
        assertEquals(0.2, device.computeEfficiency(KernelClass.DEPTHWISE));
        assertEquals(0.8, device.computeEfficiency(KernelClass.POINTWISE));
        Shape map = Shape.of(1, 32, 28, 28);
        LayerTiming dw = Layers.timeOne(Layers.single(map, Layers.conv3x3(32, 32, 32)), 1, device, Precision.FP32);
        LayerTiming dense = Layers.timeOne(Layers.single(map, Layers.conv3x3(32, 32, 1)), 1, device, Precision.FP32);
        assertEquals(dw.ops() / (0.2 * 1.0e12), dw.computeSeconds(), 1e-18);
        assertEquals(dense.ops() / (0.8 * 1.0e12), dense.computeSeconds(), 1e-18);
        assertEquals(KernelClass.LARGE_CONV, KernelClass.of(new dev.ridgeline.core.op.Conv2d(8, 8,
                dev.ridgeline.core.op.Window.square(5, 1, 2), 1, false)));
    }

    @Test
    void anUnknownKindNamesTheKindsAndTheLine() {
        BadInputException e = assertThrows(BadInputException.class, () -> DeviceYamlReader.read("kinds.yaml",
                new StringReader(DEVICE.replace("depthwise: 0.2", "winograd: 0.2"))));
        assertTrue(e.getMessage().contains("kinds.yaml:4") && e.getMessage().contains("conv, largeConv, pointwise"),
                e.getMessage());
    }
}
