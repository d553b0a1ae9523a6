package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.build.Scope;
import dev.ridgeline.core.graph.Shape;
import dev.ridgeline.core.graph.SizeLimits;
import dev.ridgeline.core.op.Op;
import dev.ridgeline.core.op.Split;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a list of layers into a scope. Each item is "- type: {fields}" (or just "- type" when it needs
 * no fields), where type is an op, a built-in block or a block the file defines. A layer reads the
 * previous one unless it names its inputs; "repeat: n" adds n copies, of which only the first keeps
 * its stride.
 */
final class LayerListReader {
    private static final int MAX_NESTING = 16;

    private final String source;
    private final Map<String, Block> userBlocks;
    private final Map<String, YamlMap> defaults;
    private final int depth;
    private final Map<String, YamlTree> modelParams;

    /**
     * @param defaults    per layer type, fields that every layer of that type gets unless it sets them
     * @param modelParams the model file's parameters with their values, which blocks see too
     */
    LayerListReader(String source, Map<String, Block> userBlocks, Map<String, YamlMap> defaults, int depth,
                    Map<String, YamlTree> modelParams) {
        this.source = source;
        this.userBlocks = userBlocks;
        this.defaults = defaults;
        this.depth = depth;
        this.modelParams = Map.copyOf(modelParams);
    }

    /** The model file's parameters with their values ({@code params:} at the top of the file). */
    Map<String, YamlTree> modelParams() {
        return modelParams;
    }

    void read(List<YamlNode> items, Scope scope) {
        for (YamlNode item : items) {
            try {
                readItem(item, scope);
            } catch (BadInputException e) {
                throw e.getMessage().startsWith(source) ? e : item.error("%s", e.getMessage());
            }
        }
    }

    private void readItem(YamlNode item, Scope scope) {
        String type;
        YamlMap fields;
        if (item.isScalar()) {
            type = item.text("a layer");
            fields = emptyMap(item);
        } else if (item.isMap()) {
            YamlMap wrapper = item.asMap("a layer");
            if (wrapper.size() != 1) {
                throw item.error("a layer is written '- type: {fields}', with its fields inside the braces or indented "
                        + "under the type; found the keys %s at one level", wrapper.fields());
            }
            type = wrapper.fields().iterator().next();
            YamlNode value = wrapper.get(type).orElse(null);
            fields = value == null ? emptyMap(wrapper.key(type)) : value.asMap("the fields of " + type);
        } else {
            throw item.error("a layer must be '- type: {fields}' or '- type', got a list");
        }
        if (defaults.containsKey(type)) {
            fields = fields.withDefaults(defaults.get(type));
        }
        if (OpReaders.isOp(type)) {
            readOp(type, fields, scope);
        } else if (BuiltinBlocks.ALL.containsKey(type) || userBlocks.containsKey(type)) {
            readBlock(type, userBlocks.getOrDefault(type, BuiltinBlocks.ALL.get(type)), fields, scope);
        } else {
            Set<String> known = new TreeSet<>(OpReaders.types());
            known.addAll(BuiltinBlocks.ALL.keySet());
            known.addAll(userBlocks.keySet());
            String hint = Suggest.hint(type, known);
            throw (item.isMap() ? item.asMap("").key(type) : item).error("unknown layer type '%s'%s; layer types: %s",
                    type, hint, String.join(", ", OpReaders.types()) + "; blocks: "
                            + String.join(", ", BuiltinBlocks.ALL.keySet())
                            + (userBlocks.isEmpty() ? "" : ", " + String.join(", ", userBlocks.keySet())));
        }
    }

    private void readOp(String type, YamlMap fields, Scope scope) {
        fields.allowOnly(type, OpReaders.fields(type));
        if (leftOut(fields, type)) {
            return;
        }
        Copies copies = Copies.of(fields, type);
        checkGrowth(fields, scope, scope.modelNodeCount(), copies.count(), 1);
        String name = fields.text("name", type).orElse(null);
        List<String> labels = labels(fields, type);
        YamlMap all = fields;
        for (int i = 0; i < copies.count(); i++) {
            String local = name == null ? scope.autoName(type) : copies.localName(name, i, type);
            String what = type + " '" + scope.qualify(local) + "'";
            fields = copies.fieldsFor(all, i);
            List<String> inputs = i == 0 ? inputs(fields, what, scope) : List.of(scope.last());
            Shape first = scope.shape(inputs.get(0));
            if (type.equals("split")) {
                if (inputs.size() != 1) {
                    throw fields.require("inputs", what).error("%s takes exactly one input, got %d: %s", what,
                            inputs.size(), inputs);
                }
                Split part = OpReaders.splitPart(fields, what, first, 0);
                for (int k = 0; k < part.sizes().size(); k++) {
                    scope.add(local + "." + k, new Split(part.axis(), part.sizes(), k), inputs, labels);
                }
                continue;
            }
            Op op = OpReaders.read(type, fields, what, first);
            if (!op.arity().accepts(inputs.size())) {
                YamlNode at = fields.has("inputs") ? fields.require("inputs", what) : fields.node();
                throw at.error("%s takes %s, got %d: %s%s", what, op.arity().describe(), inputs.size(), inputs,
                        fields.has("inputs") ? "" : "; name them with inputs: [a, b]");
            }
            scope.add(local, op, inputs, labels);
        }
    }

    private void readBlock(String type, Block block, YamlMap fields, Scope scope) {
        Set<String> allowed = new HashSet<>(block.fields());
        allowed.addAll(OpReaders.COMMON);
        fields.allowOnly(type, allowed);
        if (leftOut(fields, type)) {
            return;
        }
        if (depth >= MAX_NESTING) {
            throw fields.node().error("blocks nest more than %d deep: does block '%s' use itself?", MAX_NESTING, type);
        }
        Copies copies = Copies.of(fields, type);
        int repeat = copies.count();
        String name = fields.text("name", type).orElseGet(() -> scope.autoName(type));
        List<String> labels = new ArrayList<>(labels(fields, type));
        labels.add(name);
        String input = inputs(fields, type + " '" + scope.qualify(name) + "'", scope).get(0);
        for (int i = 0; i < repeat; i++) {
            String instance = copies.localName(name, i, type);
            Scope child = scope.childReading(instance, labels, i == 0 ? input : scope.last());
            String what = type + " '" + scope.qualify(instance) + "'";
            int before = scope.modelNodeCount();
            block.expand(copies.fieldsFor(fields, i), what, child, i == 0 || copies.sets("stride"),
                    new LayerListReader(source, userBlocks, defaults, depth + 1, modelParams));
            if (i == 0) {
                checkGrowth(fields, scope, before, repeat, scope.modelNodeCount() - before);
            }
            if (i == repeat - 1) {
                scope.adopt(child, instance, name);
            } else {
                scope.adopt(child, instance);
            }
        }
    }


    /** Refuses a repeat that would take the model past the node limit before building its copies. */
    private static void checkGrowth(YamlMap fields, Scope scope, int nodesBefore, int repeat, int nodesPerCopy) {
        long after = nodesBefore + (long) repeat * nodesPerCopy;
        if (after > SizeLimits.MAX_NODES) {
            YamlNode at = fields.has("repeat") ? fields.require("repeat", "") : fields.node();
            throw at.error("%,d copies of %,d nodes would take the model to %,d nodes, past the limit of %,d", repeat,
                    nodesPerCopy, after, SizeLimits.MAX_NODES);
        }
    }

    /** An optional layer whose condition does not hold (its fields were checked all the same). */
    private static boolean leftOut(YamlMap fields, String type) {
        return fields.has("when") && !fields.require("when", type).asBoolean(YamlMap.label(type, "when"));
    }

        private static List<String> inputs(YamlMap fields, String what, Scope scope) {
        if (!fields.has("inputs")) {
            return List.of(scope.last());
        }
        List<String> resolved = new ArrayList<>();
        for (YamlNode ref : fields.require("inputs", what).asListOrSingle()) {
            try {
                resolved.add(scope.resolve(ref.text(YamlMap.label(what, "inputs"))));
            } catch (BadInputException e) {
                throw ref.error("%s: %s", what, e.getMessage());
            }
        }
        if (resolved.isEmpty()) {
            throw fields.require("inputs", what).error("field 'inputs' of %s is empty", what);
        }
        return resolved;
    }

    private static List<String> labels(YamlMap fields, String what) {
        List<String> labels = new ArrayList<>();
        fields.get("labels").ifPresent(l -> {
            for (YamlNode n : l.asListOrSingle()) {
                labels.add(n.text(YamlMap.label(what, "labels")));
            }
        });
        fields.text("stage", what).ifPresent(labels::add);
        return labels;
    }

    private static YamlMap emptyMap(YamlNode at) {
        YamlTree.Mapping empty = new YamlTree.Mapping(List.of(), at.raw().line(), at.raw().column());
        return new YamlNode(at.source(), empty).asMap("");
    }
}
