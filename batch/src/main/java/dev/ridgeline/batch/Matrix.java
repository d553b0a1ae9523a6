package dev.ridgeline.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.core.io.yaml.YamlMap;
import dev.ridgeline.core.io.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A batch's matrix: for each varied job field (a dotted path may reach inside one, as in
 * {@code budgets.latencySeconds.max}), the values it takes. Its combinations vary the last field fastest.
 */
final class Matrix {
    private final Map<String, List<JsonNode>> values;
    private final Map<String, YamlNode> keys;

    private Matrix(Map<String, List<JsonNode>> values, Map<String, YamlNode> keys) {
        this.values = values;
        this.keys = keys;
    }

    static Matrix read(YamlNode node, JsonNode tree) {
        YamlMap map = node.asMap("the matrix (job field: [values])");
        Map<String, List<JsonNode>> values = new LinkedHashMap<>();
        Map<String, YamlNode> keys = new LinkedHashMap<>();
        for (String field : map.fields()) {
            YamlNode key = map.key(field);
            checkField(key, field);
            YamlNode list = map.require(field, "the matrix");
            String what = "matrix field '" + field + "'";
            List<YamlNode> items = list.asList(what + " (a list of the values it takes)");
            if (items.isEmpty()) {
                throw list.error("%s has no value; give at least one", what);
            }
            List<JsonNode> taken = new ArrayList<>();
            tree.get(field).forEach(taken::add);
            for (int i = 0; i < taken.size(); i++) {
                if (taken.subList(0, i).contains(taken.get(i))) {
                    throw items.get(i).error("%s lists %s twice", what, JobTrees.display(taken.get(i)));
                }
            }
            values.put(field, taken);
            keys.put(field, key);
        }
        if (values.isEmpty()) {
            throw node.error("the matrix varies no field; give at least one, e.g. precision: [fp16, int8]");
        }
        return new Matrix(values, keys);
    }

    /** A job field, or a dotted path into one; anything else is named with the fields allowed. */
    static void checkField(YamlNode key, String field) {
        String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        if (!BatchReader.fields().contains(top) || field.endsWith(".") || field.contains("..")) {
            throw key.error("'%s' is not a job field; a batch may vary any of %s, or a dotted path into one "
                    + "(budgets.latencySeconds.max)", field, String.join(", ", new java.util.TreeSet<>(
                    BatchReader.fields())));
        }
    }

    /** The exclude entries: each a map of matrix fields to values that matrix lists. */
    List<Map<String, JsonNode>> readExclude(YamlNode node, JsonNode tree) {
        List<YamlNode> entries = node.asList("field 'exclude' (a list of {field: value} combinations to skip)");
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String what = "entry " + (i + 1) + " of 'exclude'";
            YamlMap map = entries.get(i).asMap(what + " (a map of matrix fields to values)");
            Map<String, JsonNode> combination = new LinkedHashMap<>();
            for (String field : map.fields()) {
                if (!values.containsKey(field)) {
                    throw map.key(field).error("%s names '%s', which the matrix does not vary; it varies %s", what,
                            field, String.join(", ", values.keySet()));
                }
                JsonNode value = tree.get(i).get(field);
                if (!values.get(field).contains(value)) {
                    throw map.require(field, what).error("%s: %s is not among the matrix's values of %s: %s", what,
                            JobTrees.display(value), field, values.get(field).stream().map(JobTrees::display)
                                    .collect(Collectors.joining(", ")));
                }
                combination.put(field, value);
            }
            out.add(combination);
        }
        return out;
    }

    /** Every combination, the last field varying fastest; more than {@code limit} is refused at once. */
    List<Map<String, JsonNode>> combinations(int limit) {
        long count = 1;
        for (List<JsonNode> v : values.values()) {
            count *= v.size();
            if (count > limit) {
                YamlNode first = keys.values().iterator().next();
                throw first.error("the matrix has more than %,d combinations; at most %,d jobs are allowed", limit,
                        limit);
            }
        }
        List<Map<String, JsonNode>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<JsonNode>> e : values.entrySet()) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> partial : out) {
                for (JsonNode v : e.getValue()) {
                    Map<String, JsonNode> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    static boolean matches(Map<String, JsonNode> exclude, Map<String, JsonNode> combination) {
        return exclude.entrySet().stream().allMatch(e -> e.getValue().equals(combination.get(e.getKey())));
    }

    /** The readable part of a job's id: each varied value, a file by its stem, a list or map by its place. */
    String slug(Map<String, JsonNode> combination) {
        List<String> parts = new ArrayList<>();
        combination.forEach((field, value) -> {
            String leaf = field.substring(field.lastIndexOf('.') + 1);
            parts.add(value.isValueNode() ? JobTrees.stem(value.asText())
                    : leaf + (values.get(field).indexOf(value) + 1));
        });
        return String.join("-", parts);
    }

    static Map<String, String> texts(Map<String, JsonNode> combination) {
        Map<String, String> out = new LinkedHashMap<>();
        combination.forEach((field, value) -> out.put(field, JobTrees.display(value)));
        return out;
    }
}
