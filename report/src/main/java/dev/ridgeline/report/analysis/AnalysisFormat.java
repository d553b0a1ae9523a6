package dev.ridgeline.report.analysis;

import dev.ridgeline.store.analysis.AnalysisJson;
import dev.ridgeline.store.analysis.Provenance;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.hardware.device.Precision;
import dev.ridgeline.hardware.roofline.LatencyReport;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ways an analysis can be written: a table for people, JSON or CSV for programs. */
public enum AnalysisFormat {
    TABLE,
    JSON,
    CSV;

    /** The name users type: "table", "json", "csv". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public void write(CostReport report, Precision precision, Provenance provenance, Writer out) {
        write(report, precision, Optional.empty(), provenance, out);
    }

    /** The report counted at {@code precision} and, when it was timed on a device, its latency. */
    public void write(CostReport report, Precision precision, Optional<LatencyReport> latency, Provenance provenance,
                      Writer out) {
        switch (this) {
            case TABLE -> AnalysisTable.write(report, latency, out);
            case JSON -> AnalysisJson.write(report, latency, provenance, out);
            case CSV -> AnalysisCsv.write(report, precision, latency, out);
        }
    }

    /** The format named {@code id} (any case); an unknown name fails listing the known ones. */
    public static AnalysisFormat byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new BadInputException("unknown format '" + id + "'; known formats: " + knownIds()));
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(AnalysisFormat::id).collect(Collectors.joining(", "));
    }
}
