package dev.ridgeline.store.export;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.io.yaml.ModelYamlWriter;
import dev.ridgeline.store.folder.OutputFile;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code export --out FILE}: one design as a model file or an ONNX file, replaced by a rename
 * ({@link OutputFile}); an existing file only with {@code --force}, and never a file the export reads.
 */
public final class ExportFile {
    private ExportFile() {
    }

    /** Checks {@code out} before the work: not one of {@code reads} (the job, its model), not existing unless forced. */
    public static void check(Path out, boolean force, List<Path> reads) {
        OutputFile.checkTarget(out, force, reads);
    }

    public static void writeModel(Path out, Model model, List<String> comments) {
        OutputFile.write(out, w -> ModelYamlWriter.write(model, comments, w));
    }

    /** An ONNX file's bytes (the serialized model proto). */
    public static void writeOnnx(Path out, byte[] onnx) {
        OutputFile.writeBytes(out, onnx);
    }
}
