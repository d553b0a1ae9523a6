package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.build.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A block a model file defines under {@code blocks:}, with parameters (a default, or ~ for required)
 * and layers in which "$param" stands for a whole value, "${param}" for part of a name, and an expression
 * ("$in // 4", "make_divisible($in * $ratio, 8)") for its value; {@code $in} is the channels entering the
 * block.
 */
final class UserBlock implements Block {
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
        // the model file's parameters are seen inside every block, unless a block parameter has the name
        reader.modelParams().forEach(bindings::putIfAbsent);
        YamlTree expanded = new Substitution("block '" + name + "'", bindings, layers.source(), Set.of())
                .apply(layers.raw());
        reader.read(new YamlNode(layers.source(), expanded).asList("the layers of block '" + name + "'"), scope);
    }
}
