package dev.ridgeline.store.analysis;

import dev.ridgeline.store.folder.OutputFile;
import java.nio.file.Path;

/**
 * {@code analyze --out FILE}: the analysis in the format asked for (JSON, CSV or the terminal's table, rendered by
 * the caller), replaced by a rename ({@link OutputFile}), so a failed run leaves the previous file.
 */
public final class AnalysisFile {
    private AnalysisFile() {
    }

    public static void write(Path out, String rendered) {
        OutputFile.writeText(out, rendered);
    }
}
