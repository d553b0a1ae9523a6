package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.graph.SizeLimits;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of a YAML map, in file order, for strict reading: {@link #allowOnly} rejects unknown
 * fields (suggesting the nearest allowed one), and every accessor names the field and its location.
 */
public final class YamlMap {
    private final YamlNode self;
    private final Map<String, YamlNode> values = new LinkedHashMap<>();
    private final Map<String, YamlNode> keys = new LinkedHashMap<>();

    YamlMap(YamlNode self, YamlTree.Mapping node) {
        this.self = self;
        for (YamlTree.Entry e : node.entries()) {
            String name = e.key().text();
            YamlNode key = new YamlNode(self.source(), e.key());
            if (values.containsKey(name)) {
                throw key.error("field '%s' appears twice", name);
            }
            keys.put(name, key);
            values.put(name, new YamlNode(self.source(), e.value()));
        }
    }

    /** This map with the fields of {@code defaults} that it does not set itself (defaults keep their locations). */
    public YamlMap withDefaults(YamlMap defaults) {
        YamlTree.Mapping raw = (YamlTree.Mapping) self.raw();
        java.util.List<YamlTree.Entry> entries = new java.util.ArrayList<>(raw.entries());
        for (YamlTree.Entry e : ((YamlTree.Mapping) defaults.self.raw()).entries()) {
            if (!values.containsKey(e.key().text())) {
                entries.add(e);
            }
        }
        return new YamlMap(self, new YamlTree.Mapping(entries, raw.line(), raw.column()));
    }

    public YamlNode node() {
        return self;
    }

    public String location() {
        return self.location();
    }

    public Set<String> fields() {
        return values.keySet();
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public int size() {
        return values.size();
    }

    /** Rejects any field not in {@code allowed}: "file:3:5: unknown field 'kernal' in conv (did you mean 'kernel'?); allowed: ...". */
    public YamlMap allowOnly(String what, Collection<String> allowed) {
        for (Map.Entry<String, YamlNode> e : keys.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String hint = Suggest.hint(e.getKey(), allowed);
                throw e.getValue().error("unknown field '%s' in %s%s; allowed fields: %s", e.getKey(), what, hint,
                        String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    public Optional<YamlNode> get(String field) {
        YamlNode v = values.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /** The value of a required field; its absence names the field and what it is for. */
    public YamlNode require(String field, String what) {
        return get(field).orElseThrow(() -> self.error("%s needs the field '%s'", what, field));
    }

    /** Location of a field's name, for errors about the field as a whole. */
    public YamlNode key(String field) {
        return keys.get(field);
    }

    public int intOr(String field, String what, int fallback) {
        return get(field).map(v -> v.asInt(label(what, field))).orElse(fallback);
    }

    public int positiveIntOr(String field, String what, int fallback) {
        return get(field).map(v -> v.asPositiveInt(label(what, field))).orElse(fallback);
    }

    public int requirePositiveInt(String field, String what) {
        return require(field, what).asPositiveInt(label(what, field));
    }

    /** A field holding a whole number from {@code min} to {@code max}, or {@code fallback} when it is unset. */
    public int intInOr(String field, String what, int fallback, int min, int max) {
        return get(field).map(v -> v.asIntIn(label(what, field), min, max)).orElse(fallback);
    }

    /** A required count of channels or features, from 1 to {@link SizeLimits#MAX_CHANNELS}. */
    public int requireChannels(String field, String what) {
        return require(field, what).asIntIn(label(what, field), 1, SizeLimits.MAX_CHANNELS);
    }

    /** A count of channels or features, from 1 to {@link SizeLimits#MAX_CHANNELS}, or {@code fallback}. */
    public int channelsOr(String field, String what, int fallback) {
        return intInOr(field, what, fallback, 1, SizeLimits.MAX_CHANNELS);
    }

    public double doubleOr(String field, String what, double fallback) {
        return get(field).map(v -> v.asDouble(label(what, field))).orElse(fallback);
    }

    public boolean boolOr(String field, String what, boolean fallback) {
        return get(field).map(v -> v.asBoolean(label(what, field))).orElse(fallback);
    }

    public Optional<String> text(String field, String what) {
        return get(field).map(v -> v.text(label(what, field)));
    }

    /** "field 'kernel' of conv": how messages name a field. */
    public static String label(String what, String field) {
        return "field '" + field + "' of " + what;
    }
}
