package dev.ridgeline.store.measure;

import dev.ridgeline.measure.calibrate.Calibration;
import dev.ridgeline.measure.calibrate.CalibrationYaml;
import dev.ridgeline.store.folder.OutputFile;
import java.nio.file.Path;

/**
 * {@code hardware calibrate --out NAME.yaml}: the device file and NAME.residuals.csv beside it, each replaced by a
 * rename ({@link OutputFile}); the residuals first, so the device file never names residuals that are not there.
 */
public final class CalibrationFiles {
    private CalibrationFiles() {
    }

    /** The residuals file that goes beside device file {@code out} of device {@code id}. */
    public static Path residuals(Path out, String id) {
        return out.resolveSibling(id + ".residuals.csv");
    }

    public static void write(Path out, String id, Calibration c) {
        Path residuals = residuals(out, id);
        OutputFile.write(residuals, w -> CalibrationReport.residualsCsv(c, w));
        String yaml = CalibrationYaml.render(c, id, residuals.getFileName().toString());
        OutputFile.writeText(out, yaml);
    }
}
