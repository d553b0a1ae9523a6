package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.expr.Expression;
import dev.ridgeline.core.expr.ExpressionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The copies a layer's {@code repeat} asks for: how many, the name of each ({@code copy_name}, a template
 * whose {@code {expression}} parts may use {@code $i}, the copy's index from 0; "{$i}" by default, so copies
 * are NAME.0, NAME.1, ...) and the fields that differ per copy ({@code per_copy: {field: [one value per
 * copy]}}).
 */
final class Copies {
    private static final Pattern PART = Pattern.compile("\\{([^}]*)}");

    private final int count;
    private final YamlNode template;
    private final Map<String, List<YamlNode>> perCopy;

    private Copies(int count, YamlNode template, Map<String, List<YamlNode>> perCopy) {
        this.count = count;
        this.template = template;
        this.perCopy = perCopy;
    }

    static Copies of(YamlMap fields, String what) {
        int count = fields.intInOr("repeat", what, 1, 1, dev.ridgeline.core.graph.SizeLimits.MAX_REPEAT);
        Map<String, List<YamlNode>> perCopy = new LinkedHashMap<>();
        Optional<YamlNode> per = fields.get("per_copy");
        if (per.isPresent()) {
            YamlMap m = per.get().asMap(YamlMap.label(what, "per_copy"));
            for (String field : m.fields()) {
                if (OpReaders.COMMON.contains(field)) {
                    throw m.key(field).error("per_copy of %s cannot set '%s'", what, field);
                }
                YamlNode values = m.require(field, what);
                List<YamlNode> list = values.asList("per_copy field '" + field + "' of " + what);
                if (list.size() != count) {
                    throw values.error("per_copy field '%s' of %s has %d values for %d copies (repeat: %d)", field,
                            what, list.size(), count, count);
                }
                perCopy.put(field, list);
            }
        }
        YamlNode template = fields.get("copy_name").orElse(null);
        if (template != null) {
            name(template, 0, what); // a mistake shows before any layer is added
        }
        return new Copies(count, template, perCopy);
    }

    int count() {
        return count;
    }

    /** True when per_copy sets this field (then the stride rule of repeats does not apply to it). */
    boolean sets(String field) {
        return perCopy.containsKey(field);
    }

    /** The local name of copy i: the layer's name alone for a single copy, NAME.suffix otherwise. */
    String localName(String base, int i, String what) {
        if (count == 1 && template == null) {
            return base;
        }
        return base + "." + (template == null ? Integer.toString(i) : name(template, i, what));
    }

    /** The fields of copy i: the layer's own, with this copy's per_copy values in place. */
    YamlMap fieldsFor(YamlMap fields, int i) {
        if (perCopy.isEmpty()) {
            return fields;
        }
        YamlTree.Mapping raw = (YamlTree.Mapping) fields.node().raw();
        List<YamlTree.Entry> entries = new ArrayList<>();
        for (YamlTree.Entry e : raw.entries()) {
            String key = e.key().text();
            if (!perCopy.containsKey(key) && !key.equals("per_copy")) {
                entries.add(e);
            }
        }
        for (Map.Entry<String, List<YamlNode>> e : perCopy.entrySet()) {
            YamlTree value = e.getValue().get(i).raw();
            entries.add(new YamlTree.Entry(new YamlTree.Scalar(e.getKey(), false, value.line(), value.column()), value));
        }
        return new YamlNode(fields.node().source(), new YamlTree.Mapping(entries, raw.line(), raw.column()))
                .asMap("");
    }

    private static String name(YamlNode template, int i, String what) {
        String text = template.text(YamlMap.label(what, "copy_name"));
        Matcher m = PART.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            try {
                value = Long.toString(Expression.parse(m.group(1)).evaluateWhole(n -> n.equals("i")
                        ? Optional.of((Object) (long) i) : Optional.empty()));
            } catch (ExpressionException e) {
                throw template.error("copy_name of %s: '%s': %s (the template may use $i, the copy's index from 0)",
                        what, m.group(1), e.getMessage());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.isEmpty() || out.toString().contains("$")) {
            throw template.error("copy_name of %s must be text with {expressions} such as \"denselayer{$i + 1}\", got"
                    + " '%s'", what, text);
        }
        return out.toString();
    }
}
