package dev.ridgeline.report.hardware;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.report.analysis.DeviceUnits;
import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.report.analysis.TextTable;
import dev.ridgeline.report.analysis.TextTable.Align;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Every figure of a device for {@code ridgeline hardware show}: per precision the matrix and vector peaks, the
 * engine the roofline uses, the ridge point and how far the figures can be trusted, with their notes; then
 * bandwidth, memory, on-chip buffer, efficiencies, layer overhead and the source of it all.
 */
public final class DeviceSheet {
    static final int LINE_WIDTH = 100;

    private DeviceSheet() {
    }

    public static String render(DeviceProfile device) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s  |  id %s  |  %s\n", device.name(), device.id(),
                lower(device.deviceClass())));
        text.append(TextTable.wrap("source: " + device.source(), LINE_WIDTH, "  ")).append('\n');
        text.append(peaks(device));
        List<String> notes = new ArrayList<>();
        for (Precision p : Precision.values()) {
            device.peak(p).filter(peak -> !peak.note().isBlank()).ifPresent(peak -> notes.add(p.id() + ": "
                    + peak.note()));
        }
        if (!notes.isEmpty()) {
            text.append("notes:\n");
            notes.forEach(note -> TextTable.wrap(note, LINE_WIDTH - 2, "  ").lines()
                    .forEach(line -> text.append("  ").append(line).append('\n')));
        }
        text.append(TextTable.wrap("ridge point: (compute efficiency x peak) / (memory efficiency x bandwidth);"
                + " layers with fewer operations per byte are memory-bound. Peaks are dense and count a"
                + " multiply-accumulate as 2 operations.", LINE_WIDTH, "  "));
        text.append('\n').append(figures(device));
        return text.toString();
    }

    private static String peaks(DeviceProfile device) {
        TextTable table = new TextTable()
                .column("precision", Align.LEFT)
                .column("matrix peak", Align.RIGHT)
                .column("vector peak", Align.RIGHT)
                .column("roofline uses", Align.LEFT)
                .column("ridge point", Align.RIGHT)
                .column("status", Align.LEFT);
        for (Precision p : Precision.values()) {
            device.peak(p).ifPresent(peak -> table.row(p.id(), ops(peak.matrix(), p), ops(peak.vector(), p),
                    lower(peak.engine()), DeviceUnits.opsPerByte(device.ridgeOpsPerByte(p)), lower(peak.status())));
        }
        return table.render();
    }

    private static String figures(DeviceProfile device) {
        TextTable table = new TextTable()
                .column("figure", Align.LEFT)
                .column("value", Align.RIGHT)
                .column("status", Align.LEFT)
                .column("what it is", Align.LEFT);
        table.row("bandwidth", DeviceUnits.bandwidth(device.bandwidthBytesPerSecond()),
                lower(device.bandwidthStatus()), "off-chip memory bandwidth: the memory roof");
        table.row("memory", DeviceUnits.memory(device.memoryCapacityBytes()), "-",
                device.memoryCapacityBytes() == 0 ? "uses the host's memory: no fit check"
                        : "device memory that weights and peak activations must fit");
        table.row("on-chip buffer", DeviceUnits.buffer(device.onChipBufferBytes()), "-",
                "on-chip SRAM or cache; --on-chip-reuse reads a layer's input from it");
        table.row("compute efficiency", fraction(device.computeEfficiency()), "-",
                "share of peak compute a layer attains");
        device.computeEfficiencyByKind().forEach((kind, e) -> table.row("  " + kind.id() + " kernels", fraction(e),
                "-", "share of peak compute kernels headed by a " + kind.id() + " layer attain"));
        table.row("memory efficiency", fraction(device.memoryEfficiency()), "-",
                "share of bandwidth a layer attains");
        table.row("layer overhead", Quantities.seconds(device.layerOverheadSeconds()), "-",
                "fixed time per layer that runs (launch, scheduling)");
        table.row("fusion", device.fusion().id(), "-", device.fusion() == dev.ridgeline.hardware.device.Fusion.ENGINE
                ? "BN folded, activations and adds run in their producer's kernel" : "every layer its own kernel");
        var r = device.runtime();
        if (r != null) {
            table.row("runtime", r.id(), "-", r.name() + " (the efficiencies and overhead above are its own)");
            table.row("inference overhead", Quantities.seconds(r.inferenceOverheadSeconds()), "-",
                    "fixed time per inference (host call, synchronisation)");
            if (!r.occupancy().equals(dev.ridgeline.hardware.device.Occupancy.NONE)) {
                table.row("tiles", r.occupancy().tilePixels() + " x " + r.occupancy().tileChannels() + ", "
                        + r.occupancy().concurrentTiles() + " at once", "-",
                        "output tiles (positions x channels): a layer that fills fewer attains less compute");
            }
            if (r.cachesWeights()) {
                table.row("weight cache", DeviceUnits.buffer(r.weightCacheBytes()), "-",
                        "weights kept on chip; the rest stream in at " + DeviceUnits.bandwidth(
                                r.weightStreamBytesPerSecond()) + " on every inference");
            }
            r.precisionFactor().forEach((precision, factor) -> table.row("precision factor " + precision.id(),
                    fraction(factor), "-", "compute efficiency at " + precision.id() + " is the above times this"));
        }
        return table.render() + runtimes(device);
    }

    private static String runtimes(DeviceProfile device) {
        if (device.runtimes().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nruntimes (--hardware " + device.id() + ":RUNTIME):\n");
        for (var r : device.runtimes()) {
            out.append("  ").append(TextTable.wrap(String.format(Locale.ROOT, "%s%s: %s; source: %s", r.id(),
                    r.id().equals(device.runtimeId()) ? " (this one)" : "", r.name(), r.source()), LINE_WIDTH - 2,
                    "    "));
        }
        return out.toString();
    }

    private static String ops(OptionalDouble peak, Precision precision) {
        return peak.isPresent() ? DeviceUnits.ops(peak.getAsDouble(), precision) : "-";
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
