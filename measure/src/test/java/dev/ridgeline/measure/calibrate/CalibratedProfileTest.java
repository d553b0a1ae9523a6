package dev.ridgeline.measure.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.KernelClass;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.Roofline;
import dev.ridgeline.hardware.roofline.RooflineOptions;
import dev.ridgeline.measure.runtime.Environment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards docs/measure.md ("The file. A device profile like any other ... the FP32 peak is the fastest kind's rate,
 * `efficiency.computeByKind` each kind's rate over it, memory efficiency 1 at the fitted bandwidth") and the
 * promise of {@link Kernels} that the fit predicts exactly what the roofline will with the fitted constants.
 */
class CalibratedProfileTest {
    private static final double[] RATES = {3.0e11, 2.0e11, 1.5e11, 6.0e10, 1.0e11, 4.0e10};

    private static Calibration calibration(int benchmarks) {
        ProfileFit.Result fit = new ProfileFit.Result(RATES.clone(), 2.5e10, 4.0e-6,
                new double[] {0.5, -0.25, 0, Math.log(2)});
        return new Calibration(Benchmarks.standard().subList(0, benchmarks), new double[] {1e-3, 2e-3, 4e-3, 8e-3},
                new double[4], fit, new Environment("onnxruntime", "1.20.0", "all", 2, "Test CPU", "performance", 2,
                "Linux", "JVM"), "2026-12-06");
    }

    @Test
    void theProfileTimesAModelAsTheFitsKernelsDo() {
        assertEquals(KernelClass.values().length, RATES.length);
        DeviceProfile device = calibration(4).profile("my-cpu");
        assertEquals(3.0e11, device.require(Precision.FP32).opsPerSecond(), "the fastest kind's rate");
        for (KernelClass k : KernelClass.values()) {
            assertEquals(RATES[k.ordinal()] / 3.0e11, device.computeEfficiency(k), 1e-15, k.name());
        }
        assertEquals(1.0, device.memoryEfficiency());
        assertEquals(2.5e10, device.bandwidthBytesPerSecond());
        assertEquals(4.0e-6, device.layerOverheadSeconds());
        assertEquals("Test CPU, 2 thread(s), ONNX Runtime 1.20.0 (calibrated)", device.name());
        assertEquals("ridgeline hardware calibrate on 2026-12-06: 4 ORT runs, least squares on log time ratio",
                device.source());

        for (String net : List.of("mobilenet_v2", "resnet18")) {
            var model = Zoo.load(net);
            double roofline = Roofline.time(Counter.count(ShapeInference.infer(model, 1), Convention.MACS,
                    Precision.FP32.bytes()), device, RooflineOptions.of(Precision.FP32)).totalSeconds();
            double fit = Kernels.of(model, 1).seconds(RATES, 2.5e10, 4.0e-6);
            assertEquals(roofline, fit, roofline * 1e-12, net);
        }
    }

    @Test
    void aBenchmarksPredictionIsItsMeasuredTimeTimesTheExpOfItsResidual() {
        Calibration c = calibration(4);
        assertEquals(1e-3 * Math.exp(0.5), c.predictedSeconds(0), 1e-18);
        assertEquals(2e-3 * Math.exp(-0.25), c.predictedSeconds(1), 1e-18);
        assertEquals(4e-3, c.predictedSeconds(2), 1e-18);
        assertEquals(16e-3, c.predictedSeconds(3), 1e-15);
    }
}
