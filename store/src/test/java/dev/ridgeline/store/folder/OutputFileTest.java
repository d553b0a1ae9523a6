package dev.ridgeline.store.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards docs/architecture.md ("Output files are written to a temporary file and moved into place, so a failed
 * run never leaves half a file") and README.md ("nothing is half-written").
 */
class OutputFileTest {
    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteThatFailsMidwayLeavesTheEarlierFileAndNoTemporaryOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.json");
        OutputFile.write(file, w -> {
            try {
                w.write("{\"old\": true}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertEquals("{\"old\": true}\n", Files.readString(file));
        assertThrows(IllegalStateException.class, () -> OutputFile.write(file, w -> {
            try {
                w.write("{\"new\": ");
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("the run failed halfway");
        }));
        assertEquals("{\"old\": true}\n", Files.readString(file), "the earlier file, whole");
        assertEquals(List.of("summary.json"), names(dir), "no temporary file left behind");
    }

    @Test
    void bytesReplaceTheFileWholeAndBadTargetsAreBadInput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.onnx");
        OutputFile.writeBytes(file, new byte[] {1, 2, 3});
        OutputFile.writeBytes(file, new byte[] {4, 5});
        assertEquals(List.of((byte) 4, (byte) 5), List.of(Files.readAllBytes(file)[0], Files.readAllBytes(file)[1]));
        assertEquals(2, Files.size(file));
        assertEquals(List.of("m.onnx"), names(dir));
        String noDir = assertThrows(BadInputException.class,
                () -> OutputFile.writeBytes(dir.resolve("none/m.onnx"), new byte[1])).getMessage();
        assertTrue(noDir.contains("no such directory"), noDir);
        String isDir = assertThrows(BadInputException.class, () -> OutputFile.writeBytes(dir, new byte[1]))
                .getMessage();
        assertTrue(isDir.contains("it is a directory"), isDir);
    }
}
