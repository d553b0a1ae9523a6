package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.build.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block a model file defines under {@code blocks:}, with parameters (a default, or ~ for required)
 * and layers in which "$param" stands for a whole value, "${param}" for part of a name, and an expression
 * ("$in // 4", "make_divisible($in * $ratio, 8)") for its value; {@code $in} is the channels entering the
 * block.
 */
final class UserBlock implements Block {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)}|^\\$(\\w+)$");
    /** The name expressions use for the channels entering the block. */
    static final String IN = "in";

    private final String name;
    private final Map<String, YamlNode> defaults;
    private final YamlNode layers;

    private UserBlock(String name, Map<String, YamlNode> defaults, YamlNode layers) {
        this.name = name;
        this.defaults = defaults;
        this.layers = layers;
    }

    static UserBlock read(String name, YamlNode definition) {
        String what = "block '" + name + "'";
        YamlMap f = definition.asMap(what).allowOnly(what, Set.of("params", "layers", "description"));
        Map<String, YamlNode> defaults = new LinkedHashMap<>();
        f.get("params").ifPresent(p -> {
            YamlMap params = p.asMap("the params of " + what);
            for (String param : params.fields()) {
                if (param.equals(IN)) {
                    throw params.key(param).error("%s cannot have a parameter named 'in': $in is the channels"
                            + " entering the block", what);
                }
                if (OpReaders.COMMON.contains(param)) {
                    throw params.key(param).error("%s cannot have a parameter named '%s': every layer has that field",
                            what, param);
                }
                defaults.put(param, params.get(param).orElse(null));
            }
        });
        YamlNode layers = f.require("layers", what);
        if (layers.asList("the layers of " + what).isEmpty()) {
            throw layers.error("%s has no layers", what);
        }
        return new UserBlock(name, defaults, layers);
    }

    @Override
    public Set<String> fields() {
        return defaults.keySet();
    }

    @Override
    public void expand(YamlMap args, String what, Scope scope, boolean first, LayerListReader reader) {
        Map<String, YamlTree> bindings = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> d : defaults.entrySet()) {
            YamlNode value = args.get(d.getKey()).orElse(d.getValue());
            if (value == null) {
                throw args.node().error("%s needs the parameter '%s' (block '%s' takes: %s)", what, d.getKey(), name,
                        String.join(", ", defaults.keySet()));
            }
            bindings.put(d.getKey(), value.raw());
        }
        if (!first && bindings.containsKey("stride")) {
            YamlTree stride = bindings.get("stride");
            bindings.put("stride", new YamlTree.Scalar("1", false, stride.line(), stride.column()));
        }
        dev.ridgeline.core.graph.Shape entering = scope.shape(scope.input());
        if (entering.rank() >= 2) {
            bindings.put(IN, new YamlTree.Scalar(Integer.toString(entering.channels()), false, 0, 0));
        }
        YamlTree expanded = substitute(layers.raw(), bindings, layers.source());
        reader.read(new YamlNode(layers.source(), expanded).asList("the layers of block '" + name + "'"), scope);
    }

    private YamlTree substitute(YamlTree node, Map<String, YamlTree> bindings, String source) {
        if (node instanceof YamlTree.Scalar s) {
            String v = s.text();
            Matcher whole = REFERENCE.matcher(v);
            if (whole.matches() && whole.group(2) != null) {
                return binding(whole.group(2), bindings, s, source);
            }
            if (ScalarExpressions.isExpression(v)) {
                return s.withText(ScalarExpressions.text(ScalarExpressions.evaluate(s, source,
                        param -> operand(param, bindings, s, source))));
            }
            StringBuilder out = new StringBuilder();
            Matcher m = REFERENCE.matcher(v);
            boolean changed = false;
            while (m.find()) {
                String param = m.group(1) != null ? m.group(1) : m.group(2);
                YamlTree value = binding(param, bindings, s, source);
                if (!(value instanceof YamlTree.Scalar sv)) {
                    throw new YamlNode(source, s).error("parameter '%s' of block '%s' is not a single value, so it "
                            + "cannot stand inside text", param, name);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(sv.text()));
                changed = true;
            }
            if (!changed) {
                return s;
            }
            m.appendTail(out);
            return s.withText(out.toString());
        }
        if (node instanceof YamlTree.Sequence seq) {
            List<YamlTree> items = new ArrayList<>();
            for (YamlTree n : seq.items()) {
                items.add(substitute(n, bindings, source));
            }
            return new YamlTree.Sequence(items, seq.line(), seq.column());
        }
        YamlTree.Mapping map = (YamlTree.Mapping) node;
        List<YamlTree.Entry> entries = new ArrayList<>();
        for (YamlTree.Entry e : map.entries()) {
            entries.add(new YamlTree.Entry(e.key(), substitute(e.value(), bindings, source)));
        }
        return new YamlTree.Mapping(entries, map.line(), map.column());
    }

    /** A parameter's value inside an expression; a list or map cannot take part in arithmetic. */
    private java.util.Optional<Object> operand(String param, Map<String, YamlTree> bindings, YamlTree.Scalar at,
                                               String source) {
        YamlTree value = bindings.get(param);
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (!(value instanceof YamlTree.Scalar sv) || sv.isNull()) {
            throw new YamlNode(source, at).error("parameter '%s' of block '%s' is not a single value, so it cannot"
                    + " take part in '%s'", param, name, at.text());
        }
        return java.util.Optional.of(ScalarExpressions.operand(sv.text()));
    }

    private YamlTree binding(String param, Map<String, YamlTree> bindings, YamlTree.Scalar at, String source) {
        YamlTree value = bindings.get(param);
        if (value == null) {
            throw new YamlNode(source, at).error("unknown parameter '$%s' in block '%s'; its parameters: %s", param,
                    name, bindings.isEmpty() ? "none" : String.join(", ", bindings.keySet()));
        }
        return value;
    }
}
