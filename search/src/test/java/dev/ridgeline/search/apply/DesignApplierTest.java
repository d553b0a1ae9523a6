package dev.ridgeline.search.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.op.Conv2d;
import dev.ridgeline.core.shape.ShapeInference;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.search.space.DesignSpace;
import dev.ridgeline.search.space.ResolvedSpace;
import dev.ridgeline.search.space.SpaceBuilder;
import dev.ridgeline.search.space.Spaces;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesignApplierTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"resnet50", "mobilenet_v2", "vgg16", "resnet18", "googlenet", "mobilenet_v1"})
    void everyRandomPointOfARichSpaceIsAValidModel(String name) {
        Model base = Zoo.load(name);
        ResolvedSpace space = SpaceBuilder.build(base, Spaces.rich(true));
        DesignApplier applier = new DesignApplier(space);
        SplittableRandom random = new SplittableRandom(7);
        DesignSpace s = space.space();
        int[] choices = new int[s.knobCount()];
        for (int trial = 0; trial < 200; trial++) {
            for (int k = 0; k < choices.length; k++) {
                choices[k] = random.nextInt(s.choices(k));
            }
            Model applied = applier.apply(choices);
            ShapeInference.infer(applied, 1); // throws on any inconsistency
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"resnet50", "mobilenet_v2"})
    void theBasePointReproducesTheBaseModelsCounts(String name) {
        Model base = Zoo.load(name);
        ResolvedSpace space = SpaceBuilder.build(base, new dev.ridgeline.search.space.SpaceSpec(
                java.util.List.of(Spaces.widths(Spaces.stages("*"), 0.5, 1.0)), java.util.List.of(),
                java.util.List.of(), null));
        int[] full = new int[space.space().knobCount()];
        java.util.Arrays.fill(full, 1);
        Model applied = new DesignApplier(space).apply(full);
        assertEquals(base.nodes(), applied.nodes());
    }

    @org.junit.jupiter.api.Test
    void theMobilenetExampleMakesStagesThreeAndFourStandardOrSeparable() {
        Model base = Zoo.load("mobilenet_v2");
        ResolvedSpace space = SpaceBuilder.build(base, Spaces.mobilenetExample());
        DesignSpace s = space.space();
        int[] choices = new int[s.knobCount()];
        int separableKnob = s.knobs().indexOf(s.knobs().stream().filter(k -> k.name().equals("separable:stage3"))
                .findFirst().orElseThrow());
        choices[separableKnob] = 0; // standard
        Model applied = new DesignApplier(space).apply(choices);
        Conv2d standard = (Conv2d) applied.node("stage3.0.depthwise").orElseThrow().op();
        assertEquals(1, standard.groups(), "one standard 3x3 conv in place of depthwise + pointwise");
        assertTrue(applied.node("stage3.0.project").isEmpty());
        assertTrue(applied.node("stage3.0.project_bn").isPresent(), "the projection's BN follows the standard conv");
        ShapeInference.infer(applied, 1);
    }

    @org.junit.jupiter.api.Test
    void everyPointKeepsThePrecisionItsBaseLayersRunIn() {
        Model zoo = Zoo.load("mobilenet_v2");
        Model.Builder b = Model.builder(zoo.name());
        zoo.inputs().forEach(b::input);
        zoo.nodes().forEach(b::add);
        zoo.outputs().forEach(b::output);
        zoo.nodes().stream().filter(n -> n.op() instanceof Conv2d)
                .forEach(n -> b.precision(n.name(), dev.ridgeline.core.graph.LayerPrecision.INT8));
        Model base = b.build();
        ResolvedSpace space = SpaceBuilder.build(base, Spaces.mobilenetExample());
        int[] choices = new int[space.space().knobCount()];
        Model applied = new DesignApplier(space).apply(choices);
        applied.nodes().stream().filter(n -> n.op() instanceof Conv2d).forEach(n -> assertEquals(
                java.util.Optional.of(dev.ridgeline.core.graph.LayerPrecision.INT8), applied.precisionOf(n.name()),
                n.name()));
        assertTrue(applied.nodes().stream().anyMatch(n -> n.name().endsWith(".depthwise")),
                "the point splits a conv into a separable pair, whose parts keep its precision");
    }
}
