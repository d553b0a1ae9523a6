package dev.ridgeline.store.measure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.measure.validate.Accuracy;
import dev.ridgeline.measure.validate.Validation;
import dev.ridgeline.measure.validate.ValidationPoint;
import dev.ridgeline.store.format.Csv;
import dev.ridgeline.store.format.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A validation as text (accuracy of the profile and of the comparison), as CSV (one held-out design a row:
 * {@code job, choices, measuredSeconds (fastest run), medianSeconds, relativeSpread, predictedSeconds,
 * comparedSeconds}) and as JSON.
 */
public final class ValidationReport {
    private ValidationReport() {
    }

    public static String summary(Validation.Result r, String profile, String comparison) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d held-out designs measured in %s %s, %d thread(s), batch 1, fp32%n",
                r.points().size(), r.environment().runtime(), r.environment().runtimeVersion(),
                r.environment().threads()));
        s.append(String.format(Locale.ROOT, "%-40s %9s %8s %11s %9s %10s%n", "profile", "Spearman", "Kendall",
                "median err", "p90 err", "within 10%"));
        s.append(row(profile, r.accuracy())).append(row(comparison, r.compared()));
        s.append(row(profile + ", vs medians", r.accuracyOnMedians()));
        s.append("(errors against each design's fastest run, the one least disturbed by other processes;"
                + " the last row against the medians)\n");
        long noisy = r.points().stream().filter(p -> p.relativeSpread() > 0.10).count();
        if (noisy > 0) {
            s.append(String.format(Locale.ROOT, "NOISY: %d of %d designs spread more than 10%% of their median"
                    + " (a busy machine); their times are less certain%n", noisy, r.points().size()));
        }
        return s.toString();
    }

    private static String row(String name, Accuracy a) {
        return String.format(Locale.ROOT, "%-40s %9.3f %8.3f %10.1f%% %8.1f%% %9.0f%%%n",
                name.length() > 40 ? name.substring(0, 37) + "..." : name, a.spearman(), a.kendall(),
                100 * a.medianAbsError(), 100 * a.p90AbsError(), 100 * a.shareWithin10());
    }

    public static void csv(Validation.Result r, Writer out) {
        try {
            Csv.line(out, List.of("job", "choices", "measuredSeconds", "medianSeconds", "relativeSpread",
                    "predictedSeconds", "comparedSeconds"));
            for (ValidationPoint p : r.points()) {
                Csv.line(out, List.of(p.job(), p.choices(), Double.toString(p.measuredSeconds()),
                        Double.toString(p.medianSeconds()), Double.toString(p.relativeSpread()), Double.toString(p.predictedSeconds()),
                        Double.toString(p.comparedSeconds())));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json(Validation.Result r, String profile, String comparison) {
        ObjectNode root = Json.object();
        root.put("designs", r.points().size());
        root.set("profile", accuracy(profile, r.accuracy()));
        root.set("comparison", accuracy(comparison, r.compared()));
        root.set("profileAgainstMedians", accuracy(profile, r.accuracyOnMedians()));
        root.set("environment", MeasurementJson.environment(r.environment()));
        return root;
    }

    private static ObjectNode accuracy(String name, Accuracy a) {
        ObjectNode n = Json.object();
        n.put("name", name);
        n.put("spearman", a.spearman());
        n.put("kendall", a.kendall());
        n.put("medianAbsPercentError", 100 * a.medianAbsError());
        n.put("p90AbsPercentError", 100 * a.p90AbsError());
        n.put("shareWithin10Percent", a.shareWithin10());
        return n;
    }
}
