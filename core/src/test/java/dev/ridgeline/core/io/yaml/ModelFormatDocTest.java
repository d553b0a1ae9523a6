package dev.ridgeline.core.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.Counter;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.shape.ShapeInference;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples in docs/model-format.md are real models: each one reads and counts. */
class ModelFormatDocTest {

    @Test
    void everyExampleInTheFormatReferenceReadsAndCounts() throws IOException {
        String doc = Files.readString(Path.of("docs/model-format.md"));
        Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<Model> models = new ArrayList<>();
        while (m.find()) {
            Model model = ModelYamlReader.read("docs/model-format.md example " + (models.size() + 1),
                    new StringReader(m.group(1)));
            Counter.count(ShapeInference.infer(model, 1), Convention.MACS, 4);
            models.add(model);
        }
        assertEquals(8, models.size(), "examples found");
        Model fire = models.get(1);
        // squeeze 96 -> 16, expand 16 -> 64 (1x1) and 16 -> 64 (3x3), each with bias
        assertEquals(96 * 16 + 16 + 16 * 64 + 64 + 16 * 64 * 9 + 64,
                Counter.count(ShapeInference.infer(fire, 1), Convention.MACS, 4).totals().params());
        assertTrue(fire.node("fire2.concat1").isPresent());

        // dense layers at 64 and 96 channels in: BN 2C, 1x1 C -> 128, BN 256, 3x3 128 -> 32; transition 128 -> 64
        Model dense = models.get(2);
        assertEquals(128 + 64 * 128 + 256 + 128 * 32 * 9 + 192 + 96 * 128 + 256 + 128 * 32 * 9 + 128 * 64,
                params(dense));
        assertTrue(dense.node("denseblock1.denselayer2.conv2").isPresent());
        assertEquals(64, ShapeInference.infer(dense, 1).shapeOf("transition1.pool").channels());

        Model bneck = models.get(3);
        assertTrue(bneck.node("features.1.expand.conv").isEmpty(), "16 -> 16 needs no expansion");
        assertTrue(bneck.node("features.1.residual").isPresent());
        assertTrue(bneck.node("features.2.expand.conv").isPresent());
        assertTrue(bneck.node("features.2.residual").isEmpty(), "stride 2 and 16 -> 24: no residual");

        // nested blocks, when, make_divisible and ceil outside blocks, conv_bn_act's default out
        Model nested = models.get(4);
        assertEquals(16 * 64 + 128 + 64 * 32 * 9 + 64 + 32 * 24 * 9 + 48 + 24 * 24 * 9 + 48 + 24 * 40 + 40 + 40 * 12 + 12,
                params(nested));
        assertTrue(nested.node("s1.wide.expand.conv").isPresent());
        assertTrue(nested.node("s1.narrow.expand.conv").isEmpty(), "expand 1: left out");
        assertTrue(nested.node("never").isEmpty());
        assertEquals(24, ShapeInference.infer(nested, 1).shapeOf("s1.keep.conv").channels(), "out defaults to in");
        assertEquals(40, ShapeInference.infer(nested, 1).shapeOf("head").channels(), "make_divisible(37.5, 8)");
        assertEquals(12, ShapeInference.infer(nested, 1).shapeOf("reduce").channels(), "ceil(40 * 0.3)");

        // 3x3 convs 3 -> 16 (stride 1), 16 -> 32 and 32 -> 64 (stride 2) with BN; fc 64 -> 10
        Model repeated = models.get(5);
        assertEquals(3 * 16 * 9 + 32 + 16 * 32 * 9 + 64 + 32 * 64 * 9 + 128 + 64 * 10 + 10, params(repeated));
        assertEquals(dev.ridgeline.core.graph.Shape.of(1, 64, 8, 8),
                ShapeInference.infer(repeated, 1).shapeOf("stage.2.relu"));

        assertEquals(dev.ridgeline.core.count.ModernBlocks.SHUFFLE_PARAMS, params(models.get(6)));
        assertEquals(dev.ridgeline.core.count.ModernBlocks.SHUFFLE_MACS,
                Counter.count(ShapeInference.infer(models.get(6), 1), Convention.MACS, 4).totals().macs());
        assertEquals(dev.ridgeline.core.count.ModernBlocks.CONVNEXT_PARAMS, params(models.get(7)));
    }

    private static long params(Model m) {
        return Counter.count(ShapeInference.infer(m, 1), Convention.MACS, 4).totals().params();
    }
}
