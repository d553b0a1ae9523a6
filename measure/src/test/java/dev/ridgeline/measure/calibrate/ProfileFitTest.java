package dev.ridgeline.measure.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.hardware.device.KernelClass;
import dev.ridgeline.search.space.SpaceSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fit recovers the constants that generated exact times (every kind's rate, the bandwidth and the overhead
 * `hardware calibrate` writes), and reads the benchmarks' kernels right.
 */
class ProfileFitTest {
    @Test
    void recoversTheRatesBandwidthAndOverheadThatMadeTheTimes() {
        double[] rates = new double[KernelClass.values().length];
        Arrays.fill(rates, 2.0e11);
        rates[KernelClass.DEPTHWISE.ordinal()] = 5.0e10;
        double bandwidth = 3.0e10;
        double overhead = 2.0e-6;
        List<Kernels> kernels = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (Benchmark b : Benchmarks.standard()) {
            Kernels k = Kernels.of(b.model(), b.batch());
            kernels.add(k);
            times.add(k.seconds(rates, bandwidth, overhead));
        }
        double[] measured = times.stream().mapToDouble(Double::doubleValue).toArray();
        double[] weights = new double[measured.length];
        Arrays.fill(weights, 1);
        ProfileFit.Result fit = ProfileFit.fit(kernels, measured, weights);
        assertTrue(fit.rmsLogResidual() < 0.01, "rms " + fit.rmsLogResidual());
        assertEquals(2.0e11, fit.opsPerSecond()[KernelClass.CONV.ordinal()], 2.0e11 * 0.02);
        assertEquals(5.0e10, fit.opsPerSecond()[KernelClass.DEPTHWISE.ordinal()], 5.0e10 * 0.05);
        assertEquals(overhead, fit.overheadSeconds(), overhead * 0.1);
        // the benchmarks' memory-bound kernels pin the bandwidth: `hardware calibrate` writes it
        assertEquals(bandwidth, fit.bytesPerSecond(), bandwidth * 0.02, "bandwidth");
        for (int i = 0; i < measured.length; i++) {
            assertEquals(measured[i], kernels.get(i).seconds(fit.opsPerSecond(), fit.bytesPerSecond(),
                    fit.overheadSeconds()), measured[i] * 0.02, "the fitted profile gives sample " + i + "'s time");
            assertEquals(Math.log(kernels.get(i).seconds(fit.opsPerSecond(), fit.bytesPerSecond(),
                    fit.overheadSeconds()) / measured[i]), fit.logResiduals()[i], 1e-9, "residual " + i);
        }
    }

    @Test
    void fourSamplesAreTheFewestAndTheRmsIsOverTheSamples() {
        List<Kernels> kernels = Benchmarks.standard().stream().limit(4).map(b -> Kernels.of(b.model(), b.batch()))
                .toList();
        double[] four = {1e-3, 2e-3, 3e-3, 4e-3};
        double[] ones = {1, 1, 1, 1};
        assertEquals(4, ProfileFit.fit(kernels, four, ones).logResiduals().length);
        assertThrows(IllegalArgumentException.class, () -> ProfileFit.fit(kernels.subList(0, 3),
                new double[] {1e-3, 2e-3, 3e-3}, new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> ProfileFit.fit(kernels, four, new double[] {1, 1, 1}));
        ProfileFit.Result r = new ProfileFit.Result(new double[KernelClass.values().length], 1, 1,
                new double[] {0.3, -0.4});
        assertEquals(Math.sqrt((0.09 + 0.16) / 2), r.rmsLogResidual(), 1e-15);
    }

    @Test
    void aConvBnReluStackIsOneKernelPerBlockWithTheConvsKind() {
        Benchmark dw = Benchmarks.standard().stream().filter(b -> b.kind().equals("depthwise")).findFirst()
                .orElseThrow();
        Kernels k = Kernels.of(dw.model(), dw.batch());
        assertEquals(Benchmarks.DEPTH, k.ops().length, "conv, bn and relu fuse into one kernel per block");
        assertTrue(Arrays.stream(k.kinds()).allMatch(i -> i == KernelClass.DEPTHWISE.ordinal()));
    }

    @Test
    void calibrationDesignsComeFromTheSpacesAtTheirOwnResolution() {
        var space = dev.ridgeline.search.space.SpaceBuilder.build(dev.ridgeline.core.zoo.Zoo.load("resnet18"),
                new SpaceSpec(List.of(new SpaceSpec.WidthSpec(new SpaceSpec.Selector(List.of("layer4"), List.of(),
                        SpaceSpec.Granularity.STAGE, "job.yaml:1:1"), List.of(0.5, 1.0), List.of(), 8)), List.of(),
                        List.of(), null));
        List<Benchmark> designs = Benchmarks.designs(List.of(space), 3, 7, 160);
        assertEquals(3, designs.size());
        for (Benchmark b : designs) {
            assertEquals("network", b.kind());
            assertEquals(dev.ridgeline.core.graph.Shape.of(1, 3, 160, 160), b.model().inputs().get(0).shape());
            assertTrue(b.name().endsWith(" at 160"), b.name());
        }
        assertEquals(designs.get(0).name(), Benchmarks.designs(List.of(space), 1, 7, 160).get(0).name(), "seeded");
    }
}
