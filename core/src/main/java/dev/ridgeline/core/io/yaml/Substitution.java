package dev.ridgeline.core.io.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts parameter values into a YAML tree: "$param" stands for a whole value, "${param}" for part of a text,
 * and an expression ("$in // 4", "make_divisible(32 * $width_mult, 8)") is replaced by its value. The
 * parameters are a block's (with {@code $in}) or a model file's own ({@code params:} at the top).
 *
 * @param owner    how messages name whose parameters these are ("block 'fire'", "model 'mobilenet_v2'")
 * @param bindings each parameter's value as written
 * @param skipKeys map keys whose values are left as written (a top-level {@code copy_name} is an expression
 *                 of the copy index, not of the parameters)
 */
record Substitution(String owner, Map<String, YamlTree> bindings, String source, Set<String> skipKeys) {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)}|^\\$(\\w+)$");

    YamlTree apply(YamlTree node) {
        if (node instanceof YamlTree.Scalar s) {
            return scalar(s);
        }
        if (node instanceof YamlTree.Sequence seq) {
            List<YamlTree> items = new ArrayList<>();
            for (YamlTree n : seq.items()) {
                items.add(apply(n));
            }
            return new YamlTree.Sequence(items, seq.line(), seq.column());
        }
        YamlTree.Mapping map = (YamlTree.Mapping) node;
        List<YamlTree.Entry> entries = new ArrayList<>();
        for (YamlTree.Entry e : map.entries()) {
            entries.add(new YamlTree.Entry(e.key(), skipKeys.contains(e.key().text()) ? e.value() : apply(e.value())));
        }
        return new YamlTree.Mapping(entries, map.line(), map.column());
    }

    private YamlTree scalar(YamlTree.Scalar s) {
        String v = s.text();
        Matcher whole = REFERENCE.matcher(v);
        if (whole.matches() && whole.group(2) != null) {
            return binding(whole.group(2), s);
        }
        if (ScalarExpressions.isExpression(v)) {
            return s.withText(ScalarExpressions.text(ScalarExpressions.evaluate(s, source, param -> operand(param, s))));
        }
        StringBuilder out = new StringBuilder();
        Matcher m = REFERENCE.matcher(v);
        boolean changed = false;
        while (m.find()) {
            String param = m.group(1) != null ? m.group(1) : m.group(2);
            YamlTree value = binding(param, s);
            if (!(value instanceof YamlTree.Scalar sv)) {
                throw new YamlNode(source, s).error("parameter '%s' of %s is not a single value, so it cannot stand "
                        + "inside text", param, owner);
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

    /** A parameter's value inside an expression; a list or map cannot take part in arithmetic. */
    private Optional<Object> operand(String param, YamlTree.Scalar at) {
        YamlTree value = bindings.get(param);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof YamlTree.Scalar sv) || sv.isNull()) {
            throw new YamlNode(source, at).error("parameter '%s' of %s is not a single value, so it cannot take part "
                    + "in '%s'", param, owner, at.text());
        }
        return Optional.of(ScalarExpressions.operand(sv.text()));
    }

    private YamlTree binding(String param, YamlTree.Scalar at) {
        YamlTree value = bindings.get(param);
        if (value == null) {
            throw new YamlNode(source, at).error("unknown parameter '$%s' in %s; its parameters: %s", param, owner,
                    bindings.isEmpty() ? "none" : String.join(", ", bindings.keySet()));
        }
        return value;
    }
}
