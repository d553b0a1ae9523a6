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
 * </pre>
 * Unknown fields, wrong types and missing values fail with file:line:column and the allowed fields.
 */
public final class ModelYamlReader {
    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "source", "input", "defaults", "blocks",
            "layers", "outputs");

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
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return read(YamlNode.parse(file), stem, sample);
    }

    public static Model read(String source, Reader reader) {
        return read(source, reader, Optional.empty());
    }

    /** As {@link #read(Path, Optional)}, from a reader; {@code source} names it in messages. */
    public static Model read(String source, Reader reader, Optional<Shape> sample) {
        String stem = Path.of(source).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return read(YamlNode.parse(source, reader), stem, sample);
    }

    static Model read(YamlNode root, String defaultName) {
        return read(root, defaultName, Optional.empty());
    }

    static Model read(YamlNode root, String defaultName, Optional<Shape> sampleOverride) {
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

        NetworkBuilder builder = new NetworkBuilder(name, inputName, sample)
                .description(top.text("description", "the model").orElse(""));
        List<YamlNode> layers = top.require("layers", "a model file").asList("layers");
        if (layers.isEmpty()) {
            throw top.require("layers", "").error("layers is empty: a model needs at least one layer");
        }
        new LayerListReader(root.source(), blocks, defaults, 0).read(layers, builder.root());

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
