package dev.ridgeline.search.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.io.yaml.ModelYamlReader;
import dev.ridgeline.core.io.yaml.ModelYamlWriter;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.space.Spaces;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Designs of rich spaces (widths, kernels, separable forms, resolutions) written as model files read back equal. */
class DesignRoundTripTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"resnet50", "mobilenet_v2", "vgg16", "googlenet", "mobilenet_v1", "shufflenet_v2_x1_0", "convnext_tiny",
            "efficientnet_b0"})
    void randomDesignsRoundTripThroughTheModelFormat(String name) {
        ResolvedSpace space = SpaceBuilder.build(Zoo.load(name), Spaces.rich(true));
        DesignSpace s = space.space();
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            Map<Integer, Integer> chosen = new HashMap<>();
            for (int k = 0; k < s.knobCount(); k++) {
                if (trial % 2 == 0 || random.nextBoolean()) { // every knob, or some with the rest at the base
                    chosen.put(k, random.nextInt(s.choices(k)));
                }
            }
            Model design = Design.of(space, chosen).model();
            Model back = ModelYamlReader.read(name + ".yaml", new StringReader(ModelYamlWriter.toYaml(design)));
            assertEquals(design.inputs(), back.inputs());
            assertEquals(design.nodes(), back.nodes());
            assertEquals(design.outputs(), back.outputs());
        }
    }

    @org.junit.jupiter.api.Test
    void aDesignOfNoKnobIsTheBaseModelAndOneOfEveryKnobIsThePoint() {
        ResolvedSpace space = SpaceBuilder.build(Zoo.load("resnet18"), Spaces.rich(true));
        assertEquals(space.base().nodes(), Design.of(space, Map.of()).model().nodes());
        int[] point = new int[space.space().knobCount()];
        Map<Integer, Integer> all = new HashMap<>();
        for (int k = 0; k < point.length; k++) {
            point[k] = k % space.space().choices(k);
            all.put(k, point[k]);
        }
        assertEquals(new DesignApplier(space).apply(point).nodes(), Design.of(space, all).model().nodes());
    }
}
