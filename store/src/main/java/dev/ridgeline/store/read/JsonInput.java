package dev.ridgeline.store.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ridgeline.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON a Ridgeline command wrote, tolerantly: fields are found by name, unknown fields are ignored,
 * and a missing or mistyped field the report needs is an error naming the file, the field and what was expected.
 */
final class JsonInput {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final JsonNode root;

    private JsonInput(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** @param expected what the file should be, for the error message ("the summary.json that sweep writes") */
    static JsonInput read(Path file, String expected) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + "); expected " + expected, e);
        }
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                throw new BadInputException(file + ": not a JSON object; expected " + expected);
            }
            return new JsonInput(file, root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new BadInputException(file + where + ": not valid JSON (" + e.getOriginalMessage() + "); expected "
                    + expected, e);
        }
    }

    /** A tree built in memory, reported as if read from {@code file}. */
    static JsonInput of(Path file, JsonNode root) {
        return new JsonInput(file, root);
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** A field that must be an object. */
    JsonNode object(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw missing(path + field, "an object");
        }
        return node;
    }

    /** A field that must be an array. */
    JsonNode array(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw missing(path + field, "an array");
        }
        return node;
    }

    String text(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw missing(path + field, "a string");
        }
        return node.asText();
    }

    /** A number that must be present; null and NaN-like values are errors. */
    double number(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber()) {
            throw missing(path + field, "a number");
        }
        return node.asDouble();
    }

    long count(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw missing(path + field, "a whole number");
        }
        return node.asLong();
    }

    static Optional<String> optionalText(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    /** A number that may be absent or null: NaN then. */
    static double optionalNumber(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }

    /**
     * An object's fields as numbers by name, as summary.json and plan.json hold metrics: a field that is not
     * a number is NaN when {@code othersAsNaN}, else left out.
     */
    static Map<String, Double> numbers(JsonNode object, boolean othersAsNaN) {
        Map<String, Double> numbers = new HashMap<>();
        object.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                numbers.put(e.getKey(), e.getValue().asDouble());
            } else if (othersAsNaN) {
                numbers.put(e.getKey(), Double.NaN);
            }
        });
        return numbers;
    }

    BadInputException missing(String field, String what) {
        return new BadInputException(file + ": field '" + field + "' is missing or not " + what);
    }
}
