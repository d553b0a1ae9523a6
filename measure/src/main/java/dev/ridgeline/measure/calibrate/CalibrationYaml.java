package dev.ridgeline.measure.calibrate;

import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.measure.runtime.Environment;
import java.util.Locale;

/**
 * The device file {@code calibrate} writes: a profile {@code DeviceYamlReader} reads like any other, whose
 * figures are {@code measured}, plus a {@code calibration} section with the environment and the fit that
 * {@code validate} needs (it measures with the same threads and runtime settings).
 */
public final class CalibrationYaml {
    private CalibrationYaml() {
    }

    public static String render(Calibration c, String id, String residualsFile) {
        DeviceProfile p = c.profile(id);
        Environment e = c.environment();
        StringBuilder y = new StringBuilder();
        y.append("# Calibrated by ridgeline hardware calibrate: the roofline's constants fitted to ONNX Runtime runs\n")
                .append("# on this machine. Rates are attainable ones; check with\n")
                .append("# ridgeline hardware validate THIS_FILE --designs 40.\n");
        line(y, "id", quote(id));
        line(y, "name", quote(p.name()));
        line(y, "class", "cpu");
        line(y, "source", quote(p.source()));
        line(y, "status", "measured");
        y.append("memory:\n");
        y.append(String.format(Locale.ROOT, "  bandwidthBytesPerSecond: %.6e   # attainable, fitted%n",
                p.bandwidthBytesPerSecond()));
        y.append("  note: host memory, no fit check\n");
        y.append(String.format(Locale.ROOT, "efficiency:               # each kind's fitted rate over the fastest's%n"
                + "  compute: %.4f%n  memory: 1.0%n  computeByKind: {", p.computeEfficiency()));
        String sep = "";
        for (var k : dev.ridgeline.hardware.device.KernelClass.values()) {
            y.append(sep).append(String.format(Locale.ROOT, "%s: %.4f", k.id(), p.computeEfficiency(k)));
            sep = ", ";
        }
        y.append("}\n");
        y.append(String.format(Locale.ROOT, "layerOverheadSeconds: %.6e   # per fused kernel, fitted%n",
                p.layerOverheadSeconds()));
        y.append("fusion: engine                          # ONNX Runtime folds BN and fuses activations and adds\n");
        y.append("precisions:\n");
        y.append(String.format(Locale.ROOT, "  fp32: {vectorOpsPerSecond: %.6e, status: measured, note: \"attainable"
                + " FP32 rate of the fastest kind, fitted to ORT runs\"}%n",
                p.require(dev.ridgeline.hardware.device.Precision.FP32).opsPerSecond()));
        y.append("calibration:\n");
        line(y, "  date", c.date());
        line(y, "  runtime", e.runtime());
        line(y, "  runtimeVersion", quote(e.runtimeVersion()));
        line(y, "  optLevel", e.optLevel());
        line(y, "  threads", Integer.toString(e.threads()));
        line(y, "  cpuModel", quote(e.cpuModel()));
        line(y, "  governor", quote(e.governor()));
        line(y, "  cores", Integer.toString(e.cores()));
        line(y, "  os", quote(e.os()));
        line(y, "  java", quote(e.java()));
        line(y, "  benchmarks", Integer.toString(c.benchmarks().size()));
        line(y, "  fit", quote("Levenberg-Marquardt least squares on log(predicted / measured), over the logs of"
                + " the rate of each kernel kind, the bandwidth and the overhead; weak prior (0.05) toward the conv"
                + " rate"));
        line(y, "  rmsLogResidual", String.format(Locale.ROOT, "%.4f", c.fit().rmsLogResidual()));
        line(y, "  residuals", quote(residualsFile));
        return y.toString();
    }

    private static void line(StringBuilder y, String key, String value) {
        y.append(key).append(": ").append(value).append('\n');
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
