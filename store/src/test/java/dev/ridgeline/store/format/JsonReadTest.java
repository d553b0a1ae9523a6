package dev.ridgeline.store.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Json.read: a JSON object back, and a message naming the file for anything else. */
class JsonReadTest {
    private static String error(Path file) {
        return assertThrows(BadInputException.class, () -> Json.read(file, "a sweep's summary.json")).getMessage();
    }

    @Test
    void readsAnObject(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("summary.json"), "{\"jobHash\": \"abc\"}\n");
        assertEquals("abc", Json.read(f, "a sweep's summary.json").path("jobHash").asText());
    }

    @Test
    void anEmptyFileIsNamedAsEmpty(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("summary.json"), "");
        String m = error(f);
        assertEquals(f + ": expected a sweep's summary.json, found an empty file", m);
    }

    @Test
    void anArrayOrDamagedJsonOrNoFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path array = Files.writeString(dir.resolve("a.json"), "[1, 2]");
        assertTrue(error(array).endsWith("found a JSON array"), error(array));
        Path damaged = Files.writeString(dir.resolve("d.json"), "{\n  \"a\": \n");
        assertTrue(error(damaged).startsWith(damaged + ": damaged JSON at line "), error(damaged));
        assertTrue(error(dir.resolve("none.json")).contains("no such file"), error(dir.resolve("none.json")));
    }
}
