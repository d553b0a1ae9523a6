package dev.ridgeline.store.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a JSON file starts, by its path ({@code front[3].choices[2]}, {@code shard}; the root is
 * {@code ""}), so that a field found wrong after reading names its file, line and column. A file that cannot be
 * read or parsed gives no places (its reader has said why already).
 */
public final class JsonLocations {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final Path file;
    private final Map<String, long[]> where;

    private JsonLocations(Path file, Map<String, long[]> where) {
        this.file = file;
        this.where = where;
    }

    public static JsonLocations of(Path file) {
        Map<String, long[]> where = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            Deque<String> paths = new ArrayDeque<>(); // the path of each open container
            Deque<int[]> index = new ArrayDeque<>(); // per open container: the next array index, or -1 in an object
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    paths.pop();
                    index.pop();
                    continue;
                }
                String path;
                if (paths.isEmpty()) {
                    path = "";
                } else if (index.peek()[0] >= 0) {
                    path = paths.peek() + "[" + index.peek()[0]++ + "]";
                } else {
                    path = paths.peek().isEmpty() ? field : paths.peek() + "." + field;
                }
                JsonLocation at = p.currentTokenLocation();
                where.putIfAbsent(path, new long[] {at.getLineNr(), at.getColumnNr()});
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    paths.push(path);
                    index.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged file: the places read so far stand
        }
        return new JsonLocations(file, where);
    }

    /**
     * {@code file:line:column} of the value at {@code path}, or of its nearest enclosing value that is there (a
     * missing field is placed at its object); the file alone when nothing is known.
     */
    public String at(String path) {
        String p = path;
        while (true) {
            long[] lc = where.get(p);
            if (lc != null) {
                return file + ":" + lc[0] + ":" + lc[1];
            }
            if (p.isEmpty()) {
                return file.toString();
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}
