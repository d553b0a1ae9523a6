package dev.ridgeline.store.measure;

import dev.ridgeline.measure.Measurement;
import dev.ridgeline.store.folder.OutputFile;
import dev.ridgeline.store.format.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code measure --out FILE}: one measurement, as JSON or as the table a terminal shows, replaced by a rename
 * ({@link OutputFile}); an existing file only with {@code --force}, the measured model never.
 */
public final class MeasurementFile {
    private MeasurementFile() {
    }

    /** Checks {@code out} before the runs, which take long. */
    public static void check(Path out, boolean force, Path measured) {
        OutputFile.checkTarget(out, force, List.of(measured));
    }

    public static void writeJson(Path out, Measurement m, OptionalDouble predictedSeconds) {
        OutputFile.write(out, w -> Json.writeDocument(MeasurementJson.tree(m, predictedSeconds), w));
    }

    /** The table as rendered for a terminal. */
    public static void writeTable(Path out, String table) {
        OutputFile.writeText(out, table);
    }
}
