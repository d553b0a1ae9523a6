package dev.ridgeline.measure.calibrate;

import dev.ridgeline.measure.Measurement;
import dev.ridgeline.measure.Measurer;
import dev.ridgeline.measure.runtime.RunOptions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Measures the calibration set on this machine and fits the profile's constants ({@link ProfileFit}) to the
 * fastest of each benchmark's timed runs: on a shared machine other processes only ever add time, so the
 * fastest run is the one least disturbed (the median and spread are kept to judge the runs).
 */
public final class Calibrator {
    /** Whole networks are what predictions are for: their log residuals count this many times a stack's. */
    static final double NETWORK_WEIGHT = 2;

    private Calibrator() {
    }

    /**
     * @param progress told the index of each benchmark as it finishes
     */
    public static Calibration calibrate(List<Benchmark> benchmarks, RunOptions options, IntConsumer progress) {
        double[] measured = new double[benchmarks.size()];
        double[] spreads = new double[benchmarks.size()];
        List<Kernels> kernels = new ArrayList<>();
        Measurement last = null;
        for (int i = 0; i < benchmarks.size(); i++) {
            Benchmark b = benchmarks.get(i);
            last = Measurer.measure(b.name(), b.model(), b.batch(), options.withProfile(false));
            measured[i] = last.spread().minSeconds();
            spreads[i] = last.spread().relativeSpread();
            kernels.add(Kernels.of(b.model(), b.batch()));
            progress.accept(i);
        }
        double[] weights = benchmarks.stream().mapToDouble(b -> b.kind().equals("network") ? NETWORK_WEIGHT : 1)
                .toArray();
        ProfileFit.Result fit = ProfileFit.fit(kernels, measured, weights);
        return new Calibration(benchmarks, measured, spreads, fit, last.environment(),
                LocalDate.now(ZoneOffset.UTC).toString());
    }
}
