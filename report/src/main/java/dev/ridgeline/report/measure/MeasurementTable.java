package dev.ridgeline.report.measure;

import dev.ridgeline.measure.Measurement;
import dev.ridgeline.measure.runtime.Environment;
import dev.ridgeline.measure.runtime.NodeTime;
import dev.ridgeline.measure.stats.Spread;
import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.report.analysis.TextTable;
import java.util.Locale;
import java.util.OptionalDouble;

/** A measurement for the terminal: the timing and its spread, the environment, then the kernels by time. */
public final class MeasurementTable {
    private MeasurementTable() {
    }

    public static String render(Measurement m, OptionalDouble predictedSeconds) {
        Spread s = m.spread();
        Environment e = m.environment();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s  |  batch %d  |  %d timed runs after warm-up%n", m.source(),
                m.batch(), s.runs()));
        out.append(String.format(Locale.ROOT, "median %s  (IQR %s = %.1f%% of the median; min %s, max %s)%n",
                Quantities.seconds(s.medianSeconds()), Quantities.seconds(s.iqrSeconds()), 100 * s.relativeSpread(),
                Quantities.seconds(s.minSeconds()), Quantities.seconds(s.maxSeconds())));
        if (s.noisy()) {
            out.append(String.format(Locale.ROOT, "NOISY: the spread exceeds %.0f%% of the median; the machine is busy"
                    + " or throttling: rerun with more --runs, fewer --threads, or on an idle machine%n",
                    100 * Spread.NOISY_SHARE));
        }
        predictedSeconds.ifPresent(p -> out.append(String.format(Locale.ROOT,
                "roofline prediction %s (measured / predicted = %.2f)%n", Quantities.seconds(p),
                s.medianSeconds() / p)));
        out.append(String.format(Locale.ROOT, "%s %s, opt level %s, %d intra-op thread(s); CPU %s (%d cores seen),"
                        + " governor %s; %s; %s%n", e.runtime(), e.runtimeVersion(), e.optLevel(), e.threads(),
                e.cpuModel(), e.cores(), e.governor(), e.os(), e.java()));
        if (!m.profile().isEmpty()) {
            TextTable table = new TextTable().column("kernel (ORT node)", TextTable.Align.LEFT, 44)
                    .column("op", TextTable.Align.LEFT, 12).column("layer", TextTable.Align.LEFT, 44)
                    .column("fused group", TextTable.Align.LEFT, 44).column("time", TextTable.Align.RIGHT);
            double total = m.profile().stream().mapToDouble(NodeTime::seconds).sum();
            m.profile().stream().sorted((a, b) -> Double.compare(b.seconds(), a.seconds())).forEach(t -> table.row(
                    t.node(), t.opType(), t.layer().isEmpty() ? "(runtime)" : t.layer(),
                    t.kernel().isEmpty() ? "-" : t.kernel(), Quantities.seconds(t.seconds())));
            out.append('\n').append(table.render());
            out.append(String.format(Locale.ROOT, "kernels sum to %s per run in the profiled session (profiling"
                    + " adds its own cost)%n", Quantities.seconds(total)));
        }
        return out.toString();
    }
}
