package dev.ridgeline.store.merge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.core.BadInputException;
import dev.ridgeline.store.format.JsonLocations;
import java.nio.file.Path;

/**
 * Typed, range-checked reads of a result file's fields: a field of the wrong type or out of range is bad input
 * naming the file, line and column and the field's path ({@code summary.json:40:17: field 'front[3].choices[2]'}),
 * never a default or a cast failure.
 */
final class Fields {
    private final Path file;
    private JsonLocations places;

    Fields(Path file) {
        this.file = file;
    }

    /** A wrong field, named by file:line:column (where its value, or the object missing it, starts) and path. */
    BadInputException bad(String field, String what) {
        if (places == null) {
            places = JsonLocations.of(file); // read only when a field is wrong
        }
        return new BadInputException(places.at(field) + ": field '" + field + "' " + what);
    }

    /** A whole number {@code >= min}. */
    long count(JsonNode parent, String name, String path, long min) {
        JsonNode v = parent.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min) {
            throw bad(path, "must be a whole number >= " + min + ", found " + describe(v));
        }
        return v.asLong();
    }

    /** A number (a double), or null where {@code nullable}. */
    double number(JsonNode v, String path, boolean nullable) {
        if (v == null || v.isNull()) {
            if (nullable) {
                return Double.NaN;
            }
            throw bad(path, "is missing; expected a number");
        }
        if (!v.isNumber()) {
            throw bad(path, "must be a number, found " + describe(v));
        }
        return v.asDouble();
    }

    String text(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw bad(path, "must be a non-empty text, found " + describe(v));
        }
        return v.asText();
    }

    JsonNode array(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || !v.isArray()) {
            throw bad(path, "must be a list, found " + describe(v));
        }
        return v;
    }

    JsonNode object(JsonNode v, String path) {
        if (v == null || !v.isObject()) {
            throw bad(path, "must be an object, found " + describe(v));
        }
        return v;
    }

    /**
     * Checks a shard as sweep writes it: "all" or i/N with 1 <= i <= N; with {@code list}, as a partial merge writes it,
     * also several i/N joined by commas.
     */
    void shard(JsonNode parent, String path, boolean list) {
        String s = text(parent, "shard", path);
        if (s.equals("all")) {
            return;
        }
        for (String part : list ? s.split(",", -1) : new String[] {s}) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})/(\\d{1,9})").matcher(part);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1
                    || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                throw bad(path, "'" + s + "' is neither \"all\" nor i/N with 1 <= i <= N"
                        + (list ? " (or a list of them)" : ""));
            }
        }
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String text = v.toString();
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
