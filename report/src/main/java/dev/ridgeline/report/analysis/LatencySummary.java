package dev.ridgeline.report.analysis;

import dev.ridgeline.store.format.Quantities;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Fusion;
import dev.ridgeline.hardware.roofline.LatencyReport;
import dev.ridgeline.report.analysis.TextTable.Align;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The latency block under an analysis table: the device and precision, total latency, throughput, the share of
 * time in memory-bound layers, utilization (achieved operations per second over the peak, seed 003's
 * definition), memory required against the device's, the ridge point, and a note with the model's parameters.
 */
public final class LatencySummary {
    private LatencySummary() {
    }

    public static String render(LatencyReport latency) {
        DeviceProfile device = latency.device();
        double total = latency.totalSeconds();
        double ridge = device.computeEfficiency() * latency.peakOpsPerSecond()
                / (device.memoryEfficiency() * device.bandwidthBytesPerSecond());
        String engine = latency.engine().name().toLowerCase(Locale.ROOT);

        TextTable table = new TextTable()
                .column("latency", Align.LEFT)
                .column(device.id() + ", " + latency.precision().id(), Align.LEFT);
        table.row("device", device.name() + " (" + device.id() + ")");
        table.row("precision and engine", String.format(Locale.ROOT, "%s on the %s engine: %s peak, %s",
                latency.precision().id(), engine, DeviceUnits.ops(latency.peakOpsPerSecond(), latency.precision()),
                DeviceUnits.bandwidth(device.bandwidthBytesPerSecond())));
        table.row("total latency", Quantities.seconds(total) + " for a batch of " + latency.batch());
        if (total > 0) {
            table.row("throughput", throughput(latency.throughputPerSecond()) + " samples/s");
            table.row("memory-bound layers", Quantities.percent(latency.memoryBoundShare(), 1.0) + " of the time");
            table.row("utilization", String.format(Locale.ROOT, "%s of peak (%s achieved)",
                    utilization(latency.utilization()),
                    DeviceUnits.ops(latency.totalOps() / total, latency.precision())));
        }
        table.row("memory required", memory(latency));
        table.row("ridge point", DeviceUnits.opsPerByte(ridge) + "; layers below it are memory-bound");

        var runtime = device.runtime();
        String fill = runtime != null && !runtime.occupancy().equals(dev.ridgeline.hardware.device.Occupancy.NONE)
                ? " x fill" : "";
        String perInference = runtime == null ? "" : String.format(Locale.ROOT, ", plus %s per inference",
                Quantities.seconds(runtime.inferenceOverheadSeconds()));
        String streamed = runtime != null && runtime.cachesWeights() ? String.format(Locale.ROOT, " (weights beyond"
                + " the first %s stream in at %s)", Quantities.bytes(Math.round(runtime.weightCacheBytes())),
                DeviceUnits.bandwidth(runtime.weightStreamBytesPerSecond())) : "";
        String under = runtime == null ? "" : " under " + runtime.id();
        String note = String.format(Locale.ROOT, "roofline%s: each layer takes max(ops / (%s%s x peak), bytes / (%s x "
                        + "bandwidth)%s) + %s overhead%s; on-chip reuse %s; fusion %s. Figures: %s.",
                under, device.computeEfficiency(), fill, device.memoryEfficiency(), streamed,
                Quantities.seconds(device.layerOverheadSeconds()), perInference, latency.onChipReuse() ? "on" : "off",
                latency.fusion() == Fusion.ENGINE ? "engine (BN folded, activations and adds run in their producer)"
                        : "none", device.source());
        return table.render() + '\n' + TextTable.wrap(note, AnalysisTable.LINE_WIDTH, "  ");
    }

    /** A share as a percentage, with two decimals below 1% so that a small one does not read "0.1%" or "0.0%". */
    static String utilization(double share) {
        return String.format(Locale.ROOT, share < 0.01 ? "%.2f%%" : "%.1f%%", 100 * share);
    }

    /** Whole samples from 100 up ("12,345"), else three significant digits ("81.2", "0.412"). */
    static String throughput(double perSecond) {
        if (perSecond >= 100) {
            return Quantities.grouped(Math.round(perSecond));
        }
        return new BigDecimal(perSecond).round(new MathContext(3, RoundingMode.HALF_UP)).toPlainString();
    }

    private static String memory(LatencyReport latency) {
        String required = Quantities.bytes(latency.memoryRequiredBytes()) + " (weights and peak activations)";
        double capacity = latency.device().memoryCapacityBytes();
        if (capacity == 0) {
            return required + "; the device uses host memory, no fit check";
        }
        return required + " of " + DeviceUnits.memory(capacity) + ": "
                + (latency.fitsInMemory() ? "fits" : "does NOT fit");
    }
}
