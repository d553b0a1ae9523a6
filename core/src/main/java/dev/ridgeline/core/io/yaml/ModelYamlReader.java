package dev.ridgeline.core.io.yaml;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.core.build.NetworkBuilder;
import dev.ridgeline.core.build.Scope;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.graph.Shape;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a model file:
 * <pre>
 * name: resnet18                # optional, defaults to the file name
 * input: [3, 224, 224]          # one sample, C x H x W (or "3x224x224", or {name: images, shape: [...]})
 * defaults: {conv: {bias: false}}   # optional fields every layer of a type gets unless it sets them
 * blocks: {...}                 # optional blocks of the file's own, see UserBlock
 * layers:
 *   - conv: {name: conv1, out: 64, kernel: 7, stride: 2, padding: 3, bias: false}
 *   - bn
 *   - relu: {inplace: true}
 *   - basic_block: {name: layer1, out: 64, repeat: 2}
 * outputs: [fc]                 # optional; by default every layer nothing reads
 * params: {width_mult: 1.0}     # optional parameters of the whole file, "$width_mult" in any field
 * </pre>
 * Unknown fields, wrong types and missing values fail with file:line:column and the allowed fields.
 */
public final class ModelYamlReader {
    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "source", "input", "defaults", "blocks",
            "layers", "outputs", "params");

    private ModelYamlReader() {
    }

    public static Model read(Path file) {
        return read(file, Optional.empty());
    }

    /**
     * Reads the model at another sample shape (channels first, no batch) with the file's rank and channels:
     * every layer takes its input channels and features from what feeds it, so a linear layer after a
     * flatten follows the new size, as under a sweep's resolution knob. A sample of another rank or
     * channel count leaves the file's own, for the caller to report.
     */
    public static Model read(Path file, Optional<Shape> sample) {
        return read(file, sample, Map.of());
    }

    /**
     * As {@link #read(Path, Optional)}, with some of the file's parameters ({@code params:}) set to other
     * values, each written as in YAML ("0.75"); a name the file does not declare is bad input.
     */
    public static Model read(Path file, Optional<Shape> sample, Map<String, String> params) {
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return read(YamlNode.parse(file), stem, sample, params);
    }

    public static Model read(String source, Reader reader) {
        return read(source, reader, Optional.empty());
    }

    /** As {@link #read(Path, Optional)}, from a reader; {@code source} names it in messages. */
    public static Model read(String source, Reader reader, Optional<Shape> sample) {
        return read(source, reader, sample, Map.of());
    }

    /** As {@link #read(Path, Optional, Map)}, from a reader; {@code source} names it in messages. */
    public static Model read(String source, Reader reader, Optional<Shape> sample, Map<String, String> params) {
        String stem = Path.of(source).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return read(YamlNode.parse(source, reader), stem, sample, params);
    }

    /** The parameters a model file declares ({@code params:}), each with its value as written, in file order. */
    public static Map<String, String> params(String source, Reader reader) {
        YamlMap top = YamlNode.parse(source, reader).asMap("a model file");
        Map<String, String> out = new LinkedHashMap<>();
        declared(top).forEach((k, v) -> out.put(k, ((YamlTree.Scalar) v).text()));
        return out;
    }

    static Model read(YamlNode root, String defaultName) {
        return read(root, defaultName, Optional.empty(), Map.of());
    }

    static Model read(YamlNode root, String defaultName, Optional<Shape> sampleOverride, Map<String, String> params) {
        YamlMap top = root.asMap("a model file").allowOnly("a model file", TOP_LEVEL);
        String name = top.text("name", "the model").orElse(defaultName);
        YamlNode inputNode = top.require("input", "a model file (the shape of one sample, e.g. input: [3, 224, 224])");
        String inputName = Scope.INPUT;
        YamlNode shapeNode = inputNode;
        if (inputNode.isMap()) {
            YamlMap in = inputNode.asMap("input").allowOnly("input", Set.of("name", "shape"));
            inputName = in.text("name", "input").orElse(Scope.INPUT);
            shapeNode = in.require("shape", "input");
        }
        Shape declared = readSampleShape(shapeNode);
        Shape sample = sampleOverride.map(o -> override(declared, o)).orElse(declared);

        Map<String, Block> blocks = new LinkedHashMap<>();
        top.get("blocks").ifPresent(b -> {
            YamlMap defs = b.asMap("blocks");
            for (String blockName : defs.fields()) {
                if (OpReaders.isOp(blockName) || BuiltinBlocks.ALL.containsKey(blockName)) {
                    throw defs.key(blockName).error("block name '%s' is taken by a built-in layer type or block",
                            blockName);
                }
                blocks.put(blockName, UserBlock.read(blockName, defs.require(blockName, "blocks")));
            }
        });

        Map<String, YamlMap> defaults = new LinkedHashMap<>();
        top.get("defaults").ifPresent(d -> {
            YamlMap byType = d.asMap("defaults");
            for (String type : byType.fields()) {
                if (!OpReaders.isOp(type) && !BuiltinBlocks.ALL.containsKey(type) && !blocks.containsKey(type)) {
                    throw byType.key(type).error("defaults for unknown layer type '%s'%s", type,
                            Suggest.hint(type, OpReaders.types()));
                }
                defaults.put(type, byType.require(type, "defaults").asMap("the defaults of " + type));
            }
        });

        Map<String, YamlTree> bindings = bindings(top, params, name);
        NetworkBuilder builder = new NetworkBuilder(name, inputName, sample)
                .description(top.text("description", "the model").orElse(""));
        YamlNode layersNode = top.require("layers", "a model file");
        if (!bindings.isEmpty()) {
            // a top-level copy_name is an expression of the copy index $i, which the repeat evaluates
            layersNode = new YamlNode(root.source(), new Substitution("model '" + name + "'", bindings, root.source(),
                    Set.of("copy_name")).apply(layersNode.raw()));
        }
        List<YamlNode> layers = layersNode.asList("layers");
        if (layers.isEmpty()) {
            throw top.require("layers", "").error("layers is empty: a model needs at least one layer");
        }
        new LayerListReader(root.source(), blocks, defaults, 0, bindings).read(layers, builder.root());

        List<String> outputs = new ArrayList<>();
        top.get("outputs").ifPresent(o -> {
            for (YamlNode ref : o.asListOrSingle()) {
                try {
                    outputs.add(builder.root().resolve(ref.text("an output")));
                } catch (BadInputException e) {
                    throw ref.error("outputs: %s", e.getMessage());
                }
            }
        });
        try {
            return builder.build(outputs);
        } catch (BadInputException e) {
            throw root.error("%s", e.getMessage());
        }
    }

    /** The file's parameters and their values: as declared, or as {@code overrides} sets them. */
    private static Map<String, YamlTree> bindings(YamlMap top, Map<String, String> overrides, String model) {
        Map<String, YamlTree> declared = declared(top);
        Map<String, YamlTree> out = new LinkedHashMap<>(declared);
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            YamlTree at = declared.get(o.getKey());
            if (at == null) {
                throw new BadInputException(String.format(java.util.Locale.ROOT, "model '%s' has no parameter '%s'; "
                        + "its parameters: %s", model, o.getKey(), declared.isEmpty() ? "none (the file has no params:)"
                        : String.join(", ", declared.keySet())));
            }
            out.put(o.getKey(), new YamlTree.Scalar(o.getValue(), false, at.line(), at.column()));
        }
        return out;
    }

    /** {@code params:} of a model file: each a single value (a number, a flag or a text). */
    private static Map<String, YamlTree> declared(YamlMap top) {
        Map<String, YamlTree> out = new LinkedHashMap<>();
        top.get("params").ifPresent(p -> {
            YamlMap params = p.asMap("params (the model's parameters, e.g. params: {width_mult: 1.0})");
            for (String param : params.fields()) {
                YamlNode value = params.get(param).orElse(null);
                if (value == null || !value.isScalar() || ((YamlTree.Scalar) value.raw()).isNull()) {
                    throw (value == null ? params.key(param) : value).error("parameter '%s' of the model needs a "
                            + "value (a number, true/false or a text), its default", param);
                }
                if (param.equals(UserBlock.IN)) {
                    throw params.key(param).error("a model cannot have a parameter named 'in': inside blocks $in is "
                            + "the channels entering the block");
                }
                out.put(param, value.raw());
            }
        });
        return out;
    }

    /** The declared shape (batch 1 in front) with the sample's sizes when rank and channels match. */
    private static Shape override(Shape declared, Shape sample) {
        if (sample.rank() != declared.rank() - 1 || sample.dim(0) != declared.dim(1)) {
            return declared;
        }
        int[] withBatch = new int[declared.rank()];
        withBatch[0] = 1;
        for (int i = 0; i < sample.rank(); i++) {
            withBatch[i + 1] = sample.dim(i);
        }
        return Shape.of(withBatch);
    }

    /** [C, H, W], [F] or "3x224x224" for one sample; the model's shape gets a batch of 1 in front. */
    static Shape readSampleShape(YamlNode node) {
        List<Integer> dims = new ArrayList<>();
        if (node.isScalar()) {
            for (String part : node.text("input").split("x")) {
                try {
                    dims.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw node.error("input must be a shape such as [3, 224, 224] or 3x224x224, got '%s'",
                            node.text("input"));
                }
            }
        } else {
            for (YamlNode d : node.asList("input")) {
                dims.add(d.asInt("a dimension of input"));
            }
        }
        if (dims.isEmpty() || dims.size() > 3 || dims.stream().anyMatch(d -> d < 1)) {
            throw node.error("input must be one sample's shape, C x H x W (or F), with every dimension at least 1; got %s",
                    dims);
        }
        int[] withBatch = new int[dims.size() + 1];
        withBatch[0] = 1;
        for (int i = 0; i < dims.size(); i++) {
            withBatch[i + 1] = dims.get(i);
        }
        return Shape.of(withBatch);
    }
}
