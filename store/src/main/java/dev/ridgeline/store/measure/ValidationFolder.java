package dev.ridgeline.store.measure;

import dev.ridgeline.measure.validate.Validation;
import dev.ridgeline.store.folder.ResultFolder;
import dev.ridgeline.store.folder.Staging;
import dev.ridgeline.store.format.Json;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code hardware validate --out DIR}: validation.csv, validation.json and validation.png, staged and swapped in
 * together with a manifest like every result folder (see {@link ResultFolder}), so a failed or killed run leaves
 * the previous three.
 */
public final class ValidationFolder {
    public static final String CSV = "validation.csv";
    public static final String JSON = "validation.json";
    public static final String PNG = "validation.png";
    public static final Set<String> FILES = Set.of(CSV, JSON, PNG);

    private ValidationFolder() {
    }

    /** Opens (checks, locks, stages) {@code out} before the measurements, which take long. */
    public static ResultFolder open(Path out) {
        return ResultFolder.open(out, "ridgeline hardware validate", new ResultFolder.Options(FILES, false, false,
                false));
    }

    /** Writes the three files into the staging folder; the caller commits. */
    public static void write(Staging into, Validation.Result r, String profile, String comparison, byte[] png) {
        into.write(CSV, w -> ValidationReport.csv(r, w));
        into.write(JSON, w -> Json.writeDocument(ValidationReport.json(r, profile, comparison), w));
        into.writeBytes(PNG, png);
    }
}
