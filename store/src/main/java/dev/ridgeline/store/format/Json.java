package dev.ridgeline.store.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * The one JSON style of Ridgeline's outputs: two-space indents, {@code "name": value}, arrays on one line
 * ({@code [3, 224, 224]}, {@code [{...}, {...}]}); writing leaves the writer open.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""))
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Any value (lists, maps, numbers, strings) as a JSON tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static void write(JsonNode tree, Writer out) throws IOException {
        MAPPER.writer(PRETTY).writeValue(out, tree);
    }

    /** A whole JSON output file: the tree, a final newline, flushed; a failed write is unchecked. */
    public static void writeDocument(JsonNode tree, Writer out) {
        try {
            write(tree, out);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Reads a JSON file Ridgeline wrote; a missing or damaged one is bad input naming the file and
     * {@code expected}, what it should have held.
     */
    public static JsonNode read(java.nio.file.Path file, String expected) {
        try {
            JsonNode tree = MAPPER.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                // Jackson reads an empty file as a missing node (older versions as null)
                throw new dev.ridgeline.core.BadInputException(file + ": expected " + expected + ", found "
                        + (tree == null || tree.isMissingNode() ? "an empty file" : "a JSON "
                        + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            }
            return tree;
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new dev.ridgeline.core.BadInputException(file + ": no such file; expected " + expected);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new dev.ridgeline.core.BadInputException(file + ": damaged JSON" + at + "; expected " + expected);
        } catch (IOException e) {
            throw new dev.ridgeline.core.BadInputException(file + ": cannot read: " + e.getMessage());
        }
    }
}
