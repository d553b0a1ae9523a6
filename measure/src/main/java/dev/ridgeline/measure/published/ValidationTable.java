package dev.ridgeline.measure.published;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * The presets against published figures: each figure predicted on its device under its runtime, and per device
 * and runtime the median predicted / measured ratio and the Spearman rank correlation at batch 1 and at large
 * batch, over the held-out figures (those no constant was fitted on).
 */
public final class ValidationTable {
    /** The band a prediction counts as close in. */
    public static final double LOW = 0.8;
    public static final double HIGH = 1.25;
    /** The fewest figures of a device and runtime a leave-one-out error is reported for. */
    public static final int LOO_MINIMUM = 6;

    /** One figure with its prediction. */
    public record Check(PublishedFigure figure, double predictedSeconds) {
        public double ratio() {
            return predictedSeconds / figure.seconds();
        }

        public boolean close() {
            return ratio() >= LOW && ratio() <= HIGH;
        }
    }

    /**
     * The held-out figures of one device under one runtime, split by batch; {@code leaveOneOut} is the median
     * leave-one-out error of {@code hardware calibrate --from} on all its figures (NaN under {@link #LOO_MINIMUM}).
     */
    public record Group(DeviceProfile device, List<Check> batchOne, List<Check> largeBatch, int fitted,
                        double leaveOneOut) {
        public List<Check> all() {
            List<Check> all = new ArrayList<>(batchOne);
            all.addAll(largeBatch);
            return all;
        }
    }

    private ValidationTable() {
    }

    /** Every held-out figure checked against its preset, grouped by device and runtime in file order. */
    public static List<Group> check(List<PublishedFigure> figures) {
        Map<String, List<PublishedFigure>> byDevice = new LinkedHashMap<>();
        for (PublishedFigure f : figures) {
            byDevice.computeIfAbsent(f.device() + ":" + f.runtime(), k -> new ArrayList<>()).add(f);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<PublishedFigure>> e : byDevice.entrySet()) {
            DeviceProfile device = Devices.resolve(e.getKey());
            List<Check> one = new ArrayList<>();
            List<Check> large = new ArrayList<>();
            int fitted = 0;
            for (PublishedFigure f : e.getValue()) {
                if (!f.heldOut()) {
                    fitted++;
                    continue;
                }
                Check c = new Check(f, FigureTerms.predict(f, device));
                (f.batch() == 1 ? one : large).add(c);
            }
            groups.add(new Group(device, one, large, fitted, leaveOneOut(e.getValue(), device)));
        }
        return groups;
    }

    /**
     * The median leave-one-out error of a fit of the runtime's constants to all the figures (each predicted by a fit
     * to the others), as {@code hardware calibrate --from} reports it; NaN under {@link #LOO_MINIMUM} figures.
     */
    static double leaveOneOut(List<PublishedFigure> figures, DeviceProfile device) {
        if (figures.size() < LOO_MINIMUM) {
            return Double.NaN;
        }
        RuntimeFit.Result fit = RuntimeFit.fit(figures, device);
        return RuntimeFit.medianRelativeError(fit.leaveOneOutSeconds(), figures);
    }

    /** The median predicted / measured ratio, NaN for none. */
    public static double medianRatio(List<Check> checks) {
        return checks.isEmpty() ? Double.NaN
                : RuntimeFit.median(checks.stream().mapToDouble(Check::ratio).toArray());
    }

    /** Spearman's rank correlation of predicted and measured time, NaN under 3 figures or when either is constant. */
    public static double spearman(List<Check> checks) {
        if (checks.size() < 3) {
            return Double.NaN;
        }
        double[] p = checks.stream().mapToDouble(Check::predictedSeconds).toArray();
        double[] m = checks.stream().mapToDouble(c -> c.figure().seconds()).toArray();
        if (constant(p) || constant(m)) {
            return Double.NaN;
        }
        return new SpearmansCorrelation().correlation(p, m);
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }

    /** The Markdown table of the groups, one row per device and runtime, and a line of totals. */
    public static String markdown(List<Group> groups) {
        StringBuilder md = new StringBuilder();
        md.append("| device | runtime | fit on | held out | batch 1: median ratio | batch 1: Spearman |"
                + " large batch: median ratio | large batch: Spearman | within [0.8, 1.25] | how far to trust it |"
                + " calibrate --from, leave-one-out |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        int close = 0;
        int total = 0;
        for (Group g : groups) {
            List<Check> all = g.all();
            long in = all.stream().filter(Check::close).count();
            close += (int) in;
            total += all.size();
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %d | %d | %s | %s | %s | %s | %d of %d | %s | %s |%n",
                    g.device().id(), g.device().runtimeId(), g.fitted(), all.size(), ratio(g.batchOne()),
                    rho(g.batchOne()), ratio(g.largeBatch()), rho(g.largeBatch()), in, all.size(), trust(all),
                    percent(g.leaveOneOut())));
        }
        md.append(String.format(Locale.ROOT, "%nHeld-out figures within [0.8, 1.25]: %d of %d (%.0f%%).%n", close,
                total, 100.0 * close / total));
        return md.toString();
    }

    /** "within 12% typically (median error), 0.61-1.41 at worst", from the held-out ratios. */
    static String trust(List<Check> checks) {
        if (checks.isEmpty()) {
            return "no held-out figure";
        }
        double[] error = checks.stream().mapToDouble(c -> Math.abs(Math.log(c.ratio()))).toArray();
        double typical = Math.exp(RuntimeFit.median(error)) - 1;
        double low = checks.stream().mapToDouble(Check::ratio).min().orElseThrow();
        double high = checks.stream().mapToDouble(Check::ratio).max().orElseThrow();
        return String.format(Locale.ROOT, "typically within %.0f%%; ratios %.2f to %.2f", 100 * typical, low, high);
    }

    private static String percent(double error) {
        return Double.isNaN(error) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * error);
    }

    private static String ratio(List<Check> checks) {
        return checks.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f (%d)", medianRatio(checks), checks.size());
    }

    private static String rho(List<Check> checks) {
        double s = spearman(checks);
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.2f", s);
    }
}
