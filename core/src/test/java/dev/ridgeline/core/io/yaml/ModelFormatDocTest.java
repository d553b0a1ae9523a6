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
        assertEquals(2, models.size(), "examples found");
        Model fire = models.get(1);
        // squeeze 96 -> 16, expand 16 -> 64 (1x1) and 16 -> 64 (3x3), each with bias
        assertEquals(96 * 16 + 16 + 16 * 64 + 64 + 16 * 64 * 9 + 64,
                Counter.count(ShapeInference.infer(fire, 1), Convention.MACS, 4).totals().params());
        assertTrue(fire.node("fire2.concat1").isPresent());
    }
}
