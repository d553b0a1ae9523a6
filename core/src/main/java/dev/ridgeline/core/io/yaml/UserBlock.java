package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.build.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A block a model file defines under {@code blocks:}, with parameters (a default, or ~ for required)
 * and layers in which "$param" stands for a whole value and "${param}" for part of a name.
 */
final class UserBlock implements Block {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)}|^\\$(\\w+)$");

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
        Map<String, Node> bindings = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> d : defaults.entrySet()) {
            YamlNode value = args.get(d.getKey()).orElse(d.getValue());
            if (value == null) {
                throw args.node().error("%s needs the parameter '%s' (block '%s' takes: %s)", what, d.getKey(), name,
                        String.join(", ", defaults.keySet()));
            }
            bindings.put(d.getKey(), value.raw());
        }
        if (!first && bindings.containsKey("stride")) {
            Node stride = bindings.get("stride");
            bindings.put("stride", new ScalarNode(Tag.INT, "1", stride.getStartMark(), stride.getEndMark(),
                    DumperOptions.ScalarStyle.PLAIN));
        }
        Node expanded = substitute(layers.raw(), bindings, layers.source());
        reader.read(new YamlNode(layers.source(), expanded).asList("the layers of block '" + name + "'"), scope);
    }

    private Node substitute(Node node, Map<String, Node> bindings, String source) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            Matcher whole = REFERENCE.matcher(v);
            if (whole.matches() && whole.group(2) != null) {
                return binding(whole.group(2), bindings, s, source);
            }
            StringBuilder out = new StringBuilder();
            Matcher m = REFERENCE.matcher(v);
            boolean changed = false;
            while (m.find()) {
                String param = m.group(1) != null ? m.group(1) : m.group(2);
                Node value = binding(param, bindings, s, source);
                if (!(value instanceof ScalarNode sv)) {
                    throw new YamlNode(source, s).error("parameter '%s' of block '%s' is not a single value, so it "
                            + "cannot stand inside text", param, name);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(sv.getValue()));
                changed = true;
            }
            if (!changed) {
                return s;
            }
            m.appendTail(out);
            return new ScalarNode(Tag.STR, out.toString(), s.getStartMark(), s.getEndMark(), s.getScalarStyle());
        }
        if (node instanceof SequenceNode seq) {
            List<Node> items = new ArrayList<>();
            for (Node n : seq.getValue()) {
                items.add(substitute(n, bindings, source));
            }
            return new SequenceNode(seq.getTag(), true, items, seq.getStartMark(), seq.getEndMark(), seq.getFlowStyle());
        }
        MappingNode map = (MappingNode) node;
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            tuples.add(new NodeTuple(t.getKeyNode(), substitute(t.getValueNode(), bindings, source)));
        }
        return new MappingNode(map.getTag(), true, tuples, map.getStartMark(), map.getEndMark(), map.getFlowStyle());
    }

    private Node binding(String param, Map<String, Node> bindings, ScalarNode at, String source) {
        Node value = bindings.get(param);
        if (value == null) {
            throw new YamlNode(source, at).error("unknown parameter '$%s' in block '%s'; its parameters: %s", param,
                    name, bindings.isEmpty() ? "none" : String.join(", ", bindings.keySet()));
        }
        return value;
    }
}
