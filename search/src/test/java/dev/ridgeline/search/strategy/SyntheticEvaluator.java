package dev.ridgeline.search.strategy;

import dev.ridgeline.search.eval.Metric;
import dev.ridgeline.search.eval.PointEvaluator;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.Knob;
import dev.ridgeline.search.space.KnobTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up three-layer network over 6 knobs of 5 choices (15,625 points): three widths, a kernel size,
 * an input resolution and an expansion ratio. Capacity (params, MACs) trades against latency and peak
 * activation memory, and latency rewards hardware-friendly widths (multiples of 32) and 3x3 kernels, so
 * the fronts are neither monotone in any knob nor found by setting knobs one at a time.
 */
final class SyntheticEvaluator implements PointEvaluator {
    static final int[] WIDTHS = {16, 24, 32, 48, 64};
    static final int[] KERNELS = {1, 3, 5, 7, 9};
    static final int[] RESOLUTIONS = {96, 128, 160, 192, 224};
    static final int[] EXPANSIONS = {1, 2, 3, 4, 6};

    private final DesignSpace space;

    SyntheticEvaluator() {
        this(6, 5);
    }

    /** A space of {@code knobs} knobs with {@code choices} choices each; knobs past the sixth are inert. */
    SyntheticEvaluator(int knobs, int choices) {
        List<Knob> list = new ArrayList<>();
        for (int k = 0; k < knobs; k++) {
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < choices; c++) {
                labels.add(Integer.toString(c));
            }
            list.add(new Knob("k" + k, labels, new KnobTarget.Abstract()));
        }
        this.space = new DesignSpace(list);
    }

    @Override
    public DesignSpace space() {
        return space;
    }

    @Override
    public void evaluate(int[] c, double[] metrics) {
        double w0 = pick(WIDTHS, c, 0);
        double w1 = pick(WIDTHS, c, 1);
        double w2 = pick(WIDTHS, c, 2);
        double k = pick(KERNELS, c, 3);
        double r = pick(RESOLUTIONS, c, 4);
        double e = pick(EXPANSIONS, c, 5);
        double params = 3 * w0 * 9 + w0 * w1 * e * k * k / 4 + w1 * e * w2 * 9 + w2 * 1000;
        double macs = r * r * (3 * w0 * 9 + w0 * w1 * e * k * k / 16 + w1 * e * w2 * 9 / 64);
        double efficiency = aligned(w0) * aligned(w1) * aligned(w2) * (k == 3 ? 1.0 : 0.75)
                * (e == 3 ? 0.8 : 1.0);
        double memoryBytes = r * r * (w0 + w1 * e + w2) * 2;
        double latency = macs / (2e9 * efficiency) + memoryBytes / 5e8 + 1e-4 * Math.sqrt(params / 1e4);
        double peak = r * r * Math.max(Math.max(w0, w1 * e), w2) * 2 + params * 0.05;
        metrics[Metric.PARAMS.ordinal()] = params;
        metrics[Metric.MACS.ordinal()] = macs;
        metrics[Metric.FLOPS.ordinal()] = 2 * macs;
        metrics[Metric.LATENCY_SECONDS.ordinal()] = latency;
        metrics[Metric.PEAK_ACTIVATION_BYTES.ordinal()] = peak;
        metrics[Metric.WEIGHT_BYTES.ordinal()] = params * 2;
    }

    private static double pick(int[] values, int[] c, int knob) {
        return knob < c.length ? values[c[knob] % values.length] : values[0];
    }

    private static double aligned(double width) {
        return width % 32 == 0 ? 1.0 : 0.7;
    }
}
