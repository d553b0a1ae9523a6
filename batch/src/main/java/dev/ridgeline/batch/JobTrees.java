package dev.ridgeline.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ridgeline.core.io.yaml.YamlNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Jobs as plain YAML trees, for expanding a batch: reading a base job (a file or an inline map), setting
 * a field (a dotted path reaches inside one), and writing the resolved job back as YAML text. Relative
 * model and device paths are rebased onto the batch file's folder, so every resolved job reads from one.
 */
final class JobTrees {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    /** The job fields that may name a file. */
    private static final String[] PATH_FIELDS = {"model", "hardware"};

    private JobTrees() {
    }

    static JsonNode parse(String source, String text) {
        try {
            JsonNode tree = YAML.readTree(text);
            return tree == null ? YAML.createObjectNode() : tree;
        } catch (JsonProcessingException e) {
            // the location-aware reader has already accepted the text, so this is ours
            throw new IllegalStateException(source + ": YAML read differently by two parsers: " + e.getMessage(), e);
        }
    }

    /** The job a base or a jobs entry names: a job file (relative to {@code dir}) or an inline map. */
    static ObjectNode jobTree(YamlNode node, JsonNode tree, Path dir) {
        if (node.isMap()) {
            return (ObjectNode) tree.deepCopy();
        }
        String name = node.text("a job or plan (a file, or an inline map of its fields)");
        Path file = dir.resolve(name).normalize();
        if (Files.isDirectory(file)) {
            throw node.error("%s is a directory; give a job or plan file", name);
        }
        if (!Files.exists(file)) {
            throw node.error("no such job or plan file: %s", file);
        }
        String text = YamlNode.readText(file);
        YamlNode located = YamlNode.parse(file.toString(), new StringReader(text));
        located.asMap("a job or plan file");
        ObjectNode job = (ObjectNode) parse(file.toString(), text);
        Path jobDir = file.getParent();
        for (String field : PATH_FIELDS) {
            JsonNode v = job.get(field);
            if (v != null && v.isTextual() && Files.isRegularFile(jobDir.resolve(v.asText()))) {
                Path rebased = dir.relativize(jobDir.resolve(v.asText()).normalize());
                job.put(field, rebased.toString().replace('\\', '/'));
            }
        }
        return job;
    }

    /** Sets {@code field} (a dotted path creates the maps on its way) to a copy of {@code value}. */
    static void set(ObjectNode job, String field, JsonNode value) {
        String[] parts = field.split("\\.");
        ObjectNode at = job;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            if (!(next instanceof ObjectNode)) {
                next = at.putObject(parts[i]);
            }
            at = (ObjectNode) next;
        }
        at.set(parts[parts.length - 1], value.deepCopy());
    }

    static String write(ObjectNode job) {
        try {
            return YAML.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a job as YAML: " + e.getMessage(), e);
        }
    }

    /** A top-level field's text when it is a single value, else "". */
    static String text(ObjectNode job, String field) {
        JsonNode v = job.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    /** A value as the index shows it: a scalar's text, a list or map in flow style. */
    static String display(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString().replace("\"", "");
    }

    /** A model or device file by its name without folders and extension; other text as it is. */
    static String stem(String text) {
        String name = text.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".yaml", ".yml", ".onnx"}) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    /** Safe for a folder name: letters, digits, '.', '_' and '-', at most 80 characters. */
    static String slug(String text) {
        String s = text.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+", "");
        s = s.isEmpty() ? "job" : s;
        return (s.length() > 80 ? s.substring(0, 80) : s).toLowerCase(Locale.ROOT);
    }
}
