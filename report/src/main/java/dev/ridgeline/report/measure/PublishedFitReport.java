package dev.ridgeline.report.measure;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.RuntimeProfile;
import dev.ridgeline.measure.published.PublishedFigure;
import dev.ridgeline.measure.published.RuntimeFit;
import java.util.List;
import java.util.Locale;

/**
 * What {@code hardware calibrate --from} prints: one line per figure (measured, fitted, leave-one-out prediction
 * and its error), the median errors, and the fitted runtime as a block to paste under {@code runtimes:}.
 */
public final class PublishedFitReport {
    private PublishedFitReport() {
    }

    public static String render(DeviceProfile device, List<PublishedFigure> figures, RuntimeFit.Result fit,
                                String file) {
        StringBuilder out = new StringBuilder();
        String runtime = device.runtime() == null ? "fitted" : device.runtimeId();
        out.append(String.format(Locale.ROOT, "%s under %s: %d figures from %s%n", device.id(), runtime,
                figures.size(), file));
        int profiled = RuntimeFit.profiledKernels(figures, device);
        if (profiled > 0) {
            out.append(String.format(Locale.ROOT, "per-layer profiles: %d kernels of %d figure(s) matched by their"
                    + " first layer's name%n", profiled, figures.stream().filter(f -> !f.profile().isEmpty()).count()));
        }
        out.append('\n');
        int width = Math.max(6, figures.stream().mapToInt(f -> f.label().length()).max().orElse(6));
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %8s  %12s  %12s  %12s  %8s%n", "figure", "line",
                "measured ms", "fitted ms", "held out ms", "error"));
        for (int i = 0; i < figures.size(); i++) {
            PublishedFigure f = figures.get(i);
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %8d  %12.4f  %12.4f  %12.4f  %+7.1f%%%n",
                    f.label(), f.line(), f.seconds() * 1e3, fit.fittedSeconds()[i] * 1e3,
                    fit.leaveOneOutSeconds()[i] * 1e3, 100 * (fit.leaveOneOutSeconds()[i] / f.seconds() - 1)));
        }
        out.append(String.format(Locale.ROOT, "%nmedian error: %.1f%% fitted, %.1f%% leave-one-out (each figure"
                        + " predicted by a fit without it)%n", 100 * RuntimeFit.medianRelativeError(fit.fittedSeconds(),
                figures), 100 * RuntimeFit.medianRelativeError(fit.leaveOneOutSeconds(), figures)));
        RuntimeProfile base = device.runtime();
        out.append(String.format(Locale.ROOT, "%nruntimes:%n  %s:%n", runtime));
        out.append(String.format(Locale.ROOT, "    source: \"fitted by ridgeline hardware calibrate --from %s (%d"
                + " figures)\"%n", file, figures.size()));
        out.append(String.format(Locale.ROOT, "    efficiency: {compute: %.3f, memory: %.3f}%n",
                fit.computeEfficiency(), fit.memoryEfficiency()));
        out.append(String.format(Locale.ROOT, "    kernelOverheadSeconds: %.3e%n", fit.kernelOverheadSeconds()));
        out.append(String.format(Locale.ROOT, "    inferenceOverheadSeconds: %.3e%n", fit.inferenceOverheadSeconds()));
        if (base != null && !base.occupancy().equals(dev.ridgeline.hardware.device.Occupancy.NONE)) {
            out.append(String.format(Locale.ROOT, "    tiles: {pixels: %d, channels: %d, concurrent: %d}%n",
                    base.occupancy().tilePixels(), base.occupancy().tileChannels(),
                    base.occupancy().concurrentTiles()));
        }
        if (base != null && base.cachesWeights()) {
            out.append(String.format(Locale.ROOT, "    weightCache: {bytes: %.3e, streamBytesPerSecond: %.3e}%n",
                    base.weightCacheBytes(), base.weightStreamBytesPerSecond()));
        }
        if (base != null && !base.precisionFactor().isEmpty()) {
            out.append("    precisionFactor: {").append(base.precisionFactor().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> String.format(Locale.ROOT, "%s: %.3f", e.getKey().id(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", "))).append("}\n");
        }
        return out.toString();
    }
}
