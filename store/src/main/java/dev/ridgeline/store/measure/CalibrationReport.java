package dev.ridgeline.store.measure;

import dev.ridgeline.measure.calibrate.Benchmark;
import dev.ridgeline.measure.calibrate.Calibration;
import dev.ridgeline.store.format.Quantities;
import dev.ridgeline.store.format.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A calibration's residuals as CSV ({@code benchmark, kind, batch, measuredSeconds, relativeSpread,
 * predictedSeconds, ratio, logResidual}) and its summary for the terminal.
 */
public final class CalibrationReport {
    private CalibrationReport() {
    }

    public static void residualsCsv(Calibration c, Writer out) {
        try {
            Csv.line(out, List.of("benchmark", "kind", "batch", "measuredSeconds", "relativeSpread",
                    "predictedSeconds", "ratio", "logResidual"));
            // measuredSeconds is the fastest timed run, the time the fit used
            for (int i = 0; i < c.benchmarks().size(); i++) {
                Benchmark b = c.benchmarks().get(i);
                double predicted = c.predictedSeconds(i);
                Csv.line(out, List.of(b.name(), b.kind(), Integer.toString(b.batch()),
                        Double.toString(c.measuredSeconds()[i]), Double.toString(c.spreads()[i]),
                        Double.toString(predicted), Double.toString(predicted / c.measuredSeconds()[i]),
                        Double.toString(c.fit().logResiduals()[i])));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String summary(Calibration c, String yaml, String residuals) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "calibrated on %s, %d thread(s), ONNX Runtime %s: %d benchmarks%n",
                c.environment().cpuModel(), c.environment().threads(), c.environment().runtimeVersion(),
                c.benchmarks().size()));
        for (var k : dev.ridgeline.hardware.device.KernelClass.values()) {
            s.append(String.format(Locale.ROOT, "  attainable FP32 rate, %-10s %.3g ops/s%n", k.id(),
                    c.fit().opsPerSecond()[k.ordinal()]));
        }
        s.append(String.format(Locale.ROOT, "  attainable bandwidth             %.3g bytes/s%n",
                c.fit().bytesPerSecond()));
        s.append(String.format(Locale.ROOT, "  overhead per kernel              %s%n",
                Quantities.seconds(c.fit().overheadSeconds())));
        s.append(String.format(Locale.ROOT, "  fit: rms of log(predicted / measured) = %.3f (about %.0f%%)%n",
                c.fit().rmsLogResidual(), 100 * (Math.exp(c.fit().rmsLogResidual()) - 1)));
        long noisy = java.util.Arrays.stream(c.spreads()).filter(x -> x > 0.10).count();
        if (noisy > 0) {
            s.append(String.format(Locale.ROOT, "  NOISY: %d of %d runs spread more than 10%% of their median;"
                    + " the machine is busy: calibrate again on an idle machine for a better fit%n", noisy,
                    c.benchmarks().size()));
        }
        s.append("wrote ").append(yaml).append(" and ").append(residuals).append('\n');
        return s.toString();
    }
}
